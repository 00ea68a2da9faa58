import type { SupervisionCaseStatus } from '@oversight/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { FollowUpCaseKind } from './follow-up-rules';

/** A closed case registered for a possible follow-up visit. */
@Entity({ name: 'follow_up_case' })
export class FollowUpCaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'agency_code' })
  agencyCode!: string;

  @Column('text', { name: 'case_kind' })
  caseKind!: FollowUpCaseKind;

  @Column('text', { name: 'case_number' })
  caseNumber!: string;

  @Column('text')
  title!: string;

  @Column('date', { name: 'closed_on' })
  closedOn!: string;

  @Column('text', { name: 'party_name' })
  partyName!: string;

  @Column('text', { name: 'party_phone' })
  partyPhone!: string;

  /** The draw whose population included the case (drawn or not); null until then. */
  @Column('uuid', { name: 'draw_id', nullable: true })
  drawId!: string | null;

  @Column('text', { name: 'registered_by', nullable: true })
  registeredBy!: string | null;

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;
}

/** One sampling of closed cases, kept with its seed and population so it can be checked. */
@Entity({ name: 'follow_up_draw' })
export class FollowUpDrawEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('integer')
  year!: number;

  @Column('text')
  seed!: string;

  @Column('jsonb')
  ratios!: Record<FollowUpCaseKind, number>;

  /** Every case the draw chose from, by kind. */
  @Column('jsonb')
  population!: Record<FollowUpCaseKind, string[]>;

  @Column('jsonb')
  selected!: Record<FollowUpCaseKind, string[]>;

  @Column('text')
  basis!: string;

  @Column('text', { name: 'drawn_by', nullable: true })
  drawnBy!: string | null;

  @CreateDateColumn({ name: 'drawn_at', type: 'timestamptz' })
  drawnAt!: Date;
}

export type VisitResult = 'satisfied' | 'neutral' | 'dissatisfied' | 'problem' | 'unreached';

/** A follow-up visit (回访) of a drawn case, and its result. */
@Entity({ name: 'follow_up_visit' })
export class FollowUpVisitEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('uuid', { name: 'draw_id' })
  drawId!: string;

  @Column('integer')
  year!: number;

  @Column('text', { name: 'agency_code' })
  agencyCode!: string;

  @Column('text', { name: 'case_kind' })
  caseKind!: FollowUpCaseKind;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('text')
  status!: 'due' | 'done';

  @Column('boolean', { nullable: true })
  reached!: boolean | null;

  @Column('integer', { nullable: true })
  satisfaction!: number | null;

  @Column('text', { nullable: true })
  problems!: string | null;

  @Column('text', { nullable: true })
  result!: VisitResult | null;

  @Column('text', { nullable: true })
  method!: string | null;

  @Column('text', { nullable: true })
  visitor!: string | null;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('boolean', { name: 'supervision_requested', default: false })
  supervisionRequested!: boolean;

  @Column('timestamptz', { name: 'visited_at', nullable: true })
  visitedAt!: Date | null;

  @Column('text', { name: 'recorded_by', nullable: true })
  recordedBy!: string | null;

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

export const FOLLOW_UP_VISIT_ENTITIES = [FollowUpCaseEntity, FollowUpDrawEntity, FollowUpVisitEntity];
