import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@oversight/contracts';

export interface TransferFacts {
  kind: string;
  sourceRef: string;
  sender?: string;
  receiver?: string;
  subject?: string;
  dueAt?: string;
  /** New status, applied only if this event is not older than the one that set the current status. */
  status?: string;
  closed?: boolean;
  overdue?: boolean;
}

/**
 * Folds one event into the transfer register. Order-insensitive: known fields are merged, status
 * follows the newest event time, and history is keyed by event id, so replays and reordering converge.
 */
@Injectable()
export class TransferProjectionService {
  async apply(manager: EntityManager, event: EventEnvelope, facts: TransferFacts): Promise<string> {
    const at = event.time;
    const [row] = (await manager.query(
      `INSERT INTO liaison.transfer AS t
         (id, kind, source_ref, sender, receiver, subject, due_at, status, status_at, opened_at,
          closed_at, overdue_since, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, COALESCE($8, 'unknown'), $9, $9,
               CASE WHEN $10 THEN $9::timestamptz END, CASE WHEN $11 THEN $9::timestamptz END, now())
       ON CONFLICT (kind, source_ref) DO UPDATE SET
         sender = COALESCE(EXCLUDED.sender, t.sender),
         receiver = COALESCE(EXCLUDED.receiver, t.receiver),
         subject = COALESCE(EXCLUDED.subject, t.subject),
         -- Due dates only move later (extensions), so the greatest one is the current one in any order.
         due_at = GREATEST(EXCLUDED.due_at, t.due_at),
         opened_at = LEAST(EXCLUDED.opened_at, t.opened_at),
         status = CASE WHEN $8::text IS NOT NULL AND (t.status = 'unknown' OR EXCLUDED.status_at >= t.status_at)
                       THEN $8::text ELSE t.status END,
         status_at = CASE WHEN $8::text IS NOT NULL AND (t.status = 'unknown' OR EXCLUDED.status_at >= t.status_at)
                          THEN EXCLUDED.status_at ELSE t.status_at END,
         closed_at = COALESCE(t.closed_at, EXCLUDED.closed_at),
         overdue_since = LEAST(t.overdue_since, EXCLUDED.overdue_since),
         updated_at = now()
       RETURNING id`,
      [
        randomUUID(),
        facts.kind,
        facts.sourceRef,
        facts.sender ?? null,
        facts.receiver ?? null,
        facts.subject ?? null,
        facts.dueAt ?? null,
        facts.status ?? null,
        at,
        facts.closed ?? false,
        facts.overdue ?? false,
      ],
    )) as { id: string }[];
    await manager.query(
      `INSERT INTO liaison.transfer_event (event_id, transfer_id, event_type, status, occurred_at, detail)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
      [event.id, row.id, event.type, facts.status ?? null, at, JSON.stringify(event.data)],
    );
    return row.id;
  }
}
