import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, TOPIC, TransferChangedV1 } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { TransferProjectionService } from './transfer-projection.service';

/** The general transfer event every process publishes: folded into the register as it says. */
@Injectable()
@HandlesEvent(TOPIC.transferChanged)
export class TransferChangedConsumer implements KafkaEventHandler<TransferChangedV1> {
  constructor(private readonly projection: TransferProjectionService) {}

  async handle(event: EventEnvelope<TransferChangedV1>, manager: EntityManager): Promise<void> {
    const { kind, sourceRef, sender, receiver, subject, dueAt, status, closed, overdue } = event.data;
    await this.projection.apply(manager, event, {
      kind,
      sourceRef,
      sender,
      receiver,
      subject,
      dueAt,
      status,
      closed,
      overdue,
    });
  }
}
