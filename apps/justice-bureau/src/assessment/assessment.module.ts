import { Module } from '@nestjs/common';
import { AssessmentInputsService } from './assessment-inputs.service';
import { AssessmentReportService } from './assessment-report.service';
import { AssessmentTransferChangedConsumer } from './assessment-transfer-changed.consumer';
import { AssessmentController } from './assessment.controller';
import { AssessmentService } from './assessment.service';
import { PublicAssessmentReportController } from './public-assessment-report.controller';

/** The annual assessment (执法考核精细化), domain.md §3: indicators, weights, runs, reports. */
@Module({
  controllers: [AssessmentController, PublicAssessmentReportController],
  providers: [
    AssessmentService,
    AssessmentInputsService,
    AssessmentReportService,
    AssessmentTransferChangedConsumer,
  ],
})
export class AssessmentModule {}
