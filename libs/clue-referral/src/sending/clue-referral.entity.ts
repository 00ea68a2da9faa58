import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type {
  ClueDisposal,
  ClueOutcome,
  ClueSourceType,
  ClueStatus,
  ClueSubject,
  DeadlineCitation,
} from '@oversight/contracts';

/** Where an outgoing referral stands; feedback only ever moves it forward (see REFERRAL_STAGE). */
export type ReferralStatus =
  | 'drafting'
  | 'submitted'
  | 'approved'
  | 'sent'
  | 'received'
  | 'in-progress'
  | 'concluded'
  | 'closed';

/** A subject as drafted: identity and rank may still be missing until submission. */
export type DraftSubject = Partial<ClueSubject> & { name: string };

/** A problem-clue referral a body sends to another (问题线索移送); each sender has its own table. */
@Entity({ name: 'clue_referral' })
export class ClueReferralEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** 文号, given when the referral is sent. */
  @Column('text', { name: 'reference_no', nullable: true, unique: true })
  referenceNo!: string | null;

  @Column('text', { name: 'receiver_org' })
  receiverOrg!: string;

  @Column('text', { name: 'source_type' })
  sourceType!: ClueSourceType;

  @Column('text', { name: 'source_ref' })
  sourceRef!: string;

  /** Set on drafts started by an event (one per source), so a repeated event drafts nothing new. */
  @Column('text', { name: 'auto_source_key', nullable: true, unique: true })
  autoSourceKey!: string | null;

  @Column('jsonb')
  subjects!: DraftSubject[];

  @Column('text', { nullable: true })
  facts!: string | null;

  @Column('text', { name: 'legal_basis', nullable: true })
  legalBasis!: string | null;

  @Column('text', { name: 'suggested_disposal', nullable: true })
  suggestedDisposal!: string | null;

  @Column('text')
  status!: ReferralStatus;

  /** The conclusive finding (认定) the sending deadline runs from. */
  @Column('timestamptz', { name: 'found_at' })
  foundAt!: Date;

  @Column('timestamptz', { name: 'send_due_at' })
  sendDueAt!: Date;

  @Column('jsonb', { name: 'send_rule' })
  sendRule!: DeadlineCitation;

  @Column('text', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @Column('text', { name: 'submitted_by', nullable: true })
  submittedBy!: string | null;

  @Column('text', { name: 'approval_comment', nullable: true })
  approvalComment!: string | null;

  @Column('text', { name: 'approved_by', nullable: true })
  approvedBy!: string | null;

  @Column('timestamptz', { name: 'approved_at', nullable: true })
  approvedAt!: Date | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  /** Due dates of the three feedbacks and of their escalation, fixed when the head approves. */
  @Column('jsonb', { name: 'feedback_schedule', nullable: true })
  feedbackSchedule!: FeedbackSchedule | null;

  @Column('text', { name: 'registration_no', nullable: true })
  registrationNo!: string | null;

  @Column('timestamptz', { name: 'received_at', nullable: true })
  receivedAt!: Date | null;

  @Column('text', { name: 'latest_status', nullable: true })
  latestStatus!: ClueStatus | null;

  @Column('timestamptz', { name: 'latest_status_at', nullable: true })
  latestStatusAt!: Date | null;

  @Column('text', { nullable: true })
  outcome!: ClueOutcome | null;

  @Column('text', { nullable: true })
  disposal!: ClueDisposal | null;

  @Column('text', { nullable: true })
  result!: string | null;

  @Column('text', { nullable: true })
  conclusion!: string | null;

  @Column('timestamptz', { name: 'concluded_at', nullable: true })
  concludedAt!: Date | null;

  /** Since when a feedback is overdue and escalated to the liaison meeting. */
  @Column('timestamptz', { name: 'escalated_at', nullable: true })
  escalatedAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('text', { name: 'process_instance_id', nullable: true })
  processInstanceId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export interface ScheduledFeedback {
  dueAt: string;
  escalateAt: string;
  rule: DeadlineCitation;
}

export type FeedbackSchedule = Record<'receipt' | 'status' | 'result', ScheduledFeedback> & {
  escalationRule: DeadlineCitation;
};

/** Stages in order: a late receipt after the result does not move a referral back. */
export const REFERRAL_STAGE: Record<ReferralStatus, number> = {
  drafting: 0,
  submitted: 1,
  approved: 2,
  sent: 3,
  received: 4,
  'in-progress': 5,
  concluded: 6,
  closed: 7,
};
