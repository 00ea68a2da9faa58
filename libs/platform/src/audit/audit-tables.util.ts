import { QueryRunner } from 'typeorm';

/** The audit log table of a service's schema, append-only by trigger (UPDATE, DELETE, TRUNCATE refused). */
export async function createAuditTable(q: QueryRunner, schema: string): Promise<void> {
  const s = `"${schema}"`;
  await q.query(`
    CREATE TABLE ${s}.audit_entry (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      at timestamptz NOT NULL DEFAULT now(),
      actor_user text,
      actor_org text,
      actor_roles text NOT NULL DEFAULT '',
      action text NOT NULL,
      resource text NOT NULL,
      target text NOT NULL,
      status int,
      before jsonb,
      after jsonb,
      prev_hash text NOT NULL,
      hash text NOT NULL
    )`);
  await q.query(`CREATE INDEX audit_entry_actor_idx ON ${s}.audit_entry (actor_user, at)`);
  await q.query(`CREATE INDEX audit_entry_at_idx ON ${s}.audit_entry (at)`);
  await q.query(`
    CREATE FUNCTION ${s}.audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_entry is append-only';
    END $$`);
  await q.query(`
    CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON ${s}.audit_entry
    FOR EACH ROW EXECUTE FUNCTION ${s}.audit_entry_append_only()`);
  await q.query(`
    CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON ${s}.audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ${s}.audit_entry_append_only()`);
}

export async function dropAuditTable(q: QueryRunner, schema: string): Promise<void> {
  await q.query(`DROP TABLE IF EXISTS "${schema}".audit_entry`);
  await q.query(`DROP FUNCTION IF EXISTS "${schema}".audit_entry_append_only()`);
}
