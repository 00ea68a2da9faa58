import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BODY, ClueFeedbackRemindedV1, EventEnvelope, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { ClueReminderEntity } from './clue.entity';

/** The bureau reminds the commission (催告) of an overdue feedback: shown on the clue. */
@Injectable()
@HandlesEvent(TOPIC.bureauClueFeedbackReminded)
export class ClueFeedbackRemindedConsumer implements KafkaEventHandler<ClueFeedbackRemindedV1> {
  async handle(event: EventEnvelope<ClueFeedbackRemindedV1>, manager: EntityManager): Promise<void> {
    const { referralId, receiverOrg, feedback, dueAt, remindedAt } = event.data;
    if (receiverOrg !== BODY.disciplineCommission) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ClueReminderEntity)
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
