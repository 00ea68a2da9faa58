import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'procuratorate';

/** Criminal-case transfers (两法衔接), their documents, steps and notices; penalty cases; opinions. */
export class CreateCriminalTransferTables1764600000000 implements MigrationInterface {
  name = 'CreateCriminalTransferTables1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."document_counter" (
      "series" text NOT NULL,
      "year" text NOT NULL,
      "last" integer NOT NULL,
      PRIMARY KEY ("series", "year"))`);
    await q.query(`CREATE TABLE "${S}"."criminal_transfer" (
      "id" uuid PRIMARY KEY,
      "case_no" text NOT NULL,
      "reference_no" text UNIQUE,
      "agency_org" text NOT NULL,
      "police_org" text NOT NULL,
      "forwarded_from" jsonb NOT NULL DEFAULT '[]',
      "title" text NOT NULL,
      "suspected_offence" text NOT NULL,
      "amount_yuan" numeric,
      "facts" text NOT NULL,
      "team" jsonb NOT NULL,
      "report" text NOT NULL,
      "reported_at" timestamptz NOT NULL,
      "penalty_case_id" uuid,
      "status" text NOT NULL,
      "current_step" text,
      "due_at" timestamptz,
      "escalate_at" timestamptz,
      "due_rule" jsonb,
      "head_reasons" text,
      "filing_decision" text,
      "filing_reasons" text,
      "transferred_at" timestamptz,
      "copied_at" timestamptz,
      "copied_to" jsonb NOT NULL DEFAULT '[]',
      "overdue_at" timestamptz,
      "escalated_at" timestamptz,
      "outcome" text,
      "closed_at" timestamptz,
      "process_instance_id" text,
      "created_by" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("agency_org", "case_no"))`);
    await q.query(`CREATE INDEX "criminal_transfer_status_idx" ON "${S}"."criminal_transfer" ("status")`);
    await q.query(`CREATE TABLE "${S}"."criminal_transfer_document" (
      "id" uuid PRIMARY KEY,
      "transfer_id" uuid NOT NULL REFERENCES "${S}"."criminal_transfer"("id") ON DELETE CASCADE,
      "kind" text NOT NULL,
      "filename" text NOT NULL,
      "content_type" text NOT NULL,
      "size" integer NOT NULL,
      "sha256" text NOT NULL,
      "content" bytea NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX "criminal_transfer_document_transfer_idx" ON "${S}"."criminal_transfer_document" ("transfer_id")`,
    );
    await q.query(`CREATE TABLE "${S}"."criminal_transfer_step" (
      "id" uuid PRIMARY KEY,
      "transfer_id" uuid NOT NULL REFERENCES "${S}"."criminal_transfer"("id") ON DELETE CASCADE,
      "step" text NOT NULL,
      "by_org" text NOT NULL,
      "by_user" text,
      "decision" text,
      "reasons" text,
      "occurred_at" timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await q.query(
      `CREATE INDEX "criminal_transfer_step_transfer_idx" ON "${S}"."criminal_transfer_step" ("transfer_id")`,
    );
    await q.query(`CREATE TABLE "${S}"."criminal_transfer_notice" (
      "id" uuid PRIMARY KEY,
      "transfer_id" uuid NOT NULL REFERENCES "${S}"."criminal_transfer"("id") ON DELETE CASCADE,
      "step" text NOT NULL,
      "level" text NOT NULL,
      "responsible_org" text NOT NULL,
      "due_at" timestamptz NOT NULL,
      "raised_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("transfer_id", "step", "level", "due_at"))`);
    await q.query(`CREATE TABLE "${S}"."penalty_case" (
      "id" uuid PRIMARY KEY,
      "agency_org" text NOT NULL,
      "case_no" text NOT NULL,
      "offence" text NOT NULL,
      "amount_yuan" numeric NOT NULL,
      "decided_on" date NOT NULL,
      "transfer_id" uuid,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("agency_org", "case_no"))`);
    await q.query(`CREATE TABLE "${S}"."transfer_suggestion" (
      "id" uuid PRIMARY KEY,
      "penalty_case_id" uuid NOT NULL UNIQUE REFERENCES "${S}"."penalty_case"("id") ON DELETE CASCADE,
      "reasons" text NOT NULL,
      "sent_by" text,
      "sent_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "${S}"."procuratorial_opinion" (
      "id" uuid PRIMARY KEY,
      "agency_org" text NOT NULL,
      "subject" text NOT NULL,
      "content" text NOT NULL,
      "source_ref" text,
      "status" text NOT NULL,
      "due_at" timestamptz NOT NULL,
      "escalate_at" timestamptz NOT NULL,
      "due_rule" jsonb NOT NULL,
      "reply" text,
      "replied_at" timestamptz,
      "overdue_at" timestamptz,
      "escalated_at" timestamptz,
      "process_instance_id" text,
      "sent_by" text,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'procuratorial_opinion',
      'transfer_suggestion',
      'penalty_case',
      'criminal_transfer_notice',
      'criminal_transfer_step',
      'criminal_transfer_document',
      'criminal_transfer',
      'document_counter',
    ]) {
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
