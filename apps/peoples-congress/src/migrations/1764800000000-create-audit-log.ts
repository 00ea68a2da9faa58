import { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTable, dropAuditTable } from '@oversight/platform';

/** The append-only, hash-chained audit log (issue 9). */
export class CreateAuditLog1764800000000 implements MigrationInterface {
  name = 'CreateAuditLog1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await createAuditTable(q, 'peoples_congress');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAuditTable(q, 'peoples_congress');
  }
}
