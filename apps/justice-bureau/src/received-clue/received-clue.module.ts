import { Module } from '@nestjs/common';
import { BODY, PROCESS, TOPIC } from '@oversight/contracts';
import { ClueReceiver, clueReceivingProviders } from '@oversight/clue-referral';
import { ReceivedClueController } from './received-clue.controller';
import { ReceivedClueEntity, ReceivedClueReminderEntity } from './received-clue.entity';
import { ReceivedClueService } from './received-clue.service';
import { RecordClueHandlingWorker } from './workers/record-clue-handling.worker';
import { RecordClueResultWorker } from './workers/record-clue-result.worker';
import { RecordJurisdictionDecisionWorker } from './workers/record-jurisdiction-decision.worker';
import { RegisterClueWorker } from './workers/register-clue.worker';

/** The bureau as the receiver of the discipline commission's clue referrals (双向协作). */
export const BUREAU_CLUE_RECEIVER: ClueReceiver = {
  org: BODY.justiceBureau,
  process: PROCESS.bureauClueHandling,
  topics: {
    referralSent: TOPIC.commissionClueReferralSent,
    feedbackReminded: TOPIC.commissionClueFeedbackReminded,
  },
  clueEntity: ReceivedClueEntity,
  reminderEntity: ReceivedClueReminderEntity,
};

/** Clues the discipline commission refers to the justice bureau (receiving side, 双向协作). */
@Module({
  controllers: [ReceivedClueController],
  providers: [
    ReceivedClueService,
    ...clueReceivingProviders(BUREAU_CLUE_RECEIVER),
    RegisterClueWorker,
    RecordJurisdictionDecisionWorker,
    RecordClueHandlingWorker,
    RecordClueResultWorker,
  ],
})
export class ReceivedClueModule {}
