import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { decimal } from '../../acceptance-campaign/acceptance-campaign.entity';
import type { PersonKind } from '../officers/enforcement-person.entity';

/** The yearly minimum per kind of person, with its basis; the bureau's head may change it. */
@Entity({ name: 'training_requirement' })
export class TrainingRequirementEntity {
  @PrimaryColumn('text', { name: 'person_kind' })
  personKind!: PersonKind;

  @Column('numeric', { name: 'min_days', transformer: decimal })
  minDays!: number;

  @Column('text')
  basis!: string;

  @Column('text', { name: 'updated_by', nullable: true })
  updatedBy!: string | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}

@Entity({ name: 'training_record' })
export class TrainingRecordEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'person_id' })
  personId!: string;

  @Column('date', { name: 'trained_on' })
  trainedOn!: string;

  /** Days credited (from `hours` when only hours were given). */
  @Column('numeric', { transformer: decimal })
  days!: number;

  @Column('numeric', { nullable: true, transformer: decimal })
  hours!: number | null;

  @Column('text')
  topic!: string;

  @Column('text')
  kind!: string;

  @Column('numeric', { name: 'quiz_score', nullable: true, transformer: decimal })
  quizScore!: number | null;

  @Column('boolean', { name: 'quiz_passed', nullable: true })
  quizPassed!: boolean | null;

  @Column('text', { name: 'recorded_by', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
