import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from '@oversight/messaging';
import { createWorkflowTables, dropWorkflowTables } from '@oversight/workflow';

export class CreateMessagingTables1764115200000 implements MigrationInterface {
  name = 'CreateMessagingTables1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await createMessagingTables(q, 'discipline_commission');
    await createWorkflowTables(q, 'discipline_commission');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropWorkflowTables(q, 'discipline_commission');
    await dropMessagingTables(q, 'discipline_commission');
  }
}
