import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BODY, ComplaintRegisteredV1, EventEnvelope, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { COMPLAINT_INTAKE, PUBLIC } from './transfer-kinds';
import { TransferProjectionService } from './transfer-projection.service';

/** A complaint from the public reaches the justice bureau, due for an acceptance decision. */
@Injectable()
@HandlesEvent(TOPIC.complaintRegistered)
export class ComplaintRegisteredConsumer implements KafkaEventHandler<ComplaintRegisteredV1> {
  constructor(private readonly projection: TransferProjectionService) {}

  async handle(event: EventEnvelope<ComplaintRegisteredV1>, manager: EntityManager): Promise<void> {
    await this.projection.apply(manager, event, {
      kind: COMPLAINT_INTAKE,
      sourceRef: event.data.complaintId,
      sender: PUBLIC,
      receiver: BODY.justiceBureau,
      subject: event.data.summary,
      dueAt: event.data.acceptanceDueAt,
      status: 'registered',
    });
  }
}
