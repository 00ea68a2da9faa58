import { Module } from '@nestjs/common';
import { ClueFeedbackRemindedConsumer } from './clue-feedback-reminded.consumer';
import { ClueReferralReceivedConsumer } from './clue-referral-received.consumer';
import { ClueController } from './clue.controller';
import { ClueService } from './clue.service';
import { RaiseClueNoticeWorker } from './workers/raise-clue-notice.worker';
import { RecordClueDisposalWorker } from './workers/record-clue-disposal.worker';
import { RecordClueHandlingWorker } from './workers/record-clue-handling.worker';
import { RecordClueResultWorker } from './workers/record-clue-result.worker';
import { RecordJurisdictionDecisionWorker } from './workers/record-jurisdiction-decision.worker';
import { RegisterClueWorker } from './workers/register-clue.worker';

/** Problem clues referred to the discipline commission: registration, jurisdiction, disposal, feedback. */
@Module({
  controllers: [ClueController],
  providers: [
    ClueService,
    ClueReferralReceivedConsumer,
    ClueFeedbackRemindedConsumer,
    RegisterClueWorker,
    RecordJurisdictionDecisionWorker,
    RecordClueDisposalWorker,
    RecordClueHandlingWorker,
    RecordClueResultWorker,
    RaiseClueNoticeWorker,
  ],
})
export class ClueModule {}
