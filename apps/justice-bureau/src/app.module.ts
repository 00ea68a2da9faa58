import { DynamicModule, Module } from '@nestjs/common';
import { SERVICE } from '@oversight/contracts';
import { ServiceCoreModule } from '@oversight/platform';
import { ComplaintModule } from './complaint/complaint.module';
import { JusticeBureauConfig } from './justice-bureau.config';
import { JUSTICE_BUREAU_ENTITIES } from './justice-bureau.entities';
import { OrganisationModule } from './organisation/organisation.module';

@Module({})
export class AppModule {
  static forRoot(config: JusticeBureauConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: SERVICE.justiceBureau,
          config,
          entities: JUSTICE_BUREAU_ENTITIES,
        }),
        OrganisationModule,
        ComplaintModule,
      ],
    };
  }
}
