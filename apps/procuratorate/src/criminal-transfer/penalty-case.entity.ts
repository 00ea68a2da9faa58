import { Column, CreateDateColumn, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { DeadlineCitation } from '@oversight/contracts';

/** An administrative penalty case an agency files, watched for 应移未移 (should have been transferred). */
@Entity({ name: 'penalty_case' })
@Unique(['agencyOrg', 'caseNo'])
export class PenaltyCaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'agency_org' })
  agencyOrg!: string;

  @Column('text', { name: 'case_no' })
  caseNo!: string;

  @Column('text')
  offence!: string;

  @Column('numeric', {
    name: 'amount_yuan',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  amountYuan!: number;

  @Column('date', { name: 'decided_on' })
  decidedOn!: string;

  /** The transfer that handed this case to the police, once there is one. */
  @Column('uuid', { name: 'transfer_id', nullable: true })
  transferId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** 建议移送: one per penalty case. */
@Entity({ name: 'transfer_suggestion' })
export class TransferSuggestionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'penalty_case_id', unique: true })
  penaltyCaseId!: string;

  @Column('text')
  reasons!: string;

  @Column('text', { name: 'sent_by', nullable: true })
  sentBy!: string | null;

  @CreateDateColumn({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;
}

/** 检察意见 to an agency (反向衔接), and the agency's written reply. */
@Entity({ name: 'procuratorial_opinion' })
export class ProcuratorialOpinionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'agency_org' })
  agencyOrg!: string;

  @Column('text')
  subject!: string;

  @Column('text')
  content!: string;

  /** e.g. the non-prosecution decision or the police's reverse transfer it comes from. */
  @Column('text', { name: 'source_ref', nullable: true })
  sourceRef!: string | null;

  @Column('text')
  status!: 'sent' | 'replied';

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('timestamptz', { name: 'escalate_at' })
  escalateAt!: Date;

  @Column('jsonb', { name: 'due_rule' })
  dueRule!: DeadlineCitation;

  @Column('text', { nullable: true })
  reply!: string | null;

  @Column('timestamptz', { name: 'replied_at', nullable: true })
  repliedAt!: Date | null;

  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt!: Date | null;

  @Column('timestamptz', { name: 'escalated_at', nullable: true })
  escalatedAt!: Date | null;

  @Column('text', { name: 'process_instance_id', nullable: true })
  processInstanceId!: string | null;

  @Column('text', { name: 'sent_by', nullable: true })
  sentBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
