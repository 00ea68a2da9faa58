import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { NegativeListRegisterModule } from '../registers/negative-list/negative-list-register.module';
import { AgencyComplaintController } from './agency-complaint.controller';
import { AnnualReportService } from './annual-report.service';
import { AttachmentService } from './attachment.service';
import { ComplainantIdentityService } from './complainant-identity.service';
import { ComplaintActionsService } from './complaint-actions.service';
import { ComplaintQueryService } from './complaint-query.service';
import { ComplaintRegisteredConsumer } from './complaint-registered.consumer';
import { ComplaintStatisticsService } from './complaint-statistics.service';
import { ComplaintController } from './complaint.controller';
import { ComplaintService } from './complaint.service';
import { NegativeListController } from './negative-list.controller';
import { Open311Controller } from './open311.controller';
import { PublicComplaintController } from './public-complaint.controller';
import { PublicComplaintService } from './public-complaint.service';
import { CloseComplaintWorker } from './workers/close-complaint.worker';
import { CloseObjectionWindowWorker } from './workers/close-objection-window.worker';
import { RaiseSupervisionNoticeWorker } from './workers/raise-supervision-notice.worker';
import { RecordAcceptanceDecisionWorker } from './workers/record-acceptance-decision.worker';
import { RecordAppealDecisionWorker } from './workers/record-appeal-decision.worker';
import { RecordAssignmentWorker } from './workers/record-assignment.worker';
import { RecordDraftReplyWorker } from './workers/record-draft-reply.worker';
import { RecordExtensionDecisionWorker } from './workers/record-extension-decision.worker';
import { RecordFollowUpWorker } from './workers/record-follow-up.worker';
import { RecordObjectionWorker } from './workers/record-objection.worker';
import { RecordReplyWorker } from './workers/record-reply.worker';
import { RecordReviewWorker } from './workers/record-review.worker';

@Module({
  imports: [OrganisationModule, NegativeListRegisterModule],
  controllers: [
    ComplaintController,
    AgencyComplaintController,
    PublicComplaintController,
    Open311Controller,
    NegativeListController,
  ],
  providers: [
    ComplaintService,
    ComplaintQueryService,
    ComplaintActionsService,
    ComplainantIdentityService,
    PublicComplaintService,
    AttachmentService,
    ComplaintStatisticsService,
    AnnualReportService,
    ComplaintRegisteredConsumer,
    RecordAcceptanceDecisionWorker,
    RecordAssignmentWorker,
    RecordObjectionWorker,
    CloseObjectionWindowWorker,
    RecordDraftReplyWorker,
    RecordReviewWorker,
    RecordReplyWorker,
    RecordExtensionDecisionWorker,
    RecordFollowUpWorker,
    RecordAppealDecisionWorker,
    CloseComplaintWorker,
    RaiseSupervisionNoticeWorker,
  ],
})
export class ComplaintModule {}
