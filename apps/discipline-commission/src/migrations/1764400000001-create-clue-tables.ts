import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'discipline_commission';

/** Problem clues referred to the commission, and the commission's own referrals to the justice bureau. */
export class CreateClueTables1764400000001 implements MigrationInterface {
  name = 'CreateClueTables1764400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."document_counter" (
      "series" text NOT NULL,
      "year" text NOT NULL,
      "last" integer NOT NULL,
      PRIMARY KEY ("series", "year"))`);
    await q.query(`CREATE TABLE "${S}"."clue_referral" (
      "id" uuid PRIMARY KEY,
      "reference_no" text UNIQUE,
      "receiver_org" text NOT NULL,
      "source_type" text NOT NULL,
      "source_ref" text NOT NULL,
      "auto_source_key" text UNIQUE,
      "subjects" jsonb NOT NULL DEFAULT '[]',
      "facts" text,
      "legal_basis" text,
      "suggested_disposal" text,
      "status" text NOT NULL,
      "found_at" timestamptz NOT NULL,
      "send_due_at" timestamptz NOT NULL,
      "send_rule" jsonb NOT NULL,
      "created_by" text,
      "submitted_by" text,
      "approval_comment" text,
      "approved_by" text,
      "approved_at" timestamptz,
      "sent_at" timestamptz,
      "feedback_schedule" jsonb,
      "registration_no" text,
      "received_at" timestamptz,
      "latest_status" text,
      "latest_status_at" timestamptz,
      "outcome" text,
      "disposal" text,
      "result" text,
      "conclusion" text,
      "concluded_at" timestamptz,
      "escalated_at" timestamptz,
      "closed_at" timestamptz,
      "process_instance_id" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX "clue_referral_status_idx" ON "${S}"."clue_referral" ("status", "created_at")`,
    );
    await q.query(`CREATE TABLE "${S}"."clue_referral_evidence" (
      "id" uuid PRIMARY KEY,
      "referral_id" uuid NOT NULL REFERENCES "${S}"."clue_referral" ("id"),
      "item_no" integer NOT NULL,
      "description" text NOT NULL,
      "filename" text,
      "content_type" text,
      "size" integer,
      "sha256" text,
      "content" bytea,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("referral_id", "item_no"))`);
    await q.query(`CREATE TABLE "${S}"."clue_referral_feedback" (
      "id" uuid PRIMARY KEY,
      "referral_id" uuid NOT NULL REFERENCES "${S}"."clue_referral" ("id"),
      "kind" text NOT NULL,
      "dedupe_key" text NOT NULL,
      "event_id" uuid NOT NULL,
      "data" jsonb NOT NULL,
      "occurred_at" timestamptz NOT NULL,
      "late" boolean NOT NULL,
      "received_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("referral_id", "dedupe_key"))`);
    await q.query(`CREATE TABLE "${S}"."clue_referral_notice" (
      "id" uuid PRIMARY KEY,
      "referral_id" uuid NOT NULL REFERENCES "${S}"."clue_referral" ("id"),
      "feedback" text NOT NULL,
      "level" text NOT NULL,
      "due_at" timestamptz NOT NULL,
      "raised_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("referral_id", "feedback", "level"))`);
    await q.query(`CREATE TABLE "${S}"."clue" (
      "id" uuid PRIMARY KEY,
      "sender_org" text NOT NULL,
      "reference_no" text NOT NULL,
      "source_type" text NOT NULL,
      "source_ref" text NOT NULL,
      "subjects" jsonb NOT NULL,
      "facts" text NOT NULL,
      "legal_basis" text NOT NULL,
      "suggested_disposal" text NOT NULL,
      "evidence" jsonb NOT NULL,
      "sent_at" timestamptz NOT NULL,
      "feedback_due" jsonb NOT NULL,
      "status" text NOT NULL,
      "registration_no" text UNIQUE,
      "registered_at" timestamptz,
      "forward_due_at" timestamptz,
      "jurisdiction_overdue_at" timestamptz,
      "jurisdiction" text,
      "forwarded_to" text,
      "jurisdiction_remark" text,
      "jurisdiction_decided_at" timestamptz,
      "disposal" text,
      "disposal_chosen_at" timestamptz,
      "handled_at" timestamptz,
      "result" text,
      "conclusion" text,
      "decided_by" text,
      "decided_at" timestamptz,
      "process_instance_id" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "clue_status_idx" ON "${S}"."clue" ("status", "created_at")`);
    await q.query(`CREATE TABLE "${S}"."clue_working_note" (
      "id" uuid PRIMARY KEY,
      "clue_id" uuid NOT NULL REFERENCES "${S}"."clue" ("id"),
      "step" text NOT NULL,
      "author" text,
      "note" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "clue_working_note_clue_idx" ON "${S}"."clue_working_note" ("clue_id")`);
    // No foreign key: a reminder may overtake the referral it is about (different topics).
    await q.query(`CREATE TABLE "${S}"."clue_reminder" (
      "clue_id" uuid NOT NULL,
      "feedback" text NOT NULL,
      "due_at" timestamptz NOT NULL,
      "event_id" uuid NOT NULL,
      "reminded_at" timestamptz NOT NULL,
      PRIMARY KEY ("clue_id", "feedback", "due_at"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'clue_reminder',
      'clue_working_note',
      'clue',
      'clue_referral_notice',
      'clue_referral_feedback',
      'clue_referral_evidence',
      'clue_referral',
      'document_counter',
    ]) {
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
