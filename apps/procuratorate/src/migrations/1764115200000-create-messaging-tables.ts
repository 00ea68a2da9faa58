import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@oversight/messaging';
import { createWorkflowTables, dropWorkflowTables } from '@oversight/workflow';

export class CreateMessagingTables1764115200000 implements MigrationInterface {
  name = 'CreateMessagingTables1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'procuratorate');
    await createWorkflowTables(q, 'procuratorate');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropWorkflowTables(q, 'procuratorate');
    await dropMessagingTables(q, 'procuratorate');
  }
}
