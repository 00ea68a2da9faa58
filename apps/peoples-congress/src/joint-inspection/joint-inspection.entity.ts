import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { DeadlineCitation } from '@oversight/contracts';

/** An inspected agency or town, as the organisation list names it when the inspection was planned. */
export interface InspectionTarget {
  code: string;
  name: string;
  kind: string;
}

/** A member of the inspection team from one of the three bodies. */
export interface Inspector {
  name: string;
  org: string;
}

/** An enforcement supervisor (行政执法监督员) taking part, from the pool (free input for now). */
export interface SupervisorMember {
  name: string;
  category: string;
}

export type InspectionStatus = 'open' | 'closed';

/** A joint enforcement inspection (执法检查) planned by the people's congress with 司法局 and 检察院. */
@Entity({ name: 'joint_inspection' })
export class JointInspectionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  @Column('integer')
  year!: number;

  /** The enforcement field inspected, e.g. 食品安全. */
  @Column('text')
  field!: string;

  /** The law whose enforcement is inspected, e.g. 《中华人民共和国食品安全法》. */
  @Column('text')
  law!: string;

  /** The body that leads the inspection (rd, sfj or jcy). */
  @Column('text', { name: 'lead_body' })
  leadBody!: string;

  @Column('jsonb')
  targets!: InspectionTarget[];

  @Column('timestamptz', { name: 'on_site_starts_at' })
  onSiteStartsAt!: Date;

  @Column('timestamptz', { name: 'on_site_ends_at' })
  onSiteEndsAt!: Date;

  @Column('jsonb')
  inspectors!: Inspector[];

  @Column('jsonb')
  supervisors!: SupervisorMember[];

  @Column('text')
  status!: InspectionStatus;

  /** 执法检查报告 number, given when the inspection closes. */
  @Column('text', { name: 'report_number', nullable: true })
  reportNumber!: string | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('text', { name: 'closed_by', nullable: true })
  closedBy!: string | null;

  @Column('text', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export type FindingSeverity = 'minor' | 'general' | 'serious';
export type FindingDisposition = 'supervision-case' | 'clue-referral' | 'rectification';
/**
 * `recorded` until disposed of; then `supervision-requested` / `supervision-<case status>`,
 * `clue-referred`, or `rectification-ordered` → `rectified`.
 */
export type FindingStatus = string;

/** A problem found on site at one agency (检查发现的问题). */
@Entity({ name: 'joint_inspection_finding' })
export class InspectionFindingEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'inspection_id' })
  inspectionId!: string;

  @Column('text', { name: 'agency_code' })
  agencyCode!: string;

  @Column('text')
  problem!: string;

  @Column('text', { name: 'legal_basis' })
  legalBasis!: string;

  @Column('text')
  severity!: FindingSeverity;

  @Column('text')
  status!: FindingStatus;

  @Column('text', { nullable: true })
  disposition!: FindingDisposition | null;

  /** The clue's description, or the rectification requirement. */
  @Column('text', { name: 'disposition_note', nullable: true })
  dispositionNote!: string | null;

  /** 问题线索移送函 number, when referred to the commission. */
  @Column('text', { name: 'clue_reference_no', nullable: true })
  clueReferenceNo!: string | null;

  @Column('timestamptz', { name: 'disposed_at', nullable: true })
  disposedAt!: Date | null;

  /** The rectification deadline. */
  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column('jsonb', { name: 'due_rule', nullable: true })
  dueRule!: DeadlineCitation | null;

  @Column('text', { name: 'rectification_report', nullable: true })
  rectificationReport!: string | null;

  @Column('timestamptz', { name: 'rectified_at', nullable: true })
  rectifiedAt!: Date | null;

  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt!: Date | null;

  @Column('text', { name: 'supervision_case_number', nullable: true })
  supervisionCaseNumber!: string | null;

  @Column('text', { name: 'supervision_case_status', nullable: true })
  supervisionCaseStatus!: string | null;

  /** Closed for the inspection: rectified, the supervision case closed, or the clue handed over. */
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('text', { name: 'process_instance_id', nullable: true })
  processInstanceId!: string | null;

  @Column('text', { name: 'recorded_by', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** Evidence of a finding (photos, records), kept with a checksum. */
@Entity({ name: 'joint_inspection_evidence' })
export class InspectionEvidenceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'finding_id' })
  findingId!: string;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** One step of a finding's history; unique per step, so a redelivered event records it once. */
@Entity({ name: 'joint_inspection_finding_step' })
@Unique(['findingId', 'step'])
export class InspectionFindingStepEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'finding_id' })
  findingId!: string;

  @Column('text')
  step!: string;

  @Column('jsonb', { nullable: true })
  detail!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}

/** 督办通知: raised once when a rectification notice passes its deadline unanswered. */
@Entity({ name: 'joint_inspection_notice' })
export class InspectionNoticeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'finding_id', unique: true })
  findingId!: string;

  @Column('text', { name: 'agency_code' })
  agencyCode!: string;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;
}
