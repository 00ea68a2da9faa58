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
    const { seq: _seq, prevHash: _prev, hash, ...fields } = row;
    if (entryHash(prev, fields) !== hash)
      return { ok: false, checked, seq: String(row.seq), reason: 'altered' };
    prev = hash;
    checked += 1;
  }
  return { ok: true, checked };
}
