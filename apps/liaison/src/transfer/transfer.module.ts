import { Module } from '@nestjs/common';
import { ComplaintAcceptanceDecidedConsumer } from './complaint-acceptance-decided.consumer';
import { ComplaintOverdueConsumer } from './complaint-overdue.consumer';
import { ComplaintProcessStartedConsumer } from './complaint-process-started.consumer';
import { ComplaintRegisteredConsumer } from './complaint-registered.consumer';
import { TransferController } from './transfer.controller';
import { TransferProjectionService } from './transfer-projection.service';
import { TransferService } from './transfer.service';

@Module({
  controllers: [TransferController],
  providers: [
    TransferService,
    TransferProjectionService,
    ComplaintRegisteredConsumer,
    ComplaintProcessStartedConsumer,
    ComplaintAcceptanceDecidedConsumer,
    ComplaintOverdueConsumer,
  ],
})
export class TransferModule {}
