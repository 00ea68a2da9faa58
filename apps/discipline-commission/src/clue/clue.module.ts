import { Module } from '@nestjs/common';
import { BODY, PROCESS, TOPIC } from '@oversight/contracts';
import { ClueReceiver, clueReceivingProviders } from '@oversight/clue-referral';
import { ClueController } from './clue.controller';
import { ClueEntity, ClueReminderEntity } from './clue.entity';
import { ClueService } from './clue.service';
import { RaiseClueNoticeWorker } from './workers/raise-clue-notice.worker';
import { RecordClueDisposalWorker } from './workers/record-clue-disposal.worker';
import { RecordClueHandlingWorker } from './workers/record-clue-handling.worker';
import { RecordClueResultWorker } from './workers/record-clue-result.worker';
import { RecordJurisdictionDecisionWorker } from './workers/record-jurisdiction-decision.worker';
import { RegisterClueWorker } from './workers/register-clue.worker';

/** The commission as the receiver of the justice bureau's (and the people's congress's) problem-clue referrals. */
export const COMMISSION_CLUE_RECEIVER: ClueReceiver = {
  org: BODY.disciplineCommission,
  process: PROCESS.commissionClueHandling,
  topics: {
    referralSent: TOPIC.bureauClueReferralSent,
    feedbackReminded: TOPIC.bureauClueFeedbackReminded,
    // Clues found by the people's congress's joint inspections (issue 11)
    moreReferralsSent: [TOPIC.congressClueReferralSent],
  },
  clueEntity: ClueEntity,
  reminderEntity: ClueReminderEntity,
};

/** Problem clues referred to the discipline commission: registration, jurisdiction, disposal, feedback. */
@Module({
  controllers: [ClueController],
  providers: [
    ClueService,
    ...clueReceivingProviders(COMMISSION_CLUE_RECEIVER),
    RegisterClueWorker,
    RecordJurisdictionDecisionWorker,
    RecordClueDisposalWorker,
    RecordClueHandlingWorker,
    RecordClueResultWorker,
    RaiseClueNoticeWorker,
  ],
})
export class ClueModule {}
