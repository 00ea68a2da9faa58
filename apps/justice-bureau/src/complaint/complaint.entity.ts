import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AcceptanceDecision, ComplaintChannel, DeadlineCitation } from '@oversight/contracts';

/** Where a complaint stands. Appeals (复查/复核) are tracked in AppealEntity. */
export type ComplaintStatus =
  | 'registered'
  | 'in-review'
  | 'rejected'
  | 'forwarded'
  | 'accepted'
  | 'assigned'
  | 'draft-submitted'
  | 'approved'
  | 'replied'
  | 'closed';

export interface InvolvedOfficer {
  name: string;
  position?: string;
}

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

  /** The enforcement matter complained about (执法事项), when the complainant names one. */
  @Column('text', { nullable: true })
  matter!: string | null;

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

  @Column('text', { name: 'forwarded_to', nullable: true })
  forwardedTo!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt!: Date | null;

  /** The agency responsible for handling (承办单位); usually, not always, the respondent. */
  @Column('text', { name: 'agency_org', nullable: true })
  agencyOrg!: string | null;

  @Column('timestamptz', { name: 'assigned_at', nullable: true })
  assignedAt!: Date | null;

  @Column('text', { name: 'assignment_note', nullable: true })
  assignmentNote!: string | null;

  @Column('timestamptz', { name: 'objection_due_at', nullable: true })
  objectionDueAt!: Date | null;

  /** Set by the objection-window timer of the process: after it, no objection is accepted. */
  @Column('boolean', { name: 'objection_closed', default: false })
  objectionClosed!: boolean;

  @Column('timestamptz', { name: 'handling_due_at', nullable: true })
  handlingDueAt!: Date | null;

  @Column('jsonb', { name: 'handling_rule', nullable: true })
  handlingRule!: DeadlineCitation | null;

  @Column('text', { nullable: true })
  findings!: string | null;

  @Column('text', { name: 'draft_reply', nullable: true })
  draftReply!: string | null;

  @Column('boolean', { nullable: true })
  substantiated!: boolean | null;

  @Column('jsonb', { default: () => "'[]'" })
  officers!: InvolvedOfficer[];

  @Column('timestamptz', { name: 'draft_submitted_at', nullable: true })
  draftSubmittedAt!: Date | null;

  @Column('text', { name: 'review_comment', nullable: true })
  reviewComment!: string | null;

  @Column('text', { nullable: true })
  reply!: string | null;

  @Column('timestamptz', { name: 'replied_at', nullable: true })
  repliedAt!: Date | null;

  @Column('timestamptz', { name: 'follow_up_due_at', nullable: true })
  followUpDueAt!: Date | null;

  @Column('timestamptz', { name: 'followed_up_at', nullable: true })
  followedUpAt!: Date | null;

  @Column('text', { name: 'follow_up_result', nullable: true })
  followUpResult!: string | null;

  @Column('text', { nullable: true })
  satisfaction!: string | null;

  @Column('text', { name: 'satisfaction_comment', nullable: true })
  satisfactionComment!: string | null;

  @Column('timestamptz', { name: 'appeal_window_ends_at', nullable: true })
  appealWindowEndsAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('text', { nullable: true })
  outcome!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
