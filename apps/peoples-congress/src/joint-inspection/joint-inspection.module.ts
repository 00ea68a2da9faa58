import { Module } from '@nestjs/common';
import { ClueResultReportedConsumer } from './clue-result-reported.consumer';
import { InspectionRectificationOrderedConsumer } from './inspection-rectification-ordered.consumer';
import { InspectionReportService } from './inspection-report.service';
import { AgencyInspectionController, JointInspectionController } from './joint-inspection.controller';
import { JointInspectionService } from './joint-inspection.service';
import { SupervisionCaseChangedConsumer } from './supervision-case-changed.consumer';
import { RaiseInspectionNoticeWorker } from './workers/raise-inspection-notice.worker';

/** Joint enforcement inspections (执法检查) of the people's congress with 司法局 and 检察院 (plan 三（一）1). */
@Module({
  controllers: [JointInspectionController, AgencyInspectionController],
  providers: [
    JointInspectionService,
    InspectionReportService,
    InspectionRectificationOrderedConsumer,
    SupervisionCaseChangedConsumer,
    ClueResultReportedConsumer,
    RaiseInspectionNoticeWorker,
  ],
  exports: [JointInspectionService],
})
export class JointInspectionModule {}
