import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintOverdueV1, EventEnvelope, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { COMPLAINT_INTAKE } from './transfer-kinds';
import { TransferProjectionService } from './transfer-projection.service';

@Injectable()
@HandlesEvent(TOPIC.complaintOverdue)
export class ComplaintOverdueConsumer implements KafkaEventHandler<ComplaintOverdueV1> {
  constructor(private readonly projection: TransferProjectionService) {}

  async handle(event: EventEnvelope<ComplaintOverdueV1>, manager: EntityManager): Promise<void> {
    await this.projection.apply(manager, event, {
      kind: COMPLAINT_INTAKE,
      sourceRef: event.data.complaintId,
      dueAt: event.data.dueAt,
      overdue: true,
    });
  }
}
