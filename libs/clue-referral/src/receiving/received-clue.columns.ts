import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type {
  ClueEvidenceItem,
  ClueFeedbackDue,
  ClueFeedbackKind,
  ClueSourceType,
  ClueSubject,
} from '@oversight/contracts';

/**
 * The columns every body's received-clue table has: the referral as it arrived, registration, the
 * jurisdiction remark, handling, the decision. Each app's entity names its table and adds its own status,
 * jurisdiction and handling columns. Its id is the sender's referral id: one row per referral.
 */
export abstract class ReceivedClueColumns {
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

  /** The sender's due dates for the three feedbacks, which are the receiver's task due dates. */
  @Column('jsonb', { name: 'feedback_due' })
  feedbackDue!: Record<ClueFeedbackKind, ClueFeedbackDue>;

  @Column('text', { name: 'registration_no', nullable: true, unique: true })
  registrationNo!: string | null;

  @Column('timestamptz', { name: 'registered_at', nullable: true })
  registeredAt!: Date | null;

  /** What the sender is told about the jurisdiction decision (the reason of a return). */
  @Column('text', { name: 'jurisdiction_remark', nullable: true })
  jurisdictionRemark!: string | null;

  @Column('timestamptz', { name: 'jurisdiction_decided_at', nullable: true })
  jurisdictionDecidedAt!: Date | null;

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

/** The receiver's internal working notes on a clue: never in an event, never shown to the sender. */
export abstract class ClueNoteColumns {
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
export abstract class ClueReminderColumns {
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
