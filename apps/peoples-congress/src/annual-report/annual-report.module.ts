import { Module } from '@nestjs/common';
import { AnnualReportDeliberatedConsumer } from './annual-report-deliberated.consumer';
import { AnnualReportController } from './annual-report.controller';
import { AnnualReportService } from './annual-report.service';
import { FlagLateReplyWorker } from './flag-late-reply.worker';

/** Annual enforcement reports to the standing committee and its deliberation opinions (监督法). */
@Module({
  controllers: [AnnualReportController],
  providers: [AnnualReportService, AnnualReportDeliberatedConsumer, FlagLateReplyWorker],
})
export class AnnualReportModule {}
