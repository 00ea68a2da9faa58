import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { ComplaintController } from './complaint.controller';
import { ComplaintRegisteredConsumer } from './complaint-registered.consumer';
import { ComplaintService } from './complaint.service';
import { RaiseOverdueNoticeWorker } from './raise-overdue-notice.worker';
import { RecordAcceptanceDecisionWorker } from './record-acceptance-decision.worker';

@Module({
  imports: [OrganisationModule],
  controllers: [ComplaintController],
  providers: [
    ComplaintService,
    ComplaintRegisteredConsumer,
    RecordAcceptanceDecisionWorker,
    RaiseOverdueNoticeWorker,
  ],
})
export class ComplaintModule {}
