import { MigrationInterface, QueryRunner } from 'typeorm';

/** The bureau's copies (抄送) of criminal-case transfers. */
export class CreateCriminalCaseCopy1764604000000 implements MigrationInterface {
  name = 'CreateCriminalCaseCopy1764604000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "justice_bureau"."criminal_case_copy" (
      "case_id" uuid PRIMARY KEY,
      "reference_no" text NOT NULL,
      "agency_org" text NOT NULL,
      "police_org" text NOT NULL,
      "title" text NOT NULL,
      "suspected_offence" text NOT NULL,
      "documents" jsonb NOT NULL DEFAULT '[]',
      "transferred_at" timestamptz NOT NULL,
      "received_at" timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "justice_bureau"."criminal_case_copy"`);
  }
}
