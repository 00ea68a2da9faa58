import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A job whose effects are committed; a second delivery of the same job only re-reports its outcome. */
@Entity({ name: 'processed_job' })
export class ProcessedJobEntity {
  @PrimaryColumn('text', { name: 'job_id' })
  jobId!: string;

  @Column('text', { name: 'job_type' })
  jobType!: string;

  @Column('jsonb')
  outcome!:
    | { kind: 'complete'; variables: Record<string, unknown> }
    | { kind: 'bpmn-error'; code: string; message: string };

  @Column('timestamptz', { name: 'processed_at', default: () => 'now()' })
  processedAt!: Date;
}
