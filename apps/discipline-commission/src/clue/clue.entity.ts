import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type {
  ClueDisposal,
  ClueEvidenceItem,
  ClueFeedbackDue,
  ClueFeedbackKind,
  ClueSourceType,
  ClueSubject,
} from '@oversight/contracts';

export type ClueHandlingStatus =
  | 'received'
  | 'registered'
  | 'accepted'
  | 'forwarded'
  | 'returned'
  | 'disposal-chosen'
  | 'handled'
  | 'concluded';
export type Jurisdiction = 'keep' | 'forward' | 'return';

/**
 * A problem clue referred to the commission (问题线索), as 案管 registers it. Its id is the sender's
 * referral id: one row per referral, however often the referral arrives.
 */
@Entity({ name: 'clue' })
export class ClueEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'sender_org' })
  senderOrg!: string;

  @Column('text', { name: 'reference_no' })
  referenceNo!: string;

  @Column('text', { name: 'source_type' })
  sourceType!: ClueSourceType;

  @Column('text', { name: 'source_ref' })
  sourceRef!: string;

  @Column('jsonb')
  subjects!: ClueSubject[];

  @Column('text')
  facts!: string;

  @Column('text', { name: 'legal_basis' })
  legalBasis!: string;

  @Column('text', { name: 'suggested_disposal' })
  suggestedDisposal!: string;

  @Column('jsonb')
  evidence!: ClueEvidenceItem[];

  @Column('timestamptz', { name: 'sent_at' })
  sentAt!: Date;

  /** The sender's due dates for the three feedbacks, which are the commission's task due dates. */
  @Column('jsonb', { name: 'feedback_due' })
  feedbackDue!: Record<ClueFeedbackKind, ClueFeedbackDue>;

  @Column('text')
  status!: ClueHandlingStatus;

  @Column('text', { name: 'registration_no', nullable: true, unique: true })
  registrationNo!: string | null;

  @Column('timestamptz', { name: 'registered_at', nullable: true })
  registeredAt!: Date | null;

  /** 监察法实施条例 Art. 171: another commission's clue is forwarded within 5 working days. */
  @Column('timestamptz', { name: 'forward_due_at', nullable: true })
  forwardDueAt!: Date | null;

  /** Set when the jurisdiction decision is still open at the forwarding deadline. */
  @Column('timestamptz', { name: 'jurisdiction_overdue_at', nullable: true })
  jurisdictionOverdueAt!: Date | null;

  @Column('text', { nullable: true })
  jurisdiction!: Jurisdiction | null;

  @Column('text', { name: 'forwarded_to', nullable: true })
  forwardedTo!: string | null;

  /** What the sender is told about the jurisdiction decision. */
  @Column('text', { name: 'jurisdiction_remark', nullable: true })
  jurisdictionRemark!: string | null;

  @Column('timestamptz', { name: 'jurisdiction_decided_at', nullable: true })
  jurisdictionDecidedAt!: Date | null;

  @Column('text', { nullable: true })
  disposal!: ClueDisposal | null;

  @Column('timestamptz', { name: 'disposal_chosen_at', nullable: true })
  disposalChosenAt!: Date | null;

  @Column('timestamptz', { name: 'handled_at', nullable: true })
  handledAt!: Date | null;

  @Column('text', { nullable: true })
  result!: string | null;

  /** The conclusion as told to the sender. */
  @Column('text', { nullable: true })
  conclusion!: string | null;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('text', { name: 'process_instance_id', nullable: true })
  processInstanceId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** The commission's internal working notes on a clue: never in an event, never shown to the sender. */
@Entity({ name: 'clue_working_note' })
export class ClueWorkingNoteEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'clue_id' })
  clueId!: string;

  @Column('text')
  step!: string;

  @Column('text', { nullable: true })
  author!: string | null;

  @Column('text')
  note!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A reminder (催告) from the sender about an overdue feedback: once per feedback and due date. */
@Entity({ name: 'clue_reminder' })
export class ClueReminderEntity {
  @PrimaryColumn('uuid', { name: 'clue_id' })
  clueId!: string;

  @PrimaryColumn('text')
  feedback!: ClueFeedbackKind;

  @PrimaryColumn('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('timestamptz', { name: 'reminded_at' })
  remindedAt!: Date;
}
