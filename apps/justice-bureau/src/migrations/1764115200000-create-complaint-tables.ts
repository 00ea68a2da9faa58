import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@oversight/messaging';
import { createWorkflowTables, dropWorkflowTables } from '@oversight/workflow';
import { ORGANISATIONS } from '../organisation/organisation.seed';

const S = 'justice_bureau';

export class CreateComplaintTables1764115200000 implements MigrationInterface {
  name = 'CreateComplaintTables1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, S);
    await createWorkflowTables(q, S);
    await q.query(`CREATE TABLE "${S}"."organisation" (
      "code" text PRIMARY KEY,
      "name" text NOT NULL,
      "kind" text NOT NULL,
      "demonstration" boolean NOT NULL DEFAULT false)`);
    for (const o of ORGANISATIONS) {
      await q.query(
        `INSERT INTO "${S}"."organisation" (code, name, kind, demonstration) VALUES ($1, $2, $3, $4)`,
        [o.code, o.name, o.kind, o.demonstration ?? false],
      );
    }
    await q.query(`CREATE TABLE "${S}"."complaint" (
      "id" uuid PRIMARY KEY,
      "tracking_code" text NOT NULL UNIQUE,
      "channel" text NOT NULL,
      "anonymous" boolean NOT NULL,
      "respondent_org" text NOT NULL REFERENCES "${S}"."organisation" ("code"),
      "category" text NOT NULL,
      "summary" text NOT NULL,
      "details" text NOT NULL,
      "status" text NOT NULL,
      "acceptance_due_at" timestamptz NOT NULL,
      "acceptance_rule" jsonb NOT NULL,
      "process_instance_id" text,
      "decision" text,
      "decision_reason" text,
      "decided_at" timestamptz,
      "overdue_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX "complaint_respondent_status_idx" ON "${S}"."complaint" ("respondent_org", "status")`,
    );
    // Identity apart from content: its own table, joined only where a need to know is proven.
    await q.query(`CREATE TABLE "${S}"."complainant" (
      "complaint_id" uuid PRIMARY KEY REFERENCES "${S}"."complaint" ("id"),
      "name" text NOT NULL,
      "phone" text NOT NULL,
      "id_number" text,
      "address" text,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."complainant"`);
    await q.query(`DROP TABLE "${S}"."complaint"`);
    await q.query(`DROP TABLE "${S}"."organisation"`);
    await dropWorkflowTables(q, S);
    await dropMessagingTables(q, S);
  }
}
