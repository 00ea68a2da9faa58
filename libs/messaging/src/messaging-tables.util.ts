import { QueryRunner } from 'typeorm';

/** DDL for the outbox and inbox tables, called from each service's own first migration. */
export async function createMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`CREATE TABLE "${schema}"."outbox_message" (
    "id" uuid PRIMARY KEY,
    "topic" text NOT NULL,
    "message_key" text NOT NULL,
    "envelope" jsonb NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "published_at" timestamptz,
    "attempts" int NOT NULL DEFAULT 0,
    "last_error" text)`);
  await runner.query(
    `CREATE INDEX "outbox_message_unpublished_idx" ON "${schema}"."outbox_message" ("created_at") WHERE "published_at" IS NULL`,
  );
  await runner.query(`CREATE TABLE "${schema}"."inbox_message" (
    "consumer" text NOT NULL,
    "event_id" uuid NOT NULL,
    "topic" text NOT NULL,
    "processed_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("consumer", "event_id"))`);
}

export async function dropMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE "${schema}"."inbox_message"`);
  await runner.query(`DROP TABLE "${schema}"."outbox_message"`);
}

/** DDL for the dead-letter register: one row per message this service's consumers gave up on. */
export async function createDeadLetterTable(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`CREATE TABLE "${schema}"."dead_letter" (
    "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    "topic" text NOT NULL,
    "partition" int NOT NULL,
    "offset" text NOT NULL,
    "consumer" text NOT NULL,
    "message_key" text,
    "value" text,
    "event_id" text,
    "event_type" text,
    "reason" text NOT NULL,
    "dead_lettered_at" timestamptz NOT NULL DEFAULT now(),
    "replayed_at" timestamptz,
    "replayed_by" text,
    "replay_count" int NOT NULL DEFAULT 0,
    CONSTRAINT "dead_letter_message_key" UNIQUE ("topic", "partition", "offset", "consumer"))`);
  await runner.query(
    `CREATE INDEX "dead_letter_open_idx" ON "${schema}"."dead_letter" ("dead_lettered_at") WHERE "replayed_at" IS NULL`,
  );
}

export async function dropDeadLetterTable(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE "${schema}"."dead_letter"`);
}
