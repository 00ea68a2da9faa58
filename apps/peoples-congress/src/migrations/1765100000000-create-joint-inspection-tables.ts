import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'peoples_congress';

/** Joint enforcement inspections (执法检查), their findings, evidence and notices; annual reports. */
export class CreateJointInspectionTables1765100000000 implements MigrationInterface {
  name = 'CreateJointInspectionTables1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."document_counter" (
      "series" text NOT NULL,
      "year" text NOT NULL,
      "last" integer NOT NULL,
      PRIMARY KEY ("series", "year"))`);
    await q.query(`CREATE TABLE "${S}"."joint_inspection" (
      "id" uuid PRIMARY KEY,
      "title" text NOT NULL,
      "year" integer NOT NULL,
      "field" text NOT NULL,
      "law" text NOT NULL,
      "lead_body" text NOT NULL,
      "targets" jsonb NOT NULL,
      "on_site_starts_at" timestamptz NOT NULL,
      "on_site_ends_at" timestamptz NOT NULL,
      "inspectors" jsonb NOT NULL DEFAULT '[]',
      "supervisors" jsonb NOT NULL DEFAULT '[]',
      "status" text NOT NULL,
      "report_number" text UNIQUE,
      "closed_at" timestamptz,
      "closed_by" text,
      "created_by" text,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "${S}"."joint_inspection_finding" (
      "id" uuid PRIMARY KEY,
      "inspection_id" uuid NOT NULL REFERENCES "${S}"."joint_inspection"("id"),
      "agency_code" text NOT NULL,
      "problem" text NOT NULL,
      "legal_basis" text NOT NULL,
      "severity" text NOT NULL,
      "status" text NOT NULL,
      "disposition" text,
      "disposition_note" text,
      "clue_reference_no" text,
      "disposed_at" timestamptz,
      "due_at" timestamptz,
      "due_rule" jsonb,
      "rectification_report" text,
      "rectified_at" timestamptz,
      "overdue_at" timestamptz,
      "supervision_case_number" text,
      "supervision_case_status" text,
      "closed_at" timestamptz,
      "process_instance_id" text,
      "recorded_by" text,
      "recorded_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX "joint_inspection_finding_inspection_idx" ON "${S}"."joint_inspection_finding" ("inspection_id")`,
    );
    await q.query(`CREATE TABLE "${S}"."joint_inspection_evidence" (
      "id" uuid PRIMARY KEY,
      "finding_id" uuid NOT NULL REFERENCES "${S}"."joint_inspection_finding"("id"),
      "filename" text NOT NULL,
      "content_type" text NOT NULL,
      "size" integer NOT NULL,
      "sha256" text NOT NULL,
      "content" bytea NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "${S}"."joint_inspection_finding_step" (
      "id" uuid PRIMARY KEY,
      "finding_id" uuid NOT NULL REFERENCES "${S}"."joint_inspection_finding"("id"),
      "step" text NOT NULL,
      "detail" jsonb,
      "at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("finding_id", "step"))`);
    await q.query(`CREATE TABLE "${S}"."joint_inspection_notice" (
      "id" uuid PRIMARY KEY,
      "finding_id" uuid NOT NULL UNIQUE REFERENCES "${S}"."joint_inspection_finding"("id"),
      "agency_code" text NOT NULL,
      "due_at" timestamptz NOT NULL,
      "raised_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "${S}"."annual_report" (
      "id" uuid PRIMARY KEY,
      "year" integer NOT NULL,
      "kind" text NOT NULL,
      "title" text NOT NULL,
      "filename" text NOT NULL,
      "content_type" text NOT NULL,
      "size" integer NOT NULL,
      "sha256" text NOT NULL,
      "content" bytea NOT NULL,
      "status" text NOT NULL,
      "submitted_by" text,
      "submitted_at" timestamptz NOT NULL DEFAULT now(),
      "opinions" text,
      "deliberated_at" timestamptz,
      "deliberated_by" text,
      "reply_due_at" timestamptz,
      "due_rule" jsonb,
      "reply" text,
      "replied_at" timestamptz,
      "reply_late_at" timestamptz,
      "process_instance_id" text,
      UNIQUE ("year", "kind"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'annual_report',
      'joint_inspection_notice',
      'joint_inspection_finding_step',
      'joint_inspection_evidence',
      'joint_inspection_finding',
      'joint_inspection',
      'document_counter',
    ]) {
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
