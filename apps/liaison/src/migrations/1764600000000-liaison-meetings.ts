import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'liaison';

/** Liaison meetings with their agendas, attendance, minutes and resolutions; register indexes. */
export class LiaisonMeetings1764600000000 implements MigrationInterface {
  name = 'LiaisonMeetings1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // The register's usual questions: open transfers of one body or kind, by due date; a period.
    await q.query(`CREATE INDEX "transfer_open_receiver_due_idx" ON "${S}"."transfer" ("receiver", "due_at")
      WHERE "closed_at" IS NULL`);
    await q.query(`CREATE INDEX "transfer_open_sender_due_idx" ON "${S}"."transfer" ("sender", "due_at")
      WHERE "closed_at" IS NULL`);
    await q.query(`CREATE INDEX "transfer_open_kind_due_idx" ON "${S}"."transfer" ("kind", "due_at")
      WHERE "closed_at" IS NULL`);
    await q.query(`CREATE INDEX "transfer_opened_idx" ON "${S}"."transfer" ("opened_at")`);
    // The rest of the register (closed or not yet due), in due order, for the second half of a page.
    // It also serves the open rows by due date, and the planner preferred the narrower partial index
    // with a filter on the body to the body's own index (10x slower on a million rows), so it goes.
    await q.query(`DROP INDEX "${S}"."transfer_open_due_idx"`);
    await q.query(`CREATE INDEX "transfer_due_idx" ON "${S}"."transfer" ("due_at", "id")`);
    await q.query(
      `CREATE INDEX "transfer_receiver_due_idx" ON "${S}"."transfer" ("receiver", "due_at", "id")`,
    );
    await q.query(`CREATE INDEX "transfer_sender_due_idx" ON "${S}"."transfer" ("sender", "due_at", "id")`);
    await q.query(`CREATE INDEX "transfer_kind_due_idx" ON "${S}"."transfer" ("kind", "due_at", "id")`);
    await q.query(`CREATE TABLE "${S}"."meeting" (
      "id" uuid PRIMARY KEY,
      "title" text NOT NULL,
      "kind" text NOT NULL,
      "scheduled_at" timestamptz NOT NULL,
      "location" text,
      "status" text NOT NULL,
      "attendees" jsonb NOT NULL DEFAULT '[]',
      "minutes" text,
      "held_at" timestamptz,
      "created_by" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "${S}"."agenda_item" (
      "id" uuid PRIMARY KEY,
      "meeting_id" uuid NOT NULL REFERENCES "${S}"."meeting" ("id") ON DELETE CASCADE,
      "position" integer NOT NULL,
      "source" text NOT NULL,
      "transfer_kind" text,
      "transfer_source_ref" text,
      "resolution_id" uuid,
      "title" text NOT NULL,
      "note" text)`);
    await q.query(
      `CREATE INDEX "agenda_item_meeting_idx" ON "${S}"."agenda_item" ("meeting_id", "position")`,
    );
    await q.query(`CREATE TABLE "${S}"."resolution" (
      "id" uuid PRIMARY KEY,
      "meeting_id" uuid NOT NULL REFERENCES "${S}"."meeting" ("id"),
      "title" text NOT NULL,
      "owner_org" text NOT NULL,
      "due_at" timestamptz NOT NULL,
      "transfer_kind" text,
      "transfer_source_ref" text,
      "status" text NOT NULL,
      "outcome" text,
      "closed_at" timestamptz,
      "created_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX "resolution_open_idx" ON "${S}"."resolution" ("due_at") WHERE "status" = 'open'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."resolution"`);
    await q.query(`DROP TABLE "${S}"."agenda_item"`);
    await q.query(`DROP TABLE "${S}"."meeting"`);
    for (const index of [
      'transfer_kind_due_idx',
      'transfer_sender_due_idx',
      'transfer_receiver_due_idx',
      'transfer_due_idx',
      'transfer_opened_idx',
      'transfer_open_kind_due_idx',
      'transfer_open_sender_due_idx',
      'transfer_open_receiver_due_idx',
    ]) {
      await q.query(`DROP INDEX "${S}"."${index}"`);
    }
    await q.query(
      `CREATE INDEX "transfer_open_due_idx" ON "${S}"."transfer" ("due_at") WHERE "closed_at" IS NULL`,
    );
  }
}
