import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'justice_bureau';

/** Case-file review (案卷评查): rounds, files, reviewers, scores, and guiding cases (指导案例). */
export class CreateCaseFileReviewTables1765200000000 implements MigrationInterface {
  name = 'CreateCaseFileReviewTables1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."case_file_review_round" (
      "id" uuid PRIMARY KEY,
      "year" integer NOT NULL,
      "kind" text NOT NULL CHECK ("kind" IN ('annual', 'cross', 'third-party')),
      "title" text NOT NULL,
      "agencies" jsonb NOT NULL,
      "standard" jsonb NOT NULL,
      "status" text NOT NULL,
      "results" jsonb,
      "opened_by" text,
      "opened_at" timestamptz NOT NULL DEFAULT now(),
      "closed_at" timestamptz)`);
    await q.query(`CREATE TABLE "${S}"."case_file_review_file" (
      "id" uuid PRIMARY KEY,
      "round_id" uuid NOT NULL REFERENCES "${S}"."case_file_review_round" ("id"),
      "agency_code" text NOT NULL REFERENCES "${S}"."organisation" ("code"),
      "case_number" text NOT NULL,
      "case_kind" text NOT NULL,
      "title" text NOT NULL,
      "decided_on" date NOT NULL,
      "origin" text NOT NULL,
      "filename" text NOT NULL,
      "content_type" text NOT NULL,
      "size" integer NOT NULL,
      "sha256" text NOT NULL,
      "content" bytea NOT NULL,
      "total" numeric(6,1),
      "grade" text,
      "submitted_by" text,
      "submitted_at" timestamptz NOT NULL DEFAULT now(),
      UNIQUE ("round_id", "agency_code", "case_number"))`);
    await q.query(`CREATE TABLE "${S}"."case_file_reviewer" (
      "id" uuid PRIMARY KEY,
      "round_id" uuid NOT NULL REFERENCES "${S}"."case_file_review_round" ("id"),
      "kind" text NOT NULL,
      "user_id" text,
      "org_code" text,
      "name" text NOT NULL,
      "affiliation" text,
      "assigned_at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE "${S}"."case_file_assignment" (
      "reviewer_id" uuid NOT NULL REFERENCES "${S}"."case_file_reviewer" ("id"),
      "file_id" uuid NOT NULL REFERENCES "${S}"."case_file_review_file" ("id"),
      PRIMARY KEY ("reviewer_id", "file_id"))`);
    await q.query(
      `CREATE INDEX "case_file_assignment_file_idx" ON "${S}"."case_file_assignment" ("file_id")`,
    );
    await q.query(`CREATE TABLE "${S}"."case_file_score" (
      "file_id" uuid NOT NULL REFERENCES "${S}"."case_file_review_file" ("id"),
      "reviewer_id" uuid NOT NULL REFERENCES "${S}"."case_file_reviewer" ("id"),
      "items" jsonb NOT NULL,
      "total" numeric(6,1) NOT NULL,
      "grade" text NOT NULL,
      "opinion" text,
      "recorded_by" text,
      "recorded_at" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("file_id", "reviewer_id"))`);
    await q.query(`CREATE TABLE "${S}"."guiding_case" (
      "id" uuid PRIMARY KEY,
      "file_id" uuid NOT NULL UNIQUE REFERENCES "${S}"."case_file_review_file" ("id"),
      "agency_code" text NOT NULL,
      "case_kind" text NOT NULL,
      "year" integer NOT NULL,
      "title" text NOT NULL,
      "summary" text NOT NULL,
      "lesson" text NOT NULL,
      "grade" text,
      "published_by" text,
      "published_at" timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'guiding_case',
      'case_file_score',
      'case_file_assignment',
      'case_file_reviewer',
      'case_file_review_file',
      'case_file_review_round',
    ]) {
      await q.query(`DROP TABLE "${S}"."${table}"`);
    }
  }
}
