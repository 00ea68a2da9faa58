import { MigrationInterface, QueryRunner } from 'typeorm';

const S = 'tasklist';

export class CreateProcessModelVersion1764201600000 implements MigrationInterface {
  name = 'CreateProcessModelVersion1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "${S}"."process_model_version" (
      "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      "process_key" text NOT NULL,
      "version" int NOT NULL,
      "xml" text NOT NULL,
      "comment" text,
      "saved_by" text NOT NULL,
      "saved_at" timestamptz NOT NULL DEFAULT now(),
      "deployed_definition_id" text,
      "deployed_at" timestamptz,
      UNIQUE ("process_key", "version"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${S}"."process_model_version"`);
  }
}
