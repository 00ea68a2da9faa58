import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per (consumer, event id) handled: the de-duplication record of at-least-once delivery. */
@Entity({ name: 'inbox_message' })
export class InboxMessageEntity {
  @PrimaryColumn('text')
  consumer!: string;

  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('text')
  topic!: string;

  @Column('timestamptz', { name: 'processed_at', default: () => 'now()' })
  processedAt!: Date;
}
