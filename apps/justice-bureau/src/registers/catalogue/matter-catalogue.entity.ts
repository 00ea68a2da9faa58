import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** `matters`: 执法事项目录清单 (any agency or town); `delegated-powers`: a town's 赋权目录. */
export type CatalogueList = 'matters' | 'delegated-powers';
export type CatalogueStatus = 'draft' | 'submitted' | 'published' | 'superseded';

/** One version of an organisation's catalogue; the bureau publishes it, the previous one is superseded. */
@Entity({ name: 'matter_catalogue' })
export class MatterCatalogueEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'org_code' })
  orgCode!: string;

  @Column('text')
  list!: CatalogueList;

  @Column('integer')
  version!: number;

  @Column('text')
  status!: CatalogueStatus;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column('text', { name: 'returned_reason', nullable: true })
  returnedReason!: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @Column('text', { name: 'published_by', nullable: true })
  publishedBy!: string | null;

  @Column('text', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** One enforcement matter of a catalogue version (for a 赋权目录, with the delegating department). */
@Entity({ name: 'catalogue_entry' })
export class CatalogueEntryEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'catalogue_id' })
  catalogueId!: string;

  @Column('integer')
  position!: number;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: string;

  @Column('text', { name: 'legal_basis' })
  legalBasis!: string;

  @Column('text', { name: 'implementing_body' })
  implementingBody!: string;

  @Column('text', { name: 'delegating_org', nullable: true })
  delegatingOrg!: string | null;
}
