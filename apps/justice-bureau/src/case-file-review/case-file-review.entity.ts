import type { SupervisionCaseStatus } from '@oversight/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { decimal } from '../acceptance-campaign/acceptance-campaign.entity';
import type { ReviewGrade, ReviewStandard } from './case-file-review-standard';
import type { ItemScore } from './case-file-review-scoring.util';

export type ReviewRoundKind = 'annual' | 'cross' | 'third-party';
export type ReviewRoundStatus = 'open' | 'closed';

/** Per-agency result of a closed round, kept with the round so the ledger and report read the same. */
export interface AgencyReviewResult {
  agencyCode: string;
  agencyName: string;
  fileCount: number;
  average: number | null;
  grade: ReviewGrade | null;
  grades: Record<ReviewGrade, number>;
  /** Files that lost points on each item, with the reviewers' findings. */
  problems: { code: string; title: string; files: number; findings: string[] }[];
}

/** One review round (评查活动) of the justice bureau: annual, cross (交叉评查) or third-party (第三方评查). */
@Entity({ name: 'case_file_review_round' })
export class CaseFileReviewRoundEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('integer')
  year!: number;

  @Column('text')
  kind!: ReviewRoundKind;

  @Column('text')
  title!: string;

  /** Organisation codes of the agencies in scope. */
  @Column('jsonb')
  agencies!: string[];

  /** The standard as it was when the round opened. */
  @Column('jsonb')
  standard!: ReviewStandard;

  @Column('text')
  status!: ReviewRoundStatus;

  @Column('jsonb', { nullable: true })
  results!: AgencyReviewResult[] | null;

  @Column('text', { name: 'opened_by', nullable: true })
  openedBy!: string | null;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}

/** A case file under review, submitted by its agency or drawn by the office. */
@Entity({ name: 'case_file_review_file' })
export class CaseFileReviewFileEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'round_id' })
  roundId!: string;

  @Column('text', { name: 'agency_code' })
  agencyCode!: string;

  @Column('text', { name: 'case_number' })
  caseNumber!: string;

  /** e.g. 行政处罚, 行政许可, 行政强制, 行政检查. */
  @Column('text', { name: 'case_kind' })
  caseKind!: string;

  @Column('text')
  title!: string;

  @Column('date', { name: 'decided_on' })
  decidedOn!: string;

  /** `submitted` by the agency or `drawn` by the office. */
  @Column('text')
  origin!: 'submitted' | 'drawn';

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

  @Column('numeric', { nullable: true, transformer: decimal })
  total!: number | null;

  @Column('text', { nullable: true })
  grade!: ReviewGrade | null;

  @Column('text', { name: 'submitted_by', nullable: true })
  submittedBy!: string | null;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  /** The supervision case opened for it (on its request), kept by RequestedSupervisionCaseChangedConsumer. */
  @Column('uuid', { name: 'supervision_case_id', nullable: true })
  supervisionCaseId!: string | null;

  @Column('text', { name: 'supervision_case_number', nullable: true })
  supervisionCaseNumber!: string | null;

  @Column('text', { name: 'supervision_case_status', nullable: true })
  supervisionCaseStatus!: SupervisionCaseStatus | null;

  /** Time of the event the status came from (events may arrive out of order). */
  @Column('timestamptz', { name: 'supervision_case_changed_at', nullable: true })
  supervisionCaseChangedAt!: Date | null;
}

export type ReviewerKind = 'bureau' | 'agency' | 'expert';

/** A reviewer of a round: bureau staff, another agency's staff (cross review) or a third-party expert. */
@Entity({ name: 'case_file_reviewer' })
export class CaseFileReviewerEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'round_id' })
  roundId!: string;

  @Column('text')
  kind!: ReviewerKind;

  /** The reviewer's account (bureau or agency staff); null for an expert, whose scores the office enters. */
  @Column('text', { name: 'user_id', nullable: true })
  userId!: string | null;

  /** The reviewer's organisation code (bureau, agency); null for an expert. */
  @Column('text', { name: 'org_code', nullable: true })
  orgCode!: string | null;

  @Column('text')
  name!: string;

  /** An expert's organisation (firm, university…), as written. */
  @Column('text', { nullable: true })
  affiliation!: string | null;

  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;
}

@Entity({ name: 'case_file_assignment' })
export class CaseFileAssignmentEntity {
  @PrimaryColumn('uuid', { name: 'reviewer_id' })
  reviewerId!: string;

  @PrimaryColumn('uuid', { name: 'file_id' })
  fileId!: string;
}

/** One reviewer's scores of one file. */
@Entity({ name: 'case_file_score' })
export class CaseFileScoreEntity {
  @PrimaryColumn('uuid', { name: 'file_id' })
  fileId!: string;

  @PrimaryColumn('uuid', { name: 'reviewer_id' })
  reviewerId!: string;

  @Column('jsonb')
  items!: ItemScore[];

  @Column('numeric', { transformer: decimal })
  total!: number;

  @Column('text')
  grade!: ReviewGrade;

  @Column('text', { nullable: true })
  opinion!: string | null;

  @Column('text', { name: 'recorded_by', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** A reviewed file published as a guiding case (指导案例), without personal data. */
@Entity({ name: 'guiding_case' })
export class GuidingCaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'file_id' })
  fileId!: string;

  @Column('text', { name: 'agency_code' })
  agencyCode!: string;

  @Column('text', { name: 'case_kind' })
  caseKind!: string;

  @Column('integer')
  year!: number;

  @Column('text')
  title!: string;

  @Column('text')
  summary!: string;

  @Column('text')
  lesson!: string;

  @Column('text', { nullable: true })
  grade!: ReviewGrade | null;

  @Column('text', { name: 'published_by', nullable: true })
  publishedBy!: string | null;

  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;
}

export const CASE_FILE_REVIEW_ENTITIES = [
  CaseFileReviewRoundEntity,
  CaseFileReviewFileEntity,
  CaseFileReviewerEntity,
  CaseFileAssignmentEntity,
  CaseFileScoreEntity,
  GuidingCaseEntity,
];
