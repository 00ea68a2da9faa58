import { Module } from '@nestjs/common';
import { AttachmentService } from '../complaint/attachment.service';
import { ClueFeedbackService } from './clue-feedback.service';
import {
  ClueReceiptReceivedConsumer,
  ClueResultReceivedConsumer,
  ClueStatusReceivedConsumer,
} from './clue-feedback-received.consumer';
import { ClueReferralDraftedConsumer } from './clue-referral-drafted.consumer';
import { ClueReferralController } from './clue-referral.controller';
import { ClueReferralService } from './clue-referral.service';
import { ComplaintMisconductFoundConsumer } from './complaint-misconduct-found.consumer';
import { CloseClueReferralWorker } from './workers/close-clue-referral.worker';
import { RaiseFeedbackNoticeWorker } from './workers/raise-feedback-notice.worker';
import { RecordReferralApprovalWorker } from './workers/record-referral-approval.worker';
import { RecordReferralSubmissionWorker } from './workers/record-referral-submission.worker';
import { SendClueReferralWorker } from './workers/send-clue-referral.worker';

/** Problem-clue referrals from the justice bureau to the discipline commission (sending side). */
@Module({
  controllers: [ClueReferralController],
  providers: [
    AttachmentService,
    ClueReferralService,
    ClueFeedbackService,
    ClueReferralDraftedConsumer,
    ComplaintMisconductFoundConsumer,
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
