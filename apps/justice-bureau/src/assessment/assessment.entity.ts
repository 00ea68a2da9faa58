import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Weights } from './assessment-indicators';
import type { UnitFacts, UnitResult } from './assessment-scoring.util';

/** The weights the office set for a year (one row per year; the audit log keeps earlier versions). */
@Entity({ name: 'assessment_weights' })
export class AssessmentWeightsEntity {
  @PrimaryColumn('integer')
  year!: number;

  @Column('jsonb')
  weights!: Weights;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('text', { name: 'set_by' })
  setBy!: string;

  @Column('timestamptz', { name: 'set_at' })
  setAt!: Date;
}

export type RunStatus = 'computed' | 'published' | 'superseded';

/** The county's summary figures of a run, for the report and the public annual report. */
export interface RunSummary {
  units: number;
  graded: number;
  byGrade: Record<string, number>;
  complaints: number;
  corrections: number;
  transfersDue: number;
  transfersOnTime: number;
  onTimeRate: number | null;
}

/**
 * One computation of a year's assessment, kept whole so a published result can be audited later: the
 * weights and rules used, every unit's raw inputs, and the results. Recomputing makes a new run.
 */
@Entity({ name: 'assessment_run' })
export class AssessmentRunEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('integer')
  year!: number;

  /** 1, 2, … within the year. */
  @Column('integer')
  seq!: number;

  @Column('text')
  status!: RunStatus;

  @Column('jsonb')
  weights!: Weights;

  /** `office` when the office set the year's weights, else `default` (local). */
  @Column('text', { name: 'weights_source' })
  weightsSource!: 'office' | 'default';

  /** Indicators, thresholds and rules as they were when computed. */
  @Column('jsonb')
  rules!: Record<string, unknown>;

  @Column('jsonb')
  inputs!: UnitFacts[];

  @Column('jsonb')
  results!: UnitResult[];

  @Column('jsonb')
  summary!: RunSummary;

  /** The instant open transfers were judged at (overdue or not yet due). */
  @Column('timestamptz', { name: 'as_of' })
  asOf!: Date;

  @Column('text', { name: 'computed_by' })
  computedBy!: string;

  @Column('timestamptz', { name: 'computed_at' })
  computedAt!: Date;

  @Column('text', { name: 'published_by', nullable: true })
  publishedBy!: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('uuid', { name: 'superseded_by', nullable: true })
  supersededBy!: string | null;

  @Column('timestamptz', { name: 'superseded_at', nullable: true })
  supersededAt!: Date | null;

  @Column('text', { name: 'supersede_reason', nullable: true })
  supersedeReason!: string | null;
}

/**
 * Transfers between bodies as the assessment sees them, projected from `TransferChangedV1` (every
 * service publishes one per change). Order-insensitive: due dates only move later, a transfer closes
 * and goes overdue at the earliest event saying so.
 */
@Entity({ name: 'assessment_transfer' })
export class AssessmentTransferEntity {
  @PrimaryColumn('text')
  kind!: string;

  @PrimaryColumn('text', { name: 'source_ref' })
  sourceRef!: string;

  @Column('text', { nullable: true })
  sender!: string | null;

  @Column('text', { nullable: true })
  receiver!: string | null;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('timestamptz', { name: 'overdue_since', nullable: true })
  overdueSince!: Date | null;

  /** Ids of the events folded in, each once (a replayed event changes nothing). */
  @Column('text', { name: 'event_ids', array: true })
  eventIds!: string[];

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

export const ASSESSMENT_ENTITIES = [AssessmentWeightsEntity, AssessmentRunEntity, AssessmentTransferEntity];
