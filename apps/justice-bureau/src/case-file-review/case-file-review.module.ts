import { Module } from '@nestjs/common';
import { AgencyCaseFileReviewController } from './agency-case-file-review.controller';
import { CaseFileReviewResultsService } from './case-file-review-results.service';
import { CaseFileReviewController } from './case-file-review.controller';
import { CaseFileReviewService } from './case-file-review.service';
import { GuidingCaseService } from './guiding-case.service';
import { PublicGuidingCaseController } from './public-guiding-case.controller';

/** Case-file review (案卷评查) and guiding cases (案例指导), domain.md §3, plan 四（四）1 and 3. */
@Module({
  controllers: [CaseFileReviewController, AgencyCaseFileReviewController, PublicGuidingCaseController],
  providers: [CaseFileReviewService, CaseFileReviewResultsService, GuidingCaseService],
})
export class CaseFileReviewModule {}
