import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'justice_bureau';

/** Follow-up visits (回访): closed cases, the draws that sample them, and the visits. */
export class CreateFollowUpVisitTables1765200001000 implements MigrationInterface {
  name = 'CreateFollowUpVisitTables1765200001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."follow_up_draw" (
      "id" uuid PRIMARY KEY,
      "year" integer NOT NULL,
      "seed" text NOT NULL,
      "ratios" jsonb NOT NULL,
      "population" jsonb NOT NULL,
      "selected" jsonb NOT NULL,
      "basis" text NOT NULL,
      "drawn_by" text,
      "drawn_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "${S}"."follow_up_case" (
      "id" uuid PRIMARY KEY,
      "agency_code" text NOT NULL REFERENCES "${S}"."organisation" ("code"),
      "case_kind" text NOT NULL CHECK ("case_kind" IN ('enforcement', 'reconsideration', 'litigation')),
      "case_number" text NOT NULL,
      "title" text NOT NULL,
      "closed_on" date NOT NULL,
      "party_name" text NOT NULL,
      "party_phone" text NOT NULL,
      "draw_id" uuid REFERENCES "${S}"."follow_up_draw" ("id"),
      "registered_by" text,
      "registered_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("agency_code", "case_kind", "case_number"))`);
    await q.query(
      `CREATE INDEX "follow_up_case_undrawn_idx" ON "${S}"."follow_up_case" ("closed_on") WHERE "draw_id" IS NULL`,
    );
    await q.query(`CREATE TABLE "${S}"."follow_up_visit" (
      "id" uuid PRIMARY KEY,
      "case_id" uuid NOT NULL UNIQUE REFERENCES "${S}"."follow_up_case" ("id"),
      "draw_id" uuid NOT NULL REFERENCES "${S}"."follow_up_draw" ("id"),
      "year" integer NOT NULL,
      "agency_code" text NOT NULL,
      "case_kind" text NOT NULL,
      "due_at" timestamptz NOT NULL,
      "status" text NOT NULL,
      "reached" boolean,
      "satisfaction" integer CHECK ("satisfaction" BETWEEN 1 AND 5),
      "problems" text,
      "result" text,
      "method" text,
      "visitor" text,
      "note" text,
      "supervision_requested" boolean NOT NULL DEFAULT false,
      "visited_at" timestamptz,
      "recorded_by" text)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['follow_up_visit', 'follow_up_case', 'follow_up_draw']) {
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
