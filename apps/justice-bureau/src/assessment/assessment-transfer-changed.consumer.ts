import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, TOPIC, TransferChangedV1 } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';

/**
 * Folds every transfer between bodies into the assessment's own projection (按时办结率). Like liaison's
 * register it is order-insensitive — due dates only move later, a transfer closes (or goes overdue) at
 * the earliest event saying so — and idempotent: besides the inbox, each event id is folded in once.
 */
@Injectable()
@HandlesEvent(TOPIC.transferChanged)
export class AssessmentTransferChangedConsumer implements KafkaEventHandler<TransferChangedV1> {
  async handle(event: EventEnvelope<TransferChangedV1>, manager: EntityManager): Promise<void> {
    const { kind, sourceRef, sender, receiver, dueAt, closed, overdue } = event.data;
    await manager.query(
      `INSERT INTO justice_bureau.assessment_transfer AS t
         (kind, source_ref, sender, receiver, due_at, closed_at, overdue_since, event_ids, updated_at)
       VALUES ($1, $2, $3, $4, $5, CASE WHEN $6 THEN $8::timestamptz END, CASE WHEN $7 THEN $8::timestamptz END,
               ARRAY[$9::text], now())
       ON CONFLICT (kind, source_ref) DO UPDATE SET
         sender = COALESCE(EXCLUDED.sender, t.sender),
         receiver = COALESCE(EXCLUDED.receiver, t.receiver),
         due_at = GREATEST(t.due_at, EXCLUDED.due_at),
         closed_at = LEAST(t.closed_at, EXCLUDED.closed_at),
         overdue_since = LEAST(t.overdue_since, EXCLUDED.overdue_since),
         event_ids = CASE WHEN $9::text = ANY (t.event_ids) THEN t.event_ids ELSE t.event_ids || $9::text END,
         updated_at = now()`,
      [
        kind,
        sourceRef,
        sender ?? null,
        receiver ?? null,
        dueAt ?? null,
        closed === true,
        overdue === true,
        event.time,
        event.id,
      ],
    );
  }
}
