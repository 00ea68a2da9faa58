import { Provider, Type } from '@nestjs/common';
import { HandlesEvent } from '@oversight/messaging';
import { JobWorker } from '@oversight/workflow';
import { ClueFeedbackService } from './clue-feedback.service';
import {
  ClueReceiptReceivedConsumer,
  ClueResultReceivedConsumer,
  ClueStatusReceivedConsumer,
} from './clue-feedback-received.consumer';
import { ClueReferralDraftedConsumer } from './clue-referral-drafted.consumer';
import { CLUE_REFERRAL_SENDER, ClueReferralSender } from './clue-referral-sender';
import { ClueReferralService } from './clue-referral.service';
import { CloseClueReferralWorker } from './workers/close-clue-referral.worker';
import { RaiseFeedbackNoticeWorker } from './workers/raise-feedback-notice.worker';
import { RecordReferralApprovalWorker } from './workers/record-referral-approval.worker';
import { RecordReferralSubmissionWorker } from './workers/record-referral-submission.worker';
import { SendClueReferralWorker } from './workers/send-clue-referral.worker';

/**
 * A subclass of `base` bound to one topic or job type by `decorate`. It keeps the base's name, which the
 * consumer's dedupe records and the logs carry, so they read as before the classes were shared.
 */
export function bound<T extends Type>(base: T, decorate: ClassDecorator): T {
  const bound = class extends base {};
  Object.defineProperty(bound, 'name', { value: base.name });
  decorate(bound);
  return bound;
}

/**
 * Everything of the sending side of one body but its controller: the service, the feedback consumers and
 * the workers of its sending process, bound to the body's topics and job types.
 */
export function clueReferralSendingProviders(sender: ClueReferralSender): Provider[] {
  return [
    { provide: CLUE_REFERRAL_SENDER, useValue: sender },
    ClueReferralService,
    ClueFeedbackService,
    bound(ClueReferralDraftedConsumer, HandlesEvent(sender.topics.drafted)),
    bound(ClueReceiptReceivedConsumer, HandlesEvent(sender.topics.receiptIssued)),
    bound(ClueStatusReceivedConsumer, HandlesEvent(sender.topics.statusReported)),
    bound(ClueResultReceivedConsumer, HandlesEvent(sender.topics.resultReported)),
    bound(RecordReferralSubmissionWorker, JobWorker({ type: sender.jobs.recordSubmission })),
    bound(RecordReferralApprovalWorker, JobWorker({ type: sender.jobs.recordApproval })),
    bound(SendClueReferralWorker, JobWorker({ type: sender.jobs.send })),
    bound(RaiseFeedbackNoticeWorker, JobWorker({ type: sender.jobs.raiseFeedbackNotice })),
    bound(CloseClueReferralWorker, JobWorker({ type: sender.jobs.close })),
  ];
}
