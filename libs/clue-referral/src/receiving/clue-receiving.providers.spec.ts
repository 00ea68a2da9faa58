import { Type } from '@nestjs/common';
import { KAFKA_EVENT_HANDLER } from '@oversight/messaging';
import { CLUE_RECEIVER, ClueReceiver } from './clue-receiver';
import { clueReceivingProviders } from './clue-receiving.providers';

class ClueRow {}
class ReminderRow {}

const receiver: ClueReceiver = {
  org: 'y',
  process: 'y-handling',
  topics: { referralSent: 't.sent', feedbackReminded: 't.reminded' },
  clueEntity: ClueRow,
  reminderEntity: ReminderRow,
};

describe('clueReceivingProviders', () => {
  it('binds the referral and reminder consumers to the sender’s topics under their own names', () => {
    const providers = clueReceivingProviders(receiver);
    expect(providers).toContainEqual({ provide: CLUE_RECEIVER, useValue: receiver });
    const topics = Object.fromEntries(
      providers
        .filter((p): p is Type => typeof p === 'function')
        .map((c) => [c.name, Reflect.getMetadata(KAFKA_EVENT_HANDLER, c)]),
    );
    expect(topics).toEqual({
      ClueReferralReceivedConsumer: 't.sent',
      ClueFeedbackRemindedConsumer: 't.reminded',
    });
  });

  it('also receives referrals on further senders’ topics, with the same consumer', () => {
    const providers = clueReceivingProviders({
      ...receiver,
      topics: { ...receiver.topics, moreReferralsSent: ['u.sent'] },
    });
    const bindings = providers
      .filter((p): p is Type => typeof p === 'function')
      .map((c) => [c.name, Reflect.getMetadata(KAFKA_EVENT_HANDLER, c)]);
    expect(bindings).toEqual([
      ['ClueReferralReceivedConsumer', 't.sent'],
      ['ClueFeedbackRemindedConsumer', 't.reminded'],
      ['ClueReferralReceivedConsumer', 'u.sent'],
    ]);
  });
});
