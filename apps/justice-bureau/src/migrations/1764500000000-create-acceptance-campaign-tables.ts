import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'justice_bureau';

/** The creation-stage acceptance campaign (先行区创建验收) and the annual-assessment input it feeds. */
export class CreateAcceptanceCampaignTables1764500000000 implements MigrationInterface {
  name = 'CreateAcceptanceCampaignTables1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."acceptance_campaign" (
      "id" uuid PRIMARY KEY,
      "year" integer NOT NULL UNIQUE,
      "title" text NOT NULL,
      "status" text NOT NULL,
      "plan_due_at" timestamptz NOT NULL,
      "creation_starts_at" timestamptz NOT NULL,
      "self_check_starts_at" timestamptz NOT NULL,
      "self_check_ends_at" timestamptz NOT NULL,
      "acceptance_starts_at" timestamptz NOT NULL,
      "acceptance_ends_at" timestamptz NOT NULL,
      "summary_starts_at" timestamptz NOT NULL,
      "summary_ends_at" timestamptz NOT NULL,
      "pass_score" numeric(5,1) NOT NULL,
      "checklist" jsonb NOT NULL,
      "process_instance_id" text,
      "summary" text,
      "report_number" text,
      "summary_late" boolean NOT NULL DEFAULT false,
      "summarised_at" timestamptz,
      "started_by" text,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "${S}"."acceptance_unit" (
      "campaign_id" uuid NOT NULL REFERENCES "${S}"."acceptance_campaign" ("id"),
      "unit_code" text NOT NULL REFERENCES "${S}"."organisation" ("code"),
      "name" text NOT NULL,
      "kind" text NOT NULL,
      "demonstration" boolean NOT NULL,
      "stage" text NOT NULL,
      "stage_changed_at" timestamptz NOT NULL DEFAULT now(),
      "late_windows" jsonb NOT NULL DEFAULT '[]',
      "work_plan_submitted_at" timestamptz,
      "self_check_submitted_at" timestamptz,
      "self_score" numeric(5,1),
      "inspection_score" numeric(5,1),
      "rectification_rounds" integer NOT NULL DEFAULT 0,
      "rectification_due_at" timestamptz,
      "result" text,
      "decided_at" timestamptz,
      PRIMARY KEY ("campaign_id", "unit_code"))`);
    await q.query(`CREATE TABLE "${S}"."acceptance_evidence" (
      "id" uuid PRIMARY KEY,
      "campaign_id" uuid NOT NULL,
      "unit_code" text NOT NULL,
      "item_code" text,
      "filename" text NOT NULL,
      "content_type" text NOT NULL,
      "size" integer NOT NULL,
      "sha256" text NOT NULL,
      "content" bytea NOT NULL,
      "uploaded_by" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY ("campaign_id", "unit_code") REFERENCES "${S}"."acceptance_unit" ("campaign_id", "unit_code"))`);
    await q.query(
      `CREATE INDEX "acceptance_evidence_unit_idx" ON "${S}"."acceptance_evidence" ("campaign_id", "unit_code")`,
    );
    await q.query(`CREATE TABLE "${S}"."acceptance_work_plan" (
      "id" uuid PRIMARY KEY,
      "campaign_id" uuid NOT NULL,
      "unit_code" text NOT NULL,
      "title" text NOT NULL,
      "summary" text NOT NULL,
      "document_ids" jsonb NOT NULL,
      "submitted_by" text,
      "submitted_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("campaign_id", "unit_code"),
      FOREIGN KEY ("campaign_id", "unit_code") REFERENCES "${S}"."acceptance_unit" ("campaign_id", "unit_code"))`);
    await q.query(`CREATE TABLE "${S}"."acceptance_progress" (
      "id" uuid PRIMARY KEY,
      "campaign_id" uuid NOT NULL,
      "unit_code" text NOT NULL,
      "note" text NOT NULL,
      "item_codes" jsonb NOT NULL,
      "evidence_ids" jsonb NOT NULL,
      "recorded_by" text,
      "recorded_at" timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY ("campaign_id", "unit_code") REFERENCES "${S}"."acceptance_unit" ("campaign_id", "unit_code"))`);
    await q.query(
      `CREATE INDEX "acceptance_progress_unit_idx" ON "${S}"."acceptance_progress" ("campaign_id", "unit_code")`,
    );
    await q.query(`CREATE TABLE "${S}"."acceptance_self_check" (
      "id" uuid PRIMARY KEY,
      "campaign_id" uuid NOT NULL,
      "unit_code" text NOT NULL,
      "sheet" jsonb NOT NULL,
      "summary" text NOT NULL,
      "submitted_by" text,
      "submitted_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("campaign_id", "unit_code"),
      FOREIGN KEY ("campaign_id", "unit_code") REFERENCES "${S}"."acceptance_unit" ("campaign_id", "unit_code"))`);
    await q.query(`CREATE TABLE "${S}"."acceptance_inspection" (
      "id" uuid PRIMARY KEY,
      "campaign_id" uuid NOT NULL,
      "unit_code" text NOT NULL,
      "round" integer NOT NULL,
      "sheet" jsonb NOT NULL,
      "decision" text NOT NULL,
      "opinion" text NOT NULL,
      "rectification_requirements" text,
      "requested_due_date" text,
      "rectification_due_at" timestamptz,
      "inspectors" jsonb NOT NULL,
      "inspected_by" text,
      "inspected_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("campaign_id", "unit_code", "round"),
      FOREIGN KEY ("campaign_id", "unit_code") REFERENCES "${S}"."acceptance_unit" ("campaign_id", "unit_code"))`);
    await q.query(`CREATE TABLE "${S}"."acceptance_rectification" (
      "id" uuid PRIMARY KEY,
      "campaign_id" uuid NOT NULL,
      "unit_code" text NOT NULL,
      "round" integer NOT NULL,
      "report" text NOT NULL,
      "evidence_ids" jsonb NOT NULL,
      "late" boolean NOT NULL,
      "submitted_by" text,
      "submitted_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("campaign_id", "unit_code", "round"),
      FOREIGN KEY ("campaign_id", "unit_code") REFERENCES "${S}"."acceptance_unit" ("campaign_id", "unit_code"))`);
    await q.query(`CREATE TABLE "${S}"."acceptance_notice" (
      "id" uuid PRIMARY KEY,
      "campaign_id" uuid NOT NULL REFERENCES "${S}"."acceptance_campaign" ("id"),
      "unit_code" text NOT NULL,
      "window" text NOT NULL,
      "level" text NOT NULL,
      "round" integer NOT NULL,
      "to_org" text NOT NULL,
      "due_at" timestamptz NOT NULL,
      "raised_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("campaign_id", "unit_code", "window", "level", "round"))`);
    await q.query(`CREATE TABLE "${S}"."assessment_input" (
      "id" uuid PRIMARY KEY,
      "year" integer NOT NULL,
      "unit_code" text NOT NULL REFERENCES "${S}"."organisation" ("code"),
      "source" text NOT NULL,
      "source_ref" text NOT NULL,
      "result" text NOT NULL,
      "score" numeric(5,1),
      "outcome" text NOT NULL,
      "detail" jsonb NOT NULL,
      "basis" text NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("year", "unit_code", "source", "source_ref"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'assessment_input',
      'acceptance_notice',
      'acceptance_rectification',
      'acceptance_inspection',
      'acceptance_self_check',
      'acceptance_progress',
      'acceptance_work_plan',
      'acceptance_evidence',
      'acceptance_unit',
      'acceptance_campaign',
    ]) {
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
