import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig } from '@oversight/config';
import { SERVICE } from '@oversight/contracts';
import { ServiceCoreModule } from '@oversight/platform';
import { AnnualReportModule } from './annual-report/annual-report.module';
import { JointInspectionModule } from './joint-inspection/joint-inspection.module';
import { PEOPLES_CONGRESS_ENTITIES } from './peoples-congress.entities';

/** The people's congress: joint enforcement inspections and annual reports (issue 11). */
@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          service: SERVICE.peoplesCongress,
          config,
          entities: PEOPLES_CONGRESS_ENTITIES,
        }),
        JointInspectionModule,
        AnnualReportModule,
      ],
    };
  }
}
