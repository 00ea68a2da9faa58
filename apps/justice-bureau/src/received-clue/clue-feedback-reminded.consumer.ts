import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BODY, ClueFeedbackRemindedV1, EventEnvelope, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { ReceivedClueReminderEntity } from './received-clue.entity';

/** The commission reminds the bureau (催告) of an overdue feedback: shown on the clue. */
@Injectable()
@HandlesEvent(TOPIC.commissionClueFeedbackReminded)
export class ClueFeedbackRemindedConsumer implements KafkaEventHandler<ClueFeedbackRemindedV1> {
  async handle(event: EventEnvelope<ClueFeedbackRemindedV1>, manager: EntityManager): Promise<void> {
    const { referralId, receiverOrg, feedback, dueAt, remindedAt } = event.data;
    if (receiverOrg !== BODY.justiceBureau) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ReceivedClueReminderEntity)
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
