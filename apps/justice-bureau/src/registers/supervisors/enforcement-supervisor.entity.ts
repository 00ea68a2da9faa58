import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** 行政执法监督员; with a town, a member of that town's pool (镇级监督员库). */
@Entity({ name: 'enforcement_supervisor' })
export class EnforcementSupervisorEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  category!: string;

  @Column('text', { nullable: true })
  affiliation!: string | null;

  @Column('text', { nullable: true })
  contact!: string | null;

  @Column('text', { name: 'town_code', nullable: true })
  townCode!: string | null;

  @Column('date', { name: 'term_start' })
  termStart!: string;

  @Column('date', { name: 'term_end' })
  termEnd!: string;

  @Column('text')
  status!: 'active' | 'ended';

  @Column('date', { name: 'ended_on', nullable: true })
  endedOn!: string | null;

  @Column('text', { name: 'end_reason', nullable: true })
  endReason!: string | null;

  @Column('text', { name: 'appointed_by', nullable: true })
  appointedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
