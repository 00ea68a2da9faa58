import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@oversight/messaging';
import { createWorkflowTables, dropWorkflowTables } from '@oversight/workflow';

const S = 'liaison';

export class CreateTransferTables1764115200000 implements MigrationInterface {
  name = 'CreateTransferTables1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, S);
    await createWorkflowTables(q, S);
    await q.query(`CREATE TABLE "${S}"."transfer" (
      "id" uuid PRIMARY KEY,
      "kind" text NOT NULL,
      "source_ref" text NOT NULL,
      "sender" text,
      "receiver" text,
      "subject" text,
      "due_at" timestamptz,
      "status" text NOT NULL,
      "status_at" timestamptz NOT NULL,
      "opened_at" timestamptz NOT NULL,
      "closed_at" timestamptz,
      "overdue_since" timestamptz,
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "transfer_kind_source_ref_key" UNIQUE ("kind", "source_ref"))`);
    // The register's default view: open transfers by due date.
    await q.query(
      `CREATE INDEX "transfer_open_due_idx" ON "${S}"."transfer" ("due_at") WHERE "closed_at" IS NULL`,
    );
    await q.query(`CREATE TABLE "${S}"."transfer_event" (
      "event_id" uuid PRIMARY KEY,
      "transfer_id" uuid NOT NULL REFERENCES "${S}"."transfer" ("id"),
      "event_type" text NOT NULL,
      "status" text,
      "occurred_at" timestamptz NOT NULL,
      "detail" jsonb NOT NULL)`);
    await q.query(
      `CREATE INDEX "transfer_event_transfer_idx" ON "${S}"."transfer_event" ("transfer_id", "occurred_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."transfer_event"`);
    await q.query(`DROP TABLE "${S}"."transfer"`);
    await dropWorkflowTables(q, S);
    await dropMessagingTables(q, S);
  }
}
