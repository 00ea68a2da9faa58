import { Module } from '@nestjs/common';
import { AgencySupervisionCaseController } from './agency-supervision-case.controller';
import { SupervisionActionsService } from './supervision-actions.service';
import { SupervisionCaseOpenedConsumer } from './supervision-case-opened.consumer';
import { SupervisionCaseRequestedConsumer } from './supervision-case-requested.consumer';
import { SupervisionCaseController } from './supervision-case.controller';
import { SupervisionCaseService } from './supervision-case.service';
import { SupervisionDocumentService } from './supervision-document.service';
import { RaiseSupervisionCaseNoticeWorker } from './workers/raise-supervision-case-notice.worker';
import { RecordSupervisionFilingWorker } from './workers/record-supervision-filing.worker';
import { RecordSupervisionHandlingWorker } from './workers/record-supervision-handling.worker';
import { RecordSupervisionInvestigationWorker } from './workers/record-supervision-investigation.worker';
import { RecordSupervisionReplyWorker } from './workers/record-supervision-reply.worker';
import { RecordSupervisionReviewWorker } from './workers/record-supervision-review.worker';

/** Supervision cases (行政执法监督检查案件), plan 四（四）1 and domain.md §3: the case, its process and documents. */
@Module({
  controllers: [SupervisionCaseController, AgencySupervisionCaseController],
  providers: [
    SupervisionCaseService,
    SupervisionActionsService,
    SupervisionDocumentService,
    SupervisionCaseRequestedConsumer,
    SupervisionCaseOpenedConsumer,
    RecordSupervisionFilingWorker,
    RecordSupervisionInvestigationWorker,
    RecordSupervisionHandlingWorker,
    RecordSupervisionReplyWorker,
    RecordSupervisionReviewWorker,
    RaiseSupervisionCaseNoticeWorker,
  ],
})
export class SupervisionCaseModule {}
