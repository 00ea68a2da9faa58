import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BODY, ComplaintAssignedV1, EventEnvelope, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { COMPLAINT_ASSIGNMENT } from './transfer-kinds';
import { TransferProjectionService } from './transfer-projection.service';

/** 交办: the justice bureau hands a complaint to the agency, due by the handling limit. */
@Injectable()
@HandlesEvent(TOPIC.complaintAssigned)
export class ComplaintAssignedConsumer implements KafkaEventHandler<ComplaintAssignedV1> {
  constructor(private readonly projection: TransferProjectionService) {}

  async handle(event: EventEnvelope<ComplaintAssignedV1>, manager: EntityManager): Promise<void> {
    await this.projection.apply(manager, event, {
      kind: COMPLAINT_ASSIGNMENT,
      sourceRef: event.data.complaintId,
      sender: BODY.justiceBureau,
      receiver: event.data.agencyOrg,
      subject: event.data.summary,
      dueAt: event.data.handlingDueAt,
      status: 'assigned',
    });
  }
}
