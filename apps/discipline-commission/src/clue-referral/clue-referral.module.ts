import { Module } from '@nestjs/common';
import { ClueFeedbackService } from './clue-feedback.service';
import {
  ClueReceiptReceivedConsumer,
  ClueResultReceivedConsumer,
  ClueStatusReceivedConsumer,
} from './clue-feedback-received.consumer';
import { ClueReferralDraftedConsumer } from './clue-referral-drafted.consumer';
import { ClueReferralController } from './clue-referral.controller';
import { ClueReferralService } from './clue-referral.service';
import { CloseClueReferralWorker } from './workers/close-clue-referral.worker';
import { RaiseFeedbackNoticeWorker } from './workers/raise-feedback-notice.worker';
import { RecordReferralApprovalWorker } from './workers/record-referral-approval.worker';
import { RecordReferralSubmissionWorker } from './workers/record-referral-submission.worker';
import { SendClueReferralWorker } from './workers/send-clue-referral.worker';

/** Clues of enforcement failings the commission refers to the justice bureau (sending side, 双向协作). */
@Module({
  controllers: [ClueReferralController],
  providers: [
    ClueReferralService,
    ClueFeedbackService,
    ClueReferralDraftedConsumer,
    ClueReceiptReceivedConsumer,
    ClueStatusReceivedConsumer,
    ClueResultReceivedConsumer,
    RecordReferralSubmissionWorker,
    RecordReferralApprovalWorker,
    SendClueReferralWorker,
    RaiseFeedbackNoticeWorker,
    CloseClueReferralWorker,
  ],
})
export class ClueReferralModule {}
