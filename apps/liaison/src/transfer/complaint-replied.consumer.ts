import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintRepliedV1, EventEnvelope, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { COMPLAINT_ASSIGNMENT } from './transfer-kinds';
import { TransferProjectionService } from './transfer-projection.service';

/** The reply to the complainant discharges the assignment. */
@Injectable()
@HandlesEvent(TOPIC.complaintReplied)
export class ComplaintRepliedConsumer implements KafkaEventHandler<ComplaintRepliedV1> {
  constructor(private readonly projection: TransferProjectionService) {}

  async handle(event: EventEnvelope<ComplaintRepliedV1>, manager: EntityManager): Promise<void> {
    await this.projection.apply(manager, event, {
      kind: COMPLAINT_ASSIGNMENT,
      sourceRef: event.data.complaintId,
      status: 'replied',
      closed: true,
    });
  }
}
