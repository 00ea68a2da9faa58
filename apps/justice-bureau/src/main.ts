import { DEFAULT_PORT, SERVICE } from '@oversight/contracts';
import { runService } from '@oversight/platform';
import { AppModule } from './app.module';
import { JusticeBureauConfig } from './justice-bureau.config';

runService({
  service: SERVICE.justiceBureau,
  title: '县司法局 Justice bureau',
  defaultPort: DEFAULT_PORT[SERVICE.justiceBureau],
  configClass: JusticeBureauConfig,
  module: (config) => AppModule.forRoot(config),
});
