import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AcceptanceDecision, ComplaintChannel, DeadlineCitation } from '@oversight/contracts';

export type ComplaintStatus = 'registered' | 'in-review' | 'accepted' | 'rejected' | 'forwarded';

/** The complaint's content. Who complained lives apart, in ComplainantEntity. */
@Entity({ name: 'complaint' })
export class ComplaintEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'tracking_code', unique: true })
  trackingCode!: string;

  @Column('text')
  channel!: ComplaintChannel;

  @Column('boolean')
  anonymous!: boolean;

  @Column('text', { name: 'respondent_org' })
  respondentOrg!: string;

  @Column('text')
  category!: string;

  @Column('text')
  summary!: string;

  @Column('text')
  details!: string;

  @Column('text')
  status!: ComplaintStatus;

  @Column('timestamptz', { name: 'acceptance_due_at' })
  acceptanceDueAt!: Date;

  @Column('jsonb', { name: 'acceptance_rule' })
  acceptanceRule!: DeadlineCitation;

  @Column('text', { name: 'process_instance_id', nullable: true })
  processInstanceId!: string | null;

  @Column('text', { nullable: true })
  decision!: AcceptanceDecision | null;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
