import { DEFAULT_PORT, SERVICE } from '@oversight/contracts';
import { runService } from '@oversight/platform';
import { ServiceConfig } from '@oversight/config';
import { AppModule } from './app.module';

runService({
  service: SERVICE.liaison,
  title: '联席会议 Liaison',
  defaultPort: DEFAULT_PORT[SERVICE.liaison],
  configClass: ServiceConfig,
  module: (config) => AppModule.forRoot(config),
});
