import { ServiceConfig } from '@oversight/config';
import { DynamicModule, Module } from '@nestjs/common';
import { SERVICE } from '@oversight/contracts';
import { ServiceCoreModule } from '@oversight/platform';
import { ClueReferralModule } from './clue-referral/clue-referral.module';
import { AcceptanceCampaignModule } from './acceptance-campaign/acceptance-campaign.module';
import { CaseFileReviewModule } from './case-file-review/case-file-review.module';
import { AssessmentModule } from './assessment/assessment.module';
import { ComplaintModule } from './complaint/complaint.module';
import { CriminalCaseCopyModule } from './criminal-case-copy/criminal-case-copy.module';
import { FollowUpVisitModule } from './follow-up-visit/follow-up-visit.module';
import { JUSTICE_BUREAU_ENTITIES } from './justice-bureau.entities';
import { OrganisationModule } from './organisation/organisation.module';
import { ReceivedClueModule } from './received-clue/received-clue.module';
import { SupervisionCaseModule } from './supervision-case/supervision-case.module';
import { SupervisionRequestModule } from './supervision-request/supervision-request.module';
import { RegistersModule } from './registers/registers.module';

@Module({})
export class AppModule {
  static forRoot(config: ServiceConfig): DynamicModule {
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
        ClueReferralModule,
        ReceivedClueModule,
        AcceptanceCampaignModule,
        CriminalCaseCopyModule,
        SupervisionCaseModule,
        RegistersModule,
        CaseFileReviewModule,
        FollowUpVisitModule,
        AssessmentModule,
        SupervisionRequestModule,
      ],
    };
  }
}
