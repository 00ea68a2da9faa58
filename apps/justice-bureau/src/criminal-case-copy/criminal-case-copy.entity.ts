import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { CriminalCaseDocumentRef } from '@oversight/contracts';

/** The bureau's copy (抄送) of a criminal-case transfer, where the county copies the justice bureau. */
@Entity({ name: 'criminal_case_copy' })
export class CriminalCaseCopyEntity {
  /** The transfer's id in the procuratorate service: one copy per transfer. */
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text', { name: 'reference_no' })
  referenceNo!: string;

  @Column('text', { name: 'agency_org' })
  agencyOrg!: string;

  @Column('text', { name: 'police_org' })
  policeOrg!: string;

  @Column('text')
  title!: string;

  @Column('text', { name: 'suspected_offence' })
  suspectedOffence!: string;

  @Column('jsonb')
  documents!: CriminalCaseDocumentRef[];

  @Column('timestamptz', { name: 'transferred_at' })
  transferredAt!: Date;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
