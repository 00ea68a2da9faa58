import { createHash } from 'node:crypto';

/** The hash before the first entry of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers: everything but its position and its own hash. */
export interface ChainedFields {
  id: string;
  at: Date | string;
  actorUser: string | null;
  actorOrg: string | null;
  actorRoles: string;
  action: string;
  resource: string;
  target: string;
  status: number | null;
  before: unknown;
  after: unknown;
}

/** JSON with object keys sorted, so that a value read back from jsonb hashes as it was written. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(prevHash: string, entry: ChainedFields): string {
  const at = entry.at instanceof Date ? entry.at.toISOString() : new Date(entry.at).toISOString();
  const body = canonicalJson({ ...entry, at });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

/** The hashed fields of a stored row. */
export function chainedFieldsOf(row: ChainedFields): ChainedFields {
  return {
    id: row.id,
    at: row.at,
    actorUser: row.actorUser,
    actorOrg: row.actorOrg,
    actorRoles: row.actorRoles,
    action: row.action,
    resource: row.resource,
    target: row.target,
    status: row.status,
    before: row.before,
    after: row.after,
  };
}

export interface ChainRow extends ChainedFields {
  seq: string | number;
  prevHash: string;
  hash: string;
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; seq: string; reason: 'altered' | 'broken-link' };

/** Walks a chain in order: an altered entry fails its hash, a removed or inserted one breaks the links. */
export function verifyChain(rows: Iterable<ChainRow>, startHash = GENESIS_HASH): ChainVerdict {
  let prev = startHash;
  let checked = 0;
  for (const row of rows) {
    if (row.prevHash !== prev) return { ok: false, checked, seq: String(row.seq), reason: 'broken-link' };
    if (entryHash(prev, chainedFieldsOf(row)) !== row.hash)
      return { ok: false, checked, seq: String(row.seq), reason: 'altered' };
    prev = row.hash;
    checked += 1;
  }
  return { ok: true, checked };
}

/** Verifies the audit chain of one schema; used by the service and by `npm run audit:verify`. */
export async function verifyAuditTable(
  query: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  schema: string,
): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let checked = 0;
  let after = '0';
  for (;;) {
    const rows = (await query.query(
      `SELECT e.seq::text AS seq, e.id, e.at, e.actor_user AS "actorUser", e.actor_org AS "actorOrg",
              e.actor_roles AS "actorRoles", e.action, e.resource, e.target, e.status, e.before, e.after,
              e.prev_hash AS "prevHash", e.hash
         FROM "${schema}".audit_entry e WHERE e.seq > $1::bigint ORDER BY e.seq LIMIT 1000`,
      [after],
    )) as ChainRow[];
    if (rows.length === 0) return { ok: true, checked };
    const verdict = verifyChain(rows, prev);
    if (!verdict.ok) return { ...verdict, checked: checked + verdict.checked };
    checked += verdict.checked;
    prev = rows[rows.length - 1]!.hash;
    after = String(rows[rows.length - 1]!.seq);
  }
}
