import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'tasklist';

/** The read model of open user tasks (TaskProjectionService), fed by the engine's task events. */
export class CreateOpenTask1764900000000 implements MigrationInterface {
  name = 'CreateOpenTask1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."open_task" (
      "id" text PRIMARY KEY,
      "name" text,
      "task_definition_key" text,
      "process_definition_id" text,
      "process_definition_key" text,
      "process_instance_id" text,
      "business_key" text,
      "assignee" text,
      "candidate_groups" text[] NOT NULL DEFAULT '{}',
      "created" timestamptz,
      "due" timestamptz,
      "follow_up" timestamptz,
      "priority" integer,
      "open" boolean NOT NULL,
      "last_seq" bigint NOT NULL,
      "changed_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX "open_task_groups" ON "${S}"."open_task" USING gin ("candidate_groups") WHERE "open"`,
    );
    await q.query(`CREATE INDEX "open_task_created" ON "${S}"."open_task" ("created", "id") WHERE "open"`);
    await q.query(
      `CREATE INDEX "open_task_assignee" ON "${S}"."open_task" ("assignee", "created") WHERE "open"`,
    );
    await q.query(
      `CREATE INDEX "open_task_business_key" ON "${S}"."open_task" ("business_key") WHERE "open"`,
    );
    await q.query(`CREATE INDEX "open_task_closed" ON "${S}"."open_task" ("changed_at") WHERE NOT "open"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."open_task"`);
  }
}
