import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Anything handed from one body to another, as liaison sees it: a projection built only from Kafka
 * events. Fields a late or early event does not know stay null until one that knows arrives.
 */
@Entity({ name: 'transfer' })
export class TransferEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  kind!: string;

  @Column('text', { name: 'source_ref' })
  sourceRef!: string;

  @Column('text', { nullable: true })
  sender!: string | null;

  @Column('text', { nullable: true })
  receiver!: string | null;

  @Column('text', { nullable: true })
  subject!: string | null;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column('text')
  status!: string;

  @Column('timestamptz', { name: 'status_at' })
  statusAt!: Date;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('timestamptz', { name: 'overdue_since', nullable: true })
  overdueSince!: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
