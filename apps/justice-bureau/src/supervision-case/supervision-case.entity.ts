import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SupervisionCaseStatus, SupervisionSource } from '@oversight/contracts';

export type SupervisionProposal = 'no-fault' | 'fault';
/** The instrument issued with a fault decision: 建议书 or 监督检查意见书. */
export type SupervisionInstrument = 'suggestion' | 'opinion';
export type SupervisionResult = 'corrected' | 'no-fault' | 'dismissed';

/** One administrative-enforcement supervision case (行政执法监督检查案件). */
@Entity({ name: 'supervision_case' })
export class SupervisionCaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** The number of its 立案审批表, e.g. 阳司监立〔2026〕3号. */
  @Column('text', { name: 'case_number' })
  caseNumber!: string;

  @Column('text')
  source!: SupervisionSource;

  @Column('text', { name: 'source_ref' })
  sourceRef!: string;

  @Column('text', { name: 'requested_by' })
  requestedBy!: string;

  @Column('text', { name: 'agency_code' })
  agencyCode!: string;

  @Column('text')
  subject!: string;

  @Column('text')
  facts!: string;

  @Column('text')
  status!: SupervisionCaseStatus;

  @Column('text', { name: 'opened_by' })
  openedBy!: string;

  @Column('text', { name: 'process_instance_id', nullable: true })
  processInstanceId!: string | null;

  @Column('timestamptz', { name: 'filing_due_at' })
  filingDueAt!: Date;

  @Column('text', { name: 'filing_decision', nullable: true })
  filingDecision!: 'file' | 'dismiss' | null;

  @Column('text', { name: 'filing_opinion', nullable: true })
  filingOpinion!: string | null;

  @Column('text', { name: 'filing_decided_by', nullable: true })
  filingDecidedBy!: string | null;

  @Column('timestamptz', { name: 'filing_decided_at', nullable: true })
  filingDecidedAt!: Date | null;

  @Column('timestamptz', { name: 'investigation_due_at', nullable: true })
  investigationDueAt!: Date | null;

  @Column('text', { nullable: true })
  findings!: string | null;

  @Column('text', { nullable: true })
  proposal!: SupervisionProposal | null;

  @Column('text', { name: 'proposed_handling', nullable: true })
  proposedHandling!: string | null;

  @Column('text', { nullable: true })
  instrument!: SupervisionInstrument | null;

  @Column('text', { nullable: true })
  requirements!: string | null;

  @Column('integer', { name: 'rectification_days', nullable: true })
  rectificationDays!: number | null;

  @Column('text', { name: 'investigated_by', nullable: true })
  investigatedBy!: string | null;

  @Column('timestamptz', { name: 'investigated_at', nullable: true })
  investigatedAt!: Date | null;

  @Column('timestamptz', { name: 'decision_due_at', nullable: true })
  decisionDueAt!: Date | null;

  @Column('text', { name: 'handling_decision', nullable: true })
  handlingDecision!: 'approve' | 'return' | null;

  @Column('text', { name: 'handling_opinion', nullable: true })
  handlingOpinion!: string | null;

  @Column('text', { name: 'handling_decided_by', nullable: true })
  handlingDecidedBy!: string | null;

  @Column('timestamptz', { name: 'handling_decided_at', nullable: true })
  handlingDecidedAt!: Date | null;

  @Column('integer', { name: 'rectification_round', default: 0 })
  rectificationRound!: number;

  @Column('timestamptz', { name: 'rectification_due_at', nullable: true })
  rectificationDueAt!: Date | null;

  @Column('boolean', { name: 'correction_ordered', nullable: true })
  correctionOrdered!: boolean | null;

  @Column('boolean', { nullable: true })
  rectified!: boolean | null;

  @Column('text', { nullable: true })
  result!: SupervisionResult | null;

  @Column('boolean', { default: false })
  overdue!: boolean;

  @Column('timestamptz', { name: 'overdue_since', nullable: true })
  overdueSince!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;
}

/** The case file's history: one line per step, in both languages. */
@Entity({ name: 'supervision_case_event' })
export class SupervisionCaseEventEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  kind!: string;

  @Column('text')
  zh!: string;

  @Column('text')
  en!: string;

  @Column('text', { name: 'actor_org' })
  actorOrg!: string;

  @Column('text', { nullable: true })
  actor!: string | null;

  /** What produced the line (a job, an action); unique, so a repeated job writes it once. */
  @Column('text', { name: 'source_key' })
  sourceKey!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}

/** The agency's rectification and reply (整改情况回复) for one round, and the office's review of it. */
@Entity({ name: 'supervision_rectification' })
export class SupervisionRectificationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('integer')
  round!: number;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('text')
  report!: string;

  @Column('text')
  measures!: string;

  @Column('boolean')
  late!: boolean;

  @Column('text', { name: 'submitted_by' })
  submittedBy!: string;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column('timestamptz', { name: 'review_due_at', nullable: true })
  reviewDueAt!: Date | null;

  @Column('text', { name: 'review_decision', nullable: true })
  reviewDecision!: 'accept' | 'reject' | null;

  @Column('text', { name: 'review_opinion', nullable: true })
  reviewOpinion!: string | null;

  @Column('integer', { name: 'next_rectification_days', nullable: true })
  nextRectificationDays!: number | null;

  @Column('text', { name: 'reviewed_by', nullable: true })
  reviewedBy!: string | null;

  @Column('timestamptz', { name: 'reviewed_at', nullable: true })
  reviewedAt!: Date | null;
}

export type SupervisionStep = 'filing' | 'investigation' | 'handling' | 'rectification' | 'review';

/** A 督办 notice: a step's deadline passed with the step still open. One per (case, step, due date). */
@Entity({ name: 'supervision_case_notice' })
export class SupervisionCaseNoticeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  step!: SupervisionStep;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('integer')
  round!: number;

  /** The responsible head: the office's (sfj) for its own steps, the agency's for its rectification. */
  @Column('text', { name: 'to_org' })
  toOrg!: string;

  @Column('text', { name: 'to_role' })
  toRole!: string;

  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;
}

export type SupervisionDocumentKind =
  | 'filing-approval'
  | 'handling-approval'
  | 'decision-notice'
  | 'suggestion'
  | 'opinion';

/** A numbered standard document of a case (文书); the PDF is rendered from the case on request. */
@Entity({ name: 'supervision_document' })
export class SupervisionDocumentEntity {
  @Column('uuid', { name: 'case_id', primary: true })
  caseId!: string;

  @Column('text', { primary: true })
  kind!: SupervisionDocumentKind;

  @Column('text')
  number!: string;

  @CreateDateColumn({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;
}

export const SUPERVISION_CASE_ENTITIES = [
  SupervisionCaseEntity,
  SupervisionCaseEventEntity,
  SupervisionRectificationEntity,
  SupervisionCaseNoticeEntity,
  SupervisionDocumentEntity,
];
