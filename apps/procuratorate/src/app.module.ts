import { DynamicModule, Global, Module } from '@nestjs/common';
import { SERVICE } from '@oversight/contracts';
import { ServiceCoreModule } from '@oversight/platform';
import { CriminalTransferModule } from './criminal-transfer/criminal-transfer.module';
import { ProcuratorateConfig } from './procuratorate.config';
import { PROCURATORATE_ENTITIES } from './procuratorate.entities';

/** The procuratorate's own settings, for its feature modules. */
@Global()
@Module({})
class ProcuratorateConfigModule {
  static forRoot(config: ProcuratorateConfig): DynamicModule {
    return {
      module: ProcuratorateConfigModule,
      providers: [{ provide: ProcuratorateConfig, useValue: config }],
      exports: [ProcuratorateConfig],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: ProcuratorateConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: SERVICE.procuratorate,
          config,
          entities: PROCURATORATE_ENTITIES,
        }),
        ProcuratorateConfigModule.forRoot(config),
        CriminalTransferModule,
      ],
    };
  }
}
