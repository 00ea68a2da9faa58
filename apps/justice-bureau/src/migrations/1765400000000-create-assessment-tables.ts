import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'justice_bureau';

/** The annual assessment (执法考核精细化): weights per year, computation runs, and its transfer projection. */
export class CreateAssessmentTables1765400000000 implements MigrationInterface {
  name = 'CreateAssessmentTables1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."assessment_weights" (
      "year" integer PRIMARY KEY,
      "weights" jsonb NOT NULL,
      "note" text,
      "set_by" text NOT NULL,
      "set_at" timestamptz NOT NULL)`);
    await q.query(`CREATE TABLE "${S}"."assessment_run" (
      "id" uuid PRIMARY KEY,
      "year" integer NOT NULL,
      "seq" integer NOT NULL,
      "status" text NOT NULL CHECK ("status" IN ('computed', 'published', 'superseded')),
      "weights" jsonb NOT NULL,
      "weights_source" text NOT NULL,
      "rules" jsonb NOT NULL,
      "inputs" jsonb NOT NULL,
      "results" jsonb NOT NULL,
      "summary" jsonb NOT NULL,
      "as_of" timestamptz NOT NULL,
      "computed_by" text NOT NULL,
      "computed_at" timestamptz NOT NULL,
      "published_by" text,
      "published_at" timestamptz,
      "superseded_by" uuid REFERENCES "${S}"."assessment_run" ("id"),
      "superseded_at" timestamptz,
      "supersede_reason" text,
      UNIQUE ("year", "seq"))`);
    // At most one published run per year: a second publish must supersede the first explicitly.
    await q.query(
      `CREATE UNIQUE INDEX "assessment_run_one_published" ON "${S}"."assessment_run" ("year") WHERE "status" = 'published'`,
    );
    await q.query(`CREATE TABLE "${S}"."assessment_transfer" (
      "kind" text NOT NULL,
      "source_ref" text NOT NULL,
      "sender" text,
      "receiver" text,
      "due_at" timestamptz,
      "closed_at" timestamptz,
      "overdue_since" timestamptz,
      "event_ids" text[] NOT NULL,
      "updated_at" timestamptz NOT NULL,
      PRIMARY KEY ("kind", "source_ref"))`);
    await q.query(
      `CREATE INDEX "assessment_transfer_receiver_due" ON "${S}"."assessment_transfer" ("receiver", "due_at")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."assessment_transfer"`);
    await q.query(`DROP TABLE "${S}"."assessment_run"`);
    await q.query(`DROP TABLE "${S}"."assessment_weights"`);
  }
}
