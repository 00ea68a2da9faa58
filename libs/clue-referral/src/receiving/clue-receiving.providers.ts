import { Provider } from '@nestjs/common';
import { HandlesEvent } from '@oversight/messaging';
import { bound } from '../sending/clue-referral-sending.providers';
import { ClueFeedbackRemindedConsumer } from './clue-feedback-reminded.consumer';
import { CLUE_RECEIVER, ClueReceiver } from './clue-receiver';
import { ClueReferralReceivedConsumer } from './clue-referral-received.consumer';

/**
 * The shared part of one body's receiving side: the consumers of the sender's referrals and reminders,
 * bound to the sender's topics. The body's own handling steps (service, workers) stay in its app.
 */
export function clueReceivingProviders(receiver: ClueReceiver): Provider[] {
  return [
    { provide: CLUE_RECEIVER, useValue: receiver },
    bound(ClueReferralReceivedConsumer, HandlesEvent(receiver.topics.referralSent)),
    bound(ClueFeedbackRemindedConsumer, HandlesEvent(receiver.topics.feedbackReminded)),
    ...(receiver.topics.moreReferralsSent ?? []).map((topic) =>
      bound(ClueReferralReceivedConsumer, HandlesEvent(topic)),
    ),
  ];
}
