import { DEFAULT_PORT, SERVICE } from '@oversight/contracts';
import { runService } from '@oversight/platform';
import { ProcuratorateConfig } from './procuratorate.config';
import { AppModule } from './app.module';

runService({
  service: SERVICE.procuratorate,
  title: '县检察院 Procuratorate',
  defaultPort: DEFAULT_PORT[SERVICE.procuratorate],
  configClass: ProcuratorateConfig,
  module: (config) => AppModule.forRoot(config),
});
