import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintAcceptanceDecidedV1, EventEnvelope, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { COMPLAINT_INTAKE } from './transfer-kinds';
import { TransferProjectionService } from './transfer-projection.service';

const STATUS = { accept: 'accepted', reject: 'rejected', forward: 'forwarded' } as const;

/** The acceptance decision discharges the intake transfer, whatever it was. */
@Injectable()
@HandlesEvent(TOPIC.complaintAcceptanceDecided)
export class ComplaintAcceptanceDecidedConsumer implements KafkaEventHandler<ComplaintAcceptanceDecidedV1> {
  constructor(private readonly projection: TransferProjectionService) {}

  async handle(event: EventEnvelope<ComplaintAcceptanceDecidedV1>, manager: EntityManager): Promise<void> {
    await this.projection.apply(manager, event, {
      kind: COMPLAINT_INTAKE,
      sourceRef: event.data.complaintId,
      status: STATUS[event.data.decision],
      closed: true,
    });
  }
}
