import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { DeadlineCitation } from '@oversight/contracts';

export type AnnualReportKind = 'enforcement' | 'rule-of-law-government';
export type AnnualReportStatus = 'submitted' | 'deliberated' | 'replied';

/**
 * An annual report the justice bureau submits to the standing committee (年度行政执法工作报告 or
 * 法治政府建设情况报告), the committee's deliberation opinions (审议意见) and the bureau's reply.
 */
@Entity({ name: 'annual_report' })
@Unique(['year', 'kind'])
export class AnnualReportEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('integer')
  year!: number;

  @Column('text')
  kind!: AnnualReportKind;

  @Column('text')
  title!: string;

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

  @Column('text')
  status!: AnnualReportStatus;

  @Column('text', { name: 'submitted_by', nullable: true })
  submittedBy!: string | null;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt!: Date;

  @Column('text', { nullable: true })
  opinions!: string | null;

  @Column('timestamptz', { name: 'deliberated_at', nullable: true })
  deliberatedAt!: Date | null;

  @Column('text', { name: 'deliberated_by', nullable: true })
  deliberatedBy!: string | null;

  @Column('timestamptz', { name: 'reply_due_at', nullable: true })
  replyDueAt!: Date | null;

  @Column('jsonb', { name: 'due_rule', nullable: true })
  dueRule!: DeadlineCitation | null;

  @Column('text', { nullable: true })
  reply!: string | null;

  @Column('timestamptz', { name: 'replied_at', nullable: true })
  repliedAt!: Date | null;

  @Column('timestamptz', { name: 'reply_late_at', nullable: true })
  replyLateAt!: Date | null;

  @Column('text', { name: 'process_instance_id', nullable: true })
  processInstanceId!: string | null;
}
