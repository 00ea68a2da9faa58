import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An entry the bureau puts on the negative list by hand: an enforcement matter or an officer. */
@Entity({ name: 'negative_list_entry' })
export class NegativeListEntryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  subject!: 'matter' | 'officer';

  @Column('text', { name: 'org_code' })
  orgCode!: string;

  @Column('text', { nullable: true })
  matter!: string | null;

  @Column('uuid', { name: 'person_id', nullable: true })
  personId!: string | null;

  @Column('text', { name: 'person_name', nullable: true })
  personName!: string | null;

  @Column('text')
  reason!: string;

  @Column('text')
  basis!: string;

  @Column('date', { name: 'listed_on' })
  listedOn!: string;

  @Column('text', { name: 'listed_by', nullable: true })
  listedBy!: string | null;

  @Column('timestamptz', { name: 'removed_at', nullable: true })
  removedAt!: Date | null;

  @Column('text', { name: 'removed_by', nullable: true })
  removedBy!: string | null;

  @Column('text', { name: 'removal_reason', nullable: true })
  removalReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
