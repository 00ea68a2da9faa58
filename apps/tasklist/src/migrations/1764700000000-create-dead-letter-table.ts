import { MigrationInterface, QueryRunner } from 'typeorm';
import { createDeadLetterTable, dropDeadLetterTable } from '@oversight/messaging';

/** The dead-letter register (issue 10): messages the consumers gave up on, listed and replayed by an admin. */
export class CreateDeadLetterTable1764700000000 implements MigrationInterface {
  name = 'CreateDeadLetterTable1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await createDeadLetterTable(q, 'tasklist');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropDeadLetterTable(q, 'tasklist');
  }
}
