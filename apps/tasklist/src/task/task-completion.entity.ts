import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A completion this service performed: makes a repeated complete request answer the same, once. */
@Entity({ name: 'task_completion' })
export class TaskCompletionEntity {
  @PrimaryColumn('text', { name: 'task_id' })
  taskId!: string;

  @Column('text', { name: 'task_definition_key' })
  taskDefinitionKey!: string;

  @Column('text', { name: 'process_instance_id' })
  processInstanceId!: string;

  @Column('jsonb')
  variables!: Record<string, unknown>;

  @Column('timestamptz', { name: 'completed_at', default: () => 'now()' })
  completedAt!: Date;
}
