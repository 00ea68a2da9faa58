import { ServiceConfig } from '@oversight/config';
import { DEFAULT_PORT, SERVICE } from '@oversight/contracts';
import { runService } from '@oversight/platform';
import { AppModule } from './app.module';

runService({
  service: SERVICE.justiceBureau,
  title: '县司法局 Justice bureau',
  defaultPort: DEFAULT_PORT[SERVICE.justiceBureau],
  configClass: ServiceConfig,
  module: (config) => AppModule.forRoot(config),
});
