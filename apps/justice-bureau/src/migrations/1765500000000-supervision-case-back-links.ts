import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'justice_bureau';
const TABLES = ['case_file_review_file', 'follow_up_visit'];

/**
 * The supervision case opened for a failing review file or a follow-up visit: its number and latest
 * status, kept on the requester's row by `RequestedSupervisionCaseChangedConsumer`. Re-runnable (IF NOT
 * EXISTS), additive: nullable columns, no rewrite of existing rows.
 */
export class SupervisionCaseBackLinks1765500000000 implements MigrationInterface {
  name = 'SupervisionCaseBackLinks1765500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`ALTER TABLE "${S}"."${table}"
        ADD COLUMN IF NOT EXISTS "supervision_case_id" uuid,
        ADD COLUMN IF NOT EXISTS "supervision_case_number" text,
        ADD COLUMN IF NOT EXISTS "supervision_case_status" text,
        ADD COLUMN IF NOT EXISTS "supervision_case_changed_at" timestamptz`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`ALTER TABLE "${S}"."${table}"
        DROP COLUMN IF EXISTS "supervision_case_changed_at",
        DROP COLUMN IF EXISTS "supervision_case_status",
        DROP COLUMN IF EXISTS "supervision_case_number",
        DROP COLUMN IF EXISTS "supervision_case_id"`);
    }
  }
}
