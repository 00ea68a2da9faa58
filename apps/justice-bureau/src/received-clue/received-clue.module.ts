import { Module } from '@nestjs/common';
import { ClueFeedbackRemindedConsumer } from './clue-feedback-reminded.consumer';
import { ClueReferralReceivedConsumer } from './clue-referral-received.consumer';
import { ReceivedClueController } from './received-clue.controller';
import { ReceivedClueService } from './received-clue.service';
import { RecordClueHandlingWorker } from './workers/record-clue-handling.worker';
import { RecordClueResultWorker } from './workers/record-clue-result.worker';
import { RecordJurisdictionDecisionWorker } from './workers/record-jurisdiction-decision.worker';
import { RegisterClueWorker } from './workers/register-clue.worker';

/** Clues the discipline commission refers to the justice bureau (receiving side, 双向协作). */
@Module({
  controllers: [ReceivedClueController],
  providers: [
    ReceivedClueService,
    ClueReferralReceivedConsumer,
    ClueFeedbackRemindedConsumer,
    RegisterClueWorker,
    RecordJurisdictionDecisionWorker,
    RecordClueHandlingWorker,
    RecordClueResultWorker,
  ],
})
export class ReceivedClueModule {}
