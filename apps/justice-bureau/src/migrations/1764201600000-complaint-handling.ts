import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'justice_bureau';

/** The whole complaint loop: assignment, handling, reply, follow-up, appeals, notices, attachments. */
export class ComplaintHandling1764201600000 implements MigrationInterface {
  name = 'ComplaintHandling1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${S}"."complaint"
      ADD COLUMN "matter" text,
      ADD COLUMN "forwarded_to" text,
      ADD COLUMN "agency_org" text REFERENCES "${S}"."organisation" ("code"),
      ADD COLUMN "assigned_at" timestamptz,
      ADD COLUMN "assignment_note" text,
      ADD COLUMN "objection_due_at" timestamptz,
      ADD COLUMN "objection_closed" boolean NOT NULL DEFAULT false,
      ADD COLUMN "handling_due_at" timestamptz,
      ADD COLUMN "handling_rule" jsonb,
      ADD COLUMN "findings" text,
      ADD COLUMN "draft_reply" text,
      ADD COLUMN "substantiated" boolean,
      ADD COLUMN "officers" jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN "draft_submitted_at" timestamptz,
      ADD COLUMN "review_comment" text,
      ADD COLUMN "reply" text,
      ADD COLUMN "replied_at" timestamptz,
      ADD COLUMN "follow_up_due_at" timestamptz,
      ADD COLUMN "followed_up_at" timestamptz,
      ADD COLUMN "follow_up_result" text,
      ADD COLUMN "satisfaction" text,
      ADD COLUMN "satisfaction_comment" text,
      ADD COLUMN "appeal_window_ends_at" timestamptz,
      ADD COLUMN "closed_at" timestamptz,
      ADD COLUMN "outcome" text`);
    await q.query(
      `CREATE INDEX "complaint_agency_status_idx" ON "${S}"."complaint" ("agency_org", "status")`,
    );
    await q.query(`CREATE INDEX "complaint_created_idx" ON "${S}"."complaint" ("created_at")`);
    await q.query(`CREATE TABLE "${S}"."complaint_event" (
      "id" uuid PRIMARY KEY,
      "complaint_id" uuid NOT NULL REFERENCES "${S}"."complaint" ("id"),
      "kind" text NOT NULL,
      "public" boolean NOT NULL,
      "message_zh" text NOT NULL,
      "message_en" text NOT NULL,
      "actor_org" text,
      "source_key" text NOT NULL UNIQUE,
      "at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX "complaint_event_complaint_idx" ON "${S}"."complaint_event" ("complaint_id", "at")`,
    );
    await q.query(`CREATE TABLE "${S}"."attachment" (
      "id" uuid PRIMARY KEY,
      "complaint_id" uuid NOT NULL REFERENCES "${S}"."complaint" ("id"),
      "purpose" text NOT NULL,
      "filename" text NOT NULL,
      "content_type" text NOT NULL,
      "size" integer NOT NULL,
      "sha256" text NOT NULL,
      "content" bytea NOT NULL,
      "uploaded_by_org" text,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX "attachment_complaint_idx" ON "${S}"."attachment" ("complaint_id")`);
    await q.query(`CREATE TABLE "${S}"."supervision_notice" (
      "id" uuid PRIMARY KEY,
      "complaint_id" uuid NOT NULL REFERENCES "${S}"."complaint" ("id"),
      "stage" text NOT NULL,
      "level" text NOT NULL,
      "to_org" text NOT NULL,
      "due_at" timestamptz NOT NULL,
      "raised_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("complaint_id", "stage", "level", "due_at"))`);
    await q.query(`CREATE TABLE "${S}"."extension_request" (
      "id" uuid PRIMARY KEY,
      "complaint_id" uuid NOT NULL REFERENCES "${S}"."complaint" ("id"),
      "requested_by_org" text NOT NULL,
      "length" integer NOT NULL,
      "reason" text NOT NULL,
      "status" text NOT NULL,
      "decision_comment" text,
      "previous_due_at" timestamptz NOT NULL,
      "new_due_at" timestamptz,
      "requested_at" timestamptz NOT NULL DEFAULT now(),
      "decided_at" timestamptz)`);
    // At most one pending request per complaint: a second one is a 409, not a second approval task.
    await q.query(`CREATE UNIQUE INDEX "extension_request_pending_idx" ON "${S}"."extension_request" ("complaint_id")
      WHERE "status" = 'pending'`);
    await q.query(`CREATE TABLE "${S}"."appeal" (
      "id" uuid PRIMARY KEY,
      "complaint_id" uuid NOT NULL REFERENCES "${S}"."complaint" ("id"),
      "stage" text NOT NULL,
      "reason" text NOT NULL,
      "due_at" timestamptz NOT NULL,
      "decision" text,
      "opinion" text,
      "requested_at" timestamptz NOT NULL DEFAULT now(),
      "decided_at" timestamptz,
      UNIQUE ("complaint_id", "stage"))`);
    await q.query(`CREATE TABLE "${S}"."identity_access_log" (
      "id" uuid PRIMARY KEY,
      "complaint_id" uuid NOT NULL REFERENCES "${S}"."complaint" ("id"),
      "actor_user" text NOT NULL,
      "actor_org" text NOT NULL,
      "purpose" text NOT NULL,
      "at" timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'identity_access_log',
      'appeal',
      'extension_request',
      'supervision_notice',
      'attachment',
      'complaint_event',
    ]) {
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
    await q.query(`DROP INDEX "${S}"."complaint_created_idx"`);
    await q.query(`DROP INDEX "${S}"."complaint_agency_status_idx"`);
    for (const column of [
      'matter',
      'forwarded_to',
      'agency_org',
      'assigned_at',
      'assignment_note',
      'objection_due_at',
      'objection_closed',
      'handling_due_at',
      'handling_rule',
      'findings',
      'draft_reply',
      'substantiated',
      'officers',
      'draft_submitted_at',
      'review_comment',
      'reply',
      'replied_at',
      'follow_up_due_at',
      'followed_up_at',
      'follow_up_result',
      'satisfaction',
      'satisfaction_comment',
      'appeal_window_ends_at',
      'closed_at',
      'outcome',
    ]) {
      await q.query(`ALTER TABLE "${S}"."complaint" DROP COLUMN "${column}"`);
    }
  }
}
