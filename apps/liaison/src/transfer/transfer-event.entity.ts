import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One step in a transfer's history, keyed by the event that reported it. */
@Entity({ name: 'transfer_event' })
export class TransferEventEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('uuid', { name: 'transfer_id' })
  transferId!: string;

  @Column('text', { name: 'event_type' })
  eventType!: string;

  @Column('text', { nullable: true })
  status!: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('jsonb')
  detail!: Record<string, unknown>;
}
