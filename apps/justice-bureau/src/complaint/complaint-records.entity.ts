import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AppealStage, SupervisionLevel, SupervisionStage } from '@oversight/contracts';

/**
 * One line of a complaint's history. `public` lines are what the complainant is told (告知) and sees
 * with the tracking code; the others are internal working notes.
 */
@Entity({ name: 'complaint_event' })
export class ComplaintEventEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId!: string;

  @Column('text')
  kind!: string;

  @Column('boolean')
  public!: boolean;

  @Column('text', { name: 'message_zh' })
  messageZh!: string;

  @Column('text', { name: 'message_en' })
  messageEn!: string;

  @Column('text', { name: 'actor_org', nullable: true })
  actorOrg!: string | null;

  /** Dedupe key: the job or request that wrote this line, so a retried step writes it once. */
  @Column('text', { name: 'source_key', unique: true })
  sourceKey!: string;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;
}

export type AttachmentPurpose = 'complaint' | 'evidence';

@Entity({ name: 'attachment' })
export class AttachmentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId!: string;

  @Column('text')
  purpose!: AttachmentPurpose;

  @Column('text')
  filename!: string;

  @Column('text', { name: 'content_type' })
  contentType!: string;

  @Column('integer')
  size!: number;

  @Column('text')
  sha256!: string;

  @Column('bytea', { select: false })
  content!: Buffer;

  @Column('text', { name: 'uploaded_by_org', nullable: true })
  uploadedByOrg!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A 督办 notice: raised once per complaint, stage, level and due date. */
@Entity({ name: 'supervision_notice' })
export class SupervisionNoticeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId!: string;

  @Column('text')
  stage!: SupervisionStage;

  @Column('text')
  level!: SupervisionLevel;

  @Column('text', { name: 'to_org' })
  toOrg!: string;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;
}

export type ExtensionStatus = 'pending' | 'approved' | 'rejected';

@Entity({ name: 'extension_request' })
export class ExtensionRequestEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId!: string;

  @Column('text', { name: 'requested_by_org' })
  requestedByOrg!: string;

  @Column('integer')
  length!: number;

  @Column('text')
  reason!: string;

  @Column('text')
  status!: ExtensionStatus;

  @Column('text', { name: 'decision_comment', nullable: true })
  decisionComment!: string | null;

  @Column('timestamptz', { name: 'previous_due_at' })
  previousDueAt!: Date;

  @Column('timestamptz', { name: 'new_due_at', nullable: true })
  newDueAt!: Date | null;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}

@Entity({ name: 'appeal' })
export class AppealEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId!: string;

  @Column('text')
  stage!: AppealStage;

  @Column('text')
  reason!: string;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('text', { nullable: true })
  decision!: 'uphold' | 'revise' | null;

  @Column('text', { nullable: true })
  opinion!: string | null;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}

/** Every read of a complainant's identity: who, when, why (信访工作条例 Art. 46). Append-only. */
@Entity({ name: 'identity_access_log' })
export class IdentityAccessLogEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'complaint_id' })
  complaintId!: string;

  @Column('text', { name: 'actor_user' })
  actorUser!: string;

  @Column('text', { name: 'actor_org' })
  actorOrg!: string;

  @Column('text')
  purpose!: string;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;
}
