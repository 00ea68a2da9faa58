import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { decimal } from '../../acceptance-campaign/acceptance-campaign.entity';

/** 行政执法监督企业联系点, tied to the agency whose enforcement it reports on. */
@Entity({ name: 'enterprise_contact_point' })
export class EnterpriseContactPointEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'enterprise_name' })
  enterpriseName!: string;

  /** 统一社会信用代码. */
  @Column('text', { name: 'credit_code' })
  creditCode!: string;

  @Column('text', { name: 'enterprise_kind' })
  enterpriseKind!: string;

  @Column('text', { name: 'agency_code' })
  agencyCode!: string;

  @Column('text', { name: 'contact_person', nullable: true })
  contactPerson!: string | null;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text')
  status!: 'active' | 'withdrawn';

  @Column('date', { name: 'designated_on' })
  designatedOn!: string;

  @Column('date', { name: 'withdrawn_on', nullable: true })
  withdrawnOn!: string | null;

  @Column('text', { name: 'withdrawal_reason', nullable: true })
  withdrawalReason!: string | null;

  @Column('text', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export interface SurveyAnswer {
  question: string;
  score: number;
}

/** A visit (走访, 座谈会, 问卷) with its satisfaction survey, scored per question. */
@Entity({ name: 'contact_point_visit' })
export class ContactPointVisitEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'contact_point_id' })
  contactPointId!: string;

  @Column('date', { name: 'visited_on' })
  visitedOn!: string;

  @Column('text')
  method!: string;

  @Column('text')
  visitors!: string;

  @Column('text', { nullable: true })
  notes!: string | null;

  @Column('jsonb', { nullable: true })
  answers!: SurveyAnswer[] | null;

  /** Mean of the answers' scores (0–100). */
  @Column('numeric', { nullable: true, transformer: decimal })
  satisfaction!: number | null;

  @Column('text', { name: 'recorded_by', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
