import { QueryRunner } from 'typeorm';

/** DDL for the job de-duplication table, called from a service's own migration. */
export async function createWorkflowTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`CREATE TABLE "${schema}"."processed_job" (
    "job_id" text PRIMARY KEY,
    "job_type" text NOT NULL,
    "outcome" jsonb NOT NULL,
    "processed_at" timestamptz NOT NULL DEFAULT now())`);
}

export async function dropWorkflowTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE "${schema}"."processed_job"`);
}
