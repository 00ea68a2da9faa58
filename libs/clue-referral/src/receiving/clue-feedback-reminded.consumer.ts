import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClueFeedbackRemindedV1, EventEnvelope } from '@oversight/contracts';
import { KafkaEventHandler } from '@oversight/messaging';
import { CLUE_RECEIVER, ClueReceiver } from './clue-receiver';

/** The sender reminds the receiver (催告) of an overdue feedback: shown on the clue. */
@Injectable()
export class ClueFeedbackRemindedConsumer implements KafkaEventHandler<ClueFeedbackRemindedV1> {
  constructor(@Inject(CLUE_RECEIVER) private readonly receiver: ClueReceiver) {}

  async handle(event: EventEnvelope<ClueFeedbackRemindedV1>, manager: EntityManager): Promise<void> {
    const { referralId, receiverOrg, feedback, dueAt, remindedAt } = event.data;
    if (receiverOrg !== this.receiver.org) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(this.receiver.reminderEntity)
      .values({
        eventId: event.id,
        clueId: referralId,
        feedback,
        dueAt: new Date(dueAt),
        remindedAt: new Date(remindedAt),
      })
      .orIgnore()
      .execute();
  }
}
