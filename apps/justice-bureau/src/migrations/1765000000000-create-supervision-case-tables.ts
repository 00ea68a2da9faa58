import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'justice_bureau';

/** Supervision cases (行政执法监督检查案件): the case, its history, rectification rounds, notices, documents. */
export class CreateSupervisionCaseTables1765000000000 implements MigrationInterface {
  name = 'CreateSupervisionCaseTables1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."supervision_case" (
      "id" uuid PRIMARY KEY,
      "case_number" text NOT NULL UNIQUE,
      "source" text NOT NULL,
      "source_ref" text NOT NULL,
      "requested_by" text NOT NULL,
      "agency_code" text NOT NULL REFERENCES "${S}"."organisation" ("code"),
      "subject" text NOT NULL,
      "facts" text NOT NULL,
      "status" text NOT NULL,
      "opened_by" text NOT NULL,
      "process_instance_id" text,
      "filing_due_at" timestamptz NOT NULL,
      "filing_decision" text,
      "filing_opinion" text,
      "filing_decided_by" text,
      "filing_decided_at" timestamptz,
      "investigation_due_at" timestamptz,
      "findings" text,
      "proposal" text,
      "proposed_handling" text,
      "instrument" text,
      "requirements" text,
      "rectification_days" integer,
      "investigated_by" text,
      "investigated_at" timestamptz,
      "decision_due_at" timestamptz,
      "handling_decision" text,
      "handling_opinion" text,
      "handling_decided_by" text,
      "handling_decided_at" timestamptz,
      "rectification_round" integer NOT NULL DEFAULT 0,
      "rectification_due_at" timestamptz,
      "correction_ordered" boolean,
      "rectified" boolean,
      "result" text,
      "overdue" boolean NOT NULL DEFAULT false,
      "overdue_since" timestamptz,
      "closed_at" timestamptz,
      "opened_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("source", "source_ref"))`);
    await q.query(`CREATE INDEX ON "${S}"."supervision_case" ("agency_code", "status")`);
    await q.query(`CREATE TABLE "${S}"."supervision_case_event" (
      "id" uuid PRIMARY KEY,
      "case_id" uuid NOT NULL REFERENCES "${S}"."supervision_case" ("id"),
      "kind" text NOT NULL,
      "zh" text NOT NULL,
      "en" text NOT NULL,
      "actor_org" text NOT NULL,
      "actor" text,
      "source_key" text NOT NULL UNIQUE,
      "at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX ON "${S}"."supervision_case_event" ("case_id", "at")`);
    await q.query(`CREATE TABLE "${S}"."supervision_rectification" (
      "id" uuid PRIMARY KEY,
      "case_id" uuid NOT NULL REFERENCES "${S}"."supervision_case" ("id"),
      "round" integer NOT NULL,
      "due_at" timestamptz NOT NULL,
      "report" text NOT NULL,
      "measures" text NOT NULL,
      "late" boolean NOT NULL,
      "submitted_by" text NOT NULL,
      "submitted_at" timestamptz NOT NULL DEFAULT now(),
      "review_due_at" timestamptz,
      "review_decision" text,
      "review_opinion" text,
      "next_rectification_days" integer,
      "reviewed_by" text,
      "reviewed_at" timestamptz,
      UNIQUE ("case_id", "round"))`);
    await q.query(`CREATE TABLE "${S}"."supervision_case_notice" (
      "id" uuid PRIMARY KEY,
      "case_id" uuid NOT NULL REFERENCES "${S}"."supervision_case" ("id"),
      "step" text NOT NULL,
      "due_at" timestamptz NOT NULL,
      "round" integer NOT NULL,
      "to_org" text NOT NULL,
      "to_role" text NOT NULL,
      "raised_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("case_id", "step", "due_at"))`);
    await q.query(`CREATE TABLE "${S}"."supervision_document" (
      "case_id" uuid NOT NULL REFERENCES "${S}"."supervision_case" ("id"),
      "kind" text NOT NULL,
      "number" text NOT NULL UNIQUE,
      "issued_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("case_id", "kind"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'supervision_document',
      'supervision_case_notice',
      'supervision_rectification',
      'supervision_case_event',
      'supervision_case',
    ]) {
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
