import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ClueFeedbackKind } from '@oversight/contracts';

/** One item of a referral's evidence list (证据材料清单), with its file when one was uploaded. */
@Entity({ name: 'clue_referral_evidence' })
export class ClueReferralEvidenceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'referral_id' })
  referralId!: string;

  @Column('integer', { name: 'item_no' })
  itemNo!: number;

  @Column('text')
  description!: string;

  @Column('text', { nullable: true })
  filename!: string | null;

  @Column('text', { name: 'content_type', nullable: true })
  contentType!: string | null;

  @Column('integer', { nullable: true })
  size!: number | null;

  @Column('text', { nullable: true })
  sha256!: string | null;

  @Column('bytea', { nullable: true, select: false })
  content!: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * A feedback the receiver sent back, as it came: one row per receipt, per status and per result,
 * unique per referral and `dedupe_key`, so a duplicated or replayed event is recorded once.
 */
@Entity({ name: 'clue_referral_feedback' })
export class ClueReferralFeedbackEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'referral_id' })
  referralId!: string;

  @Column('text')
  kind!: ClueFeedbackKind;

  @Column('text', { name: 'dedupe_key' })
  dedupeKey!: string;

  @Column('uuid', { name: 'event_id' })
  eventId!: string;

  @Column('jsonb')
  data!: Record<string, unknown>;

  /** When the receiver acted (the event's own time), which decides lateness. */
  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('boolean')
  late!: boolean;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}

export type FeedbackNoticeLevel = 'reminder' | 'escalation';

/** 催告 (reminder) and 提请联席会议 (escalation) of an overdue feedback: once per kind and level. */
@Entity({ name: 'clue_referral_notice' })
export class ClueReferralNoticeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'referral_id' })
  referralId!: string;

  @Column('text')
  feedback!: ClueFeedbackKind;

  @Column('text')
  level!: FeedbackNoticeLevel;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;
}
