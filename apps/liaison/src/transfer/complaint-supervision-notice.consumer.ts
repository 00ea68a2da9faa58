import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintSupervisionNoticeV1, EventEnvelope, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { COMPLAINT_ASSIGNMENT, COMPLAINT_INTAKE } from './transfer-kinds';
import { TransferProjectionService } from './transfer-projection.service';

const KIND_OF_STAGE: Partial<Record<ComplaintSupervisionNoticeV1['stage'], string>> = {
  acceptance: COMPLAINT_INTAKE,
  handling: COMPLAINT_ASSIGNMENT,
};

/** A 督办 notice on a transfer: past-due levels mark it overdue; reminders only join its history. */
@Injectable()
@HandlesEvent(TOPIC.complaintSupervisionNotice)
export class ComplaintSupervisionNoticeConsumer implements KafkaEventHandler<ComplaintSupervisionNoticeV1> {
  constructor(private readonly projection: TransferProjectionService) {}

  async handle(event: EventEnvelope<ComplaintSupervisionNoticeV1>, manager: EntityManager): Promise<void> {
    const kind = KIND_OF_STAGE[event.data.stage];
    if (!kind) return; // stages inside the justice bureau (follow-up, appeals) are not transfers
    await this.projection.apply(manager, event, {
      kind,
      sourceRef: event.data.complaintId,
      dueAt: event.data.dueAt,
      overdue: event.data.level !== 'reminder',
    });
  }
}
