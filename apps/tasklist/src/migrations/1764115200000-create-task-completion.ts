import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@oversight/messaging';
import { createWorkflowTables, dropWorkflowTables } from '@oversight/workflow';

const S = 'tasklist';

export class CreateTaskCompletion1764115200000 implements MigrationInterface {
  name = 'CreateTaskCompletion1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, S);
    await createWorkflowTables(q, S);
    await q.query(`CREATE TABLE "${S}"."task_completion" (
      "task_id" text PRIMARY KEY,
      "task_definition_key" text NOT NULL,
      "process_instance_id" text NOT NULL,
      "variables" jsonb NOT NULL,
      "completed_at" timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."task_completion"`);
    await dropWorkflowTables(q, S);
    await dropMessagingTables(q, S);
  }
}
