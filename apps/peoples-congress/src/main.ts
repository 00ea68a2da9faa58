import { DEFAULT_PORT, SERVICE } from '@oversight/contracts';
import { runService } from '@oversight/platform';
import { ServiceConfig } from '@oversight/config';
import { AppModule } from './app.module';

runService({
  service: SERVICE.peoplesCongress,
  title: '县人大 People’s congress',
  defaultPort: DEFAULT_PORT[SERVICE.peoplesCongress],
  configClass: ServiceConfig,
  module: (config) => AppModule.forRoot(config),
});
