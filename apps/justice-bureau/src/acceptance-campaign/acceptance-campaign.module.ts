import { Module } from '@nestjs/common';
import { AcceptanceActionsService } from './acceptance-actions.service';
import { AcceptanceBoardService } from './acceptance-board.service';
import { AcceptanceCampaignStartedConsumer } from './acceptance-campaign-started.consumer';
import { AcceptanceCampaignController } from './acceptance-campaign.controller';
import { AcceptanceCampaignService } from './acceptance-campaign.service';
import { AcceptanceEvidenceService } from './acceptance-evidence.service';
import { AcceptanceReportService } from './acceptance-report.service';
import { AssessmentInputController } from './assessment-input.controller';
import { UnitAcceptanceController } from './unit-acceptance.controller';
import { AdvanceAcceptanceStageWorker } from './workers/advance-acceptance-stage.worker';
import { RaiseAcceptanceNoticeWorker } from './workers/raise-acceptance-notice.worker';
import { RecordCampaignSummaryWorker } from './workers/record-campaign-summary.worker';
import { RecordInspectionWorker } from './workers/record-inspection.worker';
import { RecordRectificationWorker } from './workers/record-rectification.worker';
import { RecordSelfCheckWorker } from './workers/record-self-check.worker';
import { RecordWorkPlanWorker } from './workers/record-work-plan.worker';

/** Creation-stage acceptance (先行区创建验收), domain.md §2.4: the campaign, its process and its report. */
@Module({
  controllers: [AcceptanceCampaignController, UnitAcceptanceController, AssessmentInputController],
  providers: [
    AcceptanceCampaignService,
    AcceptanceActionsService,
    AcceptanceBoardService,
    AcceptanceEvidenceService,
    AcceptanceReportService,
    AcceptanceCampaignStartedConsumer,
    AdvanceAcceptanceStageWorker,
    RecordWorkPlanWorker,
    RecordSelfCheckWorker,
    RecordInspectionWorker,
    RecordRectificationWorker,
    RaiseAcceptanceNoticeWorker,
    RecordCampaignSummaryWorker,
  ],
})
export class AcceptanceCampaignModule {}
