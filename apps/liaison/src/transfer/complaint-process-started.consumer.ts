import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintProcessStartedV1, EventEnvelope, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { COMPLAINT_INTAKE } from './transfer-kinds';
import { TransferProjectionService } from './transfer-projection.service';

@Injectable()
@HandlesEvent(TOPIC.complaintProcessStarted)
export class ComplaintProcessStartedConsumer implements KafkaEventHandler<ComplaintProcessStartedV1> {
  constructor(private readonly projection: TransferProjectionService) {}

  async handle(event: EventEnvelope<ComplaintProcessStartedV1>, manager: EntityManager): Promise<void> {
    await this.projection.apply(manager, event, {
      kind: COMPLAINT_INTAKE,
      sourceRef: event.data.complaintId,
      status: 'in-review',
    });
  }
}
