import { Module } from '@nestjs/common';
import { CriminalCaseRegisteredConsumer } from './criminal-case-registered.consumer';
import { CriminalTransferController } from './criminal-transfer.controller';
import { CriminalTransferService } from './criminal-transfer.service';
import { PenaltyCaseController, ProcuratorialOpinionController } from './handoff-watch.controller';
import { HandoffWatchService } from './handoff-watch.service';
import { ProcuratorialOpinionSentConsumer } from './procuratorial-opinion-sent.consumer';
import { CloseCriminalTransferWorker } from './workers/close-criminal-transfer.worker';
import { RaiseOpinionNoticeWorker } from './workers/raise-opinion-notice.worker';
import { RaiseTransferNoticeWorker } from './workers/raise-transfer-notice.worker';
import { SendCriminalTransferWorker } from './workers/send-criminal-transfer.worker';

/** The criminal-justice handoff (行政执法与刑事司法衔接), hosted by the procuratorate service. */
@Module({
  controllers: [CriminalTransferController, PenaltyCaseController, ProcuratorialOpinionController],
  providers: [
    CriminalTransferService,
    HandoffWatchService,
    CriminalCaseRegisteredConsumer,
    ProcuratorialOpinionSentConsumer,
    SendCriminalTransferWorker,
    RaiseTransferNoticeWorker,
    CloseCriminalTransferWorker,
    RaiseOpinionNoticeWorker,
  ],
})
export class CriminalTransferModule {}
