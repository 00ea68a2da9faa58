import { DEFAULT_PORT, SERVICE } from '@oversight/contracts';
import { runService } from '@oversight/platform';
import { AppModule } from './app.module';
import { GatewayConfig } from './gateway.config';

runService({
  service: SERVICE.gateway,
  title: '阳新县行政执法协调监督平台 Oversight gateway',
  defaultPort: DEFAULT_PORT.gateway,
  configClass: GatewayConfig,
  module: (config) => AppModule.forRoot(config),
});
