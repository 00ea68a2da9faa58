import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintDeadlineExtendedV1, EventEnvelope, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { COMPLAINT_ASSIGNMENT } from './transfer-kinds';
import { TransferProjectionService } from './transfer-projection.service';

/** An approved extension moves the assignment's due date (the projection keeps the latest). */
@Injectable()
@HandlesEvent(TOPIC.complaintDeadlineExtended)
export class ComplaintDeadlineExtendedConsumer implements KafkaEventHandler<ComplaintDeadlineExtendedV1> {
  constructor(private readonly projection: TransferProjectionService) {}

  async handle(event: EventEnvelope<ComplaintDeadlineExtendedV1>, manager: EntityManager): Promise<void> {
    await this.projection.apply(manager, event, {
      kind: COMPLAINT_ASSIGNMENT,
      sourceRef: event.data.complaintId,
      dueAt: event.data.handlingDueAt,
    });
  }
}
