import { Module } from '@nestjs/common';
import { ComplaintAcceptanceDecidedConsumer } from './complaint-acceptance-decided.consumer';
import { ComplaintAssignedConsumer } from './complaint-assigned.consumer';
import { ComplaintDeadlineExtendedConsumer } from './complaint-deadline-extended.consumer';
import { ComplaintRepliedConsumer } from './complaint-replied.consumer';
import { ComplaintSupervisionNoticeConsumer } from './complaint-supervision-notice.consumer';
import { ComplaintProcessStartedConsumer } from './complaint-process-started.consumer';
import { ComplaintRegisteredConsumer } from './complaint-registered.consumer';
import { TransferChangedConsumer } from './transfer-changed.consumer';
import { RebuildService } from './rebuild.service';
import { TransferController } from './transfer.controller';
import { TransferProjectionService } from './transfer-projection.service';
import { TransferService } from './transfer.service';

@Module({
  controllers: [TransferController],
  exports: [TransferService],
  providers: [
    TransferService,
    RebuildService,
    TransferProjectionService,
    ComplaintRegisteredConsumer,
    ComplaintProcessStartedConsumer,
    ComplaintAcceptanceDecidedConsumer,
    ComplaintSupervisionNoticeConsumer,
    ComplaintAssignedConsumer,
    ComplaintRepliedConsumer,
    ComplaintDeadlineExtendedConsumer,
    TransferChangedConsumer,
  ],
})
export class TransferModule {}
