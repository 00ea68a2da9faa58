import { Column, CreateDateColumn, Entity, PrimaryColumn, ValueTransformer } from 'typeorm';
import type { AcceptanceUnitStage, AcceptanceWindow, InspectionDecision } from '@oversight/contracts';
import type { Checklist, UnitKind } from './acceptance-checklist';
import type { ScoreSheet } from './acceptance-scoring.util';

/** PostgreSQL numeric comes back as text; scores are small decimals, safe as JS numbers. */
export const decimal: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};

export type CampaignStatus = 'starting' | 'running' | 'summary' | 'closed';

/** One creation-stage acceptance campaign (先行区创建验收) of the leading-group office. */
@Entity({ name: 'acceptance_campaign' })
export class AcceptanceCampaignEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('integer')
  year!: number;

  @Column('text')
  title!: string;

  @Column('text')
  status!: CampaignStatus;

  @Column('timestamptz', { name: 'plan_due_at' })
  planDueAt!: Date;

  @Column('timestamptz', { name: 'creation_starts_at' })
  creationStartsAt!: Date;

  @Column('timestamptz', { name: 'self_check_starts_at' })
  selfCheckStartsAt!: Date;

  @Column('timestamptz', { name: 'self_check_ends_at' })
  selfCheckEndsAt!: Date;

  @Column('timestamptz', { name: 'acceptance_starts_at' })
  acceptanceStartsAt!: Date;

  @Column('timestamptz', { name: 'acceptance_ends_at' })
  acceptanceEndsAt!: Date;

  @Column('timestamptz', { name: 'summary_starts_at' })
  summaryStartsAt!: Date;

  @Column('timestamptz', { name: 'summary_ends_at' })
  summaryEndsAt!: Date;

  @Column('numeric', { name: 'pass_score', transformer: decimal })
  passScore!: number;

  /** The checklist as it was when the campaign started. */
  @Column('jsonb')
  checklist!: Checklist;

  @Column('text', { name: 'process_instance_id', nullable: true })
  processInstanceId!: string | null;

  @Column('text', { nullable: true })
  summary!: string | null;

  @Column('text', { name: 'report_number', nullable: true })
  reportNumber!: string | null;

  @Column('boolean', { name: 'summary_late', default: false })
  summaryLate!: boolean;

  @Column('timestamptz', { name: 'summarised_at', nullable: true })
  summarisedAt!: Date | null;

  @Column('text', { name: 'started_by', nullable: true })
  startedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A participating unit (county department or town) and where it stands: the board's row. */
@Entity({ name: 'acceptance_unit' })
export class AcceptanceUnitEntity {
  @PrimaryColumn('uuid', { name: 'campaign_id' })
  campaignId!: string;

  @PrimaryColumn('text', { name: 'unit_code' })
  unitCode!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: UnitKind;

  @Column('boolean')
  demonstration!: boolean;

  @Column('text')
  stage!: AcceptanceUnitStage;

  @Column('timestamptz', { name: 'stage_changed_at' })
  stageChangedAt!: Date;

  /** Windows the unit (or the team, for the inspection) missed, in the order they were missed. */
  @Column('jsonb', { name: 'late_windows', default: () => `'[]'` })
  lateWindows!: AcceptanceWindow[];

  @Column('timestamptz', { name: 'work_plan_submitted_at', nullable: true })
  workPlanSubmittedAt!: Date | null;

  @Column('timestamptz', { name: 'self_check_submitted_at', nullable: true })
  selfCheckSubmittedAt!: Date | null;

  @Column('numeric', { name: 'self_score', nullable: true, transformer: decimal })
  selfScore!: number | null;

  @Column('numeric', { name: 'inspection_score', nullable: true, transformer: decimal })
  inspectionScore!: number | null;

  @Column('integer', { name: 'rectification_rounds', default: 0 })
  rectificationRounds!: number;

  @Column('timestamptz', { name: 'rectification_due_at', nullable: true })
  rectificationDueAt!: Date | null;

  @Column('text', { nullable: true })
  result!: 'accepted' | 'failed' | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}

export type EvidencePurpose = 'work-plan' | 'progress' | 'self-check' | 'rectification';

/** A file a unit uploaded as evidence (佐证材料); referenced by id from its submissions. */
@Entity({ name: 'acceptance_evidence' })
export class AcceptanceEvidenceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId!: string;

  @Column('text', { name: 'unit_code' })
  unitCode!: string;

  @Column('text', { name: 'item_code', nullable: true })
  itemCode!: string | null;

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

  @Column('text', { name: 'uploaded_by', nullable: true })
  uploadedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The unit's work plan (工作方案). */
@Entity({ name: 'acceptance_work_plan' })
export class AcceptanceWorkPlanEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId!: string;

  @Column('text', { name: 'unit_code' })
  unitCode!: string;

  @Column('text')
  title!: string;

  @Column('text')
  summary!: string;

  @Column('jsonb', { name: 'document_ids' })
  documentIds!: string[];

  @Column('text', { name: 'submitted_by', nullable: true })
  submittedBy!: string | null;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}

/** A progress record of the creation period, with its evidence. */
@Entity({ name: 'acceptance_progress' })
export class AcceptanceProgressEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId!: string;

  @Column('text', { name: 'unit_code' })
  unitCode!: string;

  @Column('text')
  note!: string;

  @Column('jsonb', { name: 'item_codes' })
  itemCodes!: string[];

  @Column('jsonb', { name: 'evidence_ids' })
  evidenceIds!: string[];

  @Column('text', { name: 'recorded_by', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** The unit's self-check (自查): a score and evidence per checklist item. */
@Entity({ name: 'acceptance_self_check' })
export class AcceptanceSelfCheckEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId!: string;

  @Column('text', { name: 'unit_code' })
  unitCode!: string;

  @Column('jsonb')
  sheet!: ScoreSheet;

  @Column('text')
  summary!: string;

  @Column('text', { name: 'submitted_by', nullable: true })
  submittedBy!: string | null;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}

/** An inspection by the acceptance team: round 0 the acceptance, 1.. re-inspections after 整改. */
@Entity({ name: 'acceptance_inspection' })
export class AcceptanceInspectionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId!: string;

  @Column('text', { name: 'unit_code' })
  unitCode!: string;

  @Column('integer')
  round!: number;

  @Column('jsonb')
  sheet!: ScoreSheet;

  @Column('text')
  decision!: InspectionDecision;

  @Column('text')
  opinion!: string;

  @Column('text', { name: 'rectification_requirements', nullable: true })
  rectificationRequirements!: string | null;

  /** The deadline the team asked for (Beijing day); the worker computes it from the rule when absent. */
  @Column('text', { name: 'requested_due_date', nullable: true })
  requestedDueDate!: string | null;

  @Column('timestamptz', { name: 'rectification_due_at', nullable: true })
  rectificationDueAt!: Date | null;

  @Column('jsonb')
  inspectors!: string[];

  @Column('text', { name: 'inspected_by', nullable: true })
  inspectedBy!: string | null;

  @CreateDateColumn({ name: 'inspected_at', type: 'timestamptz' })
  inspectedAt!: Date;
}

/** The unit's rectification report (整改报告) for one round. */
@Entity({ name: 'acceptance_rectification' })
export class AcceptanceRectificationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId!: string;

  @Column('text', { name: 'unit_code' })
  unitCode!: string;

  @Column('integer')
  round!: number;

  @Column('text')
  report!: string;

  @Column('jsonb', { name: 'evidence_ids' })
  evidenceIds!: string[];

  @Column('boolean')
  late!: boolean;

  @Column('text', { name: 'submitted_by', nullable: true })
  submittedBy!: string | null;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}

/** A 督办 notice: a unit (or the office) missed a window. */
@Entity({ name: 'acceptance_notice' })
export class AcceptanceNoticeEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId!: string;

  /** Empty for the campaign itself (the summary). */
  @Column('text', { name: 'unit_code' })
  unitCode!: string;

  @Column('text')
  window!: AcceptanceWindow;

  /** `overdue`: the deadline passed and the step is still open; `missed`: the window closed without it. */
  @Column('text')
  level!: 'overdue' | 'missed';

  /** Rectification round the notice is about; 0 otherwise. */
  @Column('integer')
  round!: number;

  @Column('text', { name: 'to_org' })
  toOrg!: string;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;
}

/** One unit's result for the annual rule-of-law assessment (法治建设考核) of `year`, by source. */
@Entity({ name: 'assessment_input' })
export class AssessmentInputEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('integer')
  year!: number;

  @Column('text', { name: 'unit_code' })
  unitCode!: string;

  /** What produced it, e.g. `acceptance-campaign`. */
  @Column('text')
  source!: string;

  @Column('text', { name: 'source_ref' })
  sourceRef!: string;

  @Column('text')
  result!: string;

  @Column('numeric', { nullable: true, transformer: decimal })
  score!: number | null;

  @Column('text')
  outcome!: string;

  @Column('jsonb')
  detail!: Record<string, unknown>;

  @Column('text')
  basis!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

export const ACCEPTANCE_ENTITIES = [
  AcceptanceCampaignEntity,
  AcceptanceUnitEntity,
  AcceptanceEvidenceEntity,
  AcceptanceWorkPlanEntity,
  AcceptanceProgressEntity,
  AcceptanceSelfCheckEntity,
  AcceptanceInspectionEntity,
  AcceptanceRectificationEntity,
  AcceptanceNoticeEntity,
  AssessmentInputEntity,
];
