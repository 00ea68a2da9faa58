import { DEFAULT_PORT, SERVICE } from '@oversight/contracts';
import { runService } from '@oversight/platform';
import { ServiceConfig } from '@oversight/config';
import { AppModule } from './app.module';

runService({
  service: SERVICE.disciplineCommission,
  title: '县纪委监委 Discipline commission',
  defaultPort: DEFAULT_PORT[SERVICE.disciplineCommission],
  configClass: ServiceConfig,
  module: (config) => AppModule.forRoot(config),
});
