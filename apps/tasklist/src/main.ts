import { DEFAULT_PORT, SERVICE } from '@oversight/contracts';
import { runService } from '@oversight/platform';
import { ServiceConfig } from '@oversight/config';
import { AppModule } from './app.module';

runService({
  service: SERVICE.tasklist,
  title: '任务中心 Tasklist',
  defaultPort: DEFAULT_PORT[SERVICE.tasklist],
  configClass: ServiceConfig,
  module: (config) => AppModule.forRoot(config),
});
