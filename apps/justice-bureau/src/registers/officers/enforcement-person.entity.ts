import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** 执法人员 (may hold a certificate) or 执法辅助人员 (never). */
export type PersonKind = 'officer' | 'auxiliary';
export type CertificateStatus = 'valid' | 'suspended' | 'revoked' | 'cancelled';
export type CertificateActionKind = 'issue' | 'suspend' | 'reinstate' | 'revoke' | 'cancel' | 'keep';

@Entity({ name: 'enforcement_person' })
export class EnforcementPersonEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'org_code' })
  orgCode!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: PersonKind;

  @Column('text', { name: 'staff_number', nullable: true })
  staffNumber!: string | null;

  @Column('text', { nullable: true })
  post!: string | null;

  /** 编制类型, e.g. 行政编制, 参公事业编制; null for auxiliaries. */
  @Column('text', { name: 'staffing_type', nullable: true })
  staffingType!: string | null;

  @Column('text')
  status!: 'active' | 'left';

  @Column('date', { name: 'left_at', nullable: true })
  leftAt!: string | null;

  @Column('text', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** The staffing proof (编制证明文件) a certificate needs; kept with a checksum. */
@Entity({ name: 'staffing_proof' })
export class StaffingProofEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'person_id' })
  personId!: string;

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

/** 行政执法证. */
@Entity({ name: 'enforcement_certificate' })
export class EnforcementCertificateEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'person_id' })
  personId!: string;

  @Column('text')
  number!: string;

  @Column('text')
  status!: CertificateStatus;

  @Column('date', { name: 'issued_on' })
  issuedOn!: string;

  @Column('date', { name: 'expires_on', nullable: true })
  expiresOn!: string | null;

  @Column('timestamptz', { name: 'status_changed_at' })
  statusChangedAt!: Date;

  @Column('text', { name: 'issued_by', nullable: true })
  issuedBy!: string | null;
}

/** Every decision on a certificate, with reason and basis; the annual clean-up's carry `reviewYear`. */
@Entity({ name: 'certificate_action' })
export class CertificateActionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'certificate_id' })
  certificateId!: string;

  @Column('text')
  action!: CertificateActionKind;

  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('text', { nullable: true })
  basis!: string | null;

  @Column('integer', { name: 'review_year', nullable: true })
  reviewYear!: number | null;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}
