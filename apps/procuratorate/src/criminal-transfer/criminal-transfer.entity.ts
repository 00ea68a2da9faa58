import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { DeadlineCitation } from '@oversight/contracts';

/** Where a transfer stands (domain.md §2.2 steps 3–9). */
export type TransferStatus =
  | 'awaiting-head'
  | 'refused-by-head'
  | 'approved'
  | 'transferred'
  | 'received'
  | 'filed'
  | 'not-filed'
  | 'reconsideration'
  | 'reconsideration-upheld'
  | 'supervision'
  | 'reasons-requested'
  | 'reasons-given'
  | 'filing-notified'
  | 'closed';

export interface TeamMember {
  name: string;
  certificateNo: string;
}

/** A suspected-crime case an agency transfers to the police (涉嫌犯罪案件移送). */
@Entity({ name: 'criminal_transfer' })
export class CriminalTransferEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'case_no' })
  caseNo!: string;

  /** 移送书文号, given when the case is transferred. */
  @Column('text', { name: 'reference_no', nullable: true, unique: true })
  referenceNo!: string | null;

  @Column('text', { name: 'agency_org' })
  agencyOrg!: string;

  /** The police organ currently holding the case (changes when forwarded for jurisdiction). */
  @Column('text', { name: 'police_org' })
  policeOrg!: string;

  @Column('jsonb', { name: 'forwarded_from', default: () => "'[]'" })
  forwardedFrom!: string[];

  @Column('text')
  title!: string;

  @Column('text', { name: 'suspected_offence' })
  suspectedOffence!: string;

  @Column('numeric', {
    name: 'amount_yuan',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  amountYuan!: number | null;

  @Column('text')
  facts!: string;

  /** 专案组: at least two officers (Art. 5). */
  @Column('jsonb')
  team!: TeamMember[];

  /** The transfer report (移送涉嫌犯罪案件的报告). */
  @Column('text')
  report!: string;

  @Column('timestamptz', { name: 'reported_at' })
  reportedAt!: Date;

  @Column('uuid', { name: 'penalty_case_id', nullable: true })
  penaltyCaseId!: string | null;

  @Column('text')
  status!: TransferStatus;

  /** The user task the process waits at, with its due date and rule (null once nothing is due). */
  @Column('text', { name: 'current_step', nullable: true })
  currentStep!: string | null;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column('timestamptz', { name: 'escalate_at', nullable: true })
  escalateAt!: Date | null;

  @Column('jsonb', { name: 'due_rule', nullable: true })
  dueRule!: DeadlineCitation | null;

  @Column('text', { name: 'head_reasons', nullable: true })
  headReasons!: string | null;

  @Column('text', { name: 'filing_decision', nullable: true })
  filingDecision!: string | null;

  @Column('text', { name: 'filing_reasons', nullable: true })
  filingReasons!: string | null;

  @Column('timestamptz', { name: 'transferred_at', nullable: true })
  transferredAt!: Date | null;

  @Column('timestamptz', { name: 'copied_at', nullable: true })
  copiedAt!: Date | null;

  @Column('jsonb', { name: 'copied_to', default: () => "'[]'" })
  copiedTo!: string[];

  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt!: Date | null;

  @Column('timestamptz', { name: 'escalated_at', nullable: true })
  escalatedAt!: Date | null;

  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('text', { name: 'process_instance_id', nullable: true })
  processInstanceId!: string | null;

  @Column('text', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** A document of the transfer package (移送材料). */
@Entity({ name: 'criminal_transfer_document' })
export class CriminalTransferDocumentEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'transfer_id' })
  transferId!: string;

  @Column('text')
  kind!: string;

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

/** Each recorded step (decisions, receipts, reasons), in order: the case's written record. */
@Entity({ name: 'criminal_transfer_step' })
export class CriminalTransferStepEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'transfer_id' })
  transferId!: string;

  @Column('text')
  step!: string;

  @Column('text', { name: 'by_org' })
  byOrg!: string;

  @Column('text', { name: 'by_user', nullable: true })
  byUser!: string | null;

  @Column('text', { nullable: true })
  decision!: string | null;

  @Column('text', { nullable: true })
  reasons!: string | null;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}

/** An overdue notice raised by a timer: level `overdue` (urge the head) or `escalation` (liaison meeting). */
@Entity({ name: 'criminal_transfer_notice' })
@Unique(['transferId', 'step', 'level', 'dueAt'])
export class CriminalTransferNoticeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'transfer_id' })
  transferId!: string;

  @Column('text')
  step!: string;

  @Column('text')
  level!: 'overdue' | 'escalation';

  /** Who must act: the responsible organisation. */
  @Column('text', { name: 'responsible_org' })
  responsibleOrg!: string;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;
}
