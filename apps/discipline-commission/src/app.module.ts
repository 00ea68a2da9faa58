import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@oversight/config';
import { SERVICE } from '@oversight/contracts';
import { ServiceCoreModule } from '@oversight/platform';

/** Foundation only: its database schema, Kafka and the engine, with /health and /docs. */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ServiceCoreModule.forRoot({ service: SERVICE.disciplineCommission, config, entities: [] })],
    };
  }
}
