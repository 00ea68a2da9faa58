import {
  canonicalJson,
  chainedFieldsOf,
  ChainRow,
  entryHash,
  GENESIS_HASH,
  verifyChain,
} from './audit-chain';

function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const fields = {
      id: `00000000-0000-0000-0000-00000000000${i}`,
      at: new Date(Date.UTC(2026, 10, 26, 12, 0, i)),
      actorUser: `user-${i}`,
      actorOrg: 'sfj',
      actorRoles: 'clerk',
      action: 'change',
      resource: 'POST /api/complaints/:id/acceptance',
      target: `/api/complaints/${i}/acceptance`,
      status: 202,
      before: { [`complaint:${i}`]: { status: 'registered' } },
      after: { [`complaint:${i}`]: { status: 'accepted' }, request: { decision: 'accept' } },
    };
    const hash = entryHash(prev, fields);
    rows.push({ ...fields, seq: i, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('hashes values read back from jsonb (keys reordered) as written', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, 'x'] }, b: 1 }),
    );
  });

  it('holds for an untouched chain', () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, checked: 5 });
  });

  it('finds an altered entry', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, after: { 'complaint:3': { status: 'rejected' } } };
    expect(verifyChain(rows)).toEqual({ ok: false, checked: 2, seq: '3', reason: 'altered' });
  });

  it('finds a removed entry', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChain(rows)).toEqual({ ok: false, checked: 1, seq: '3', reason: 'broken-link' });
  });

  it('finds an entry rewritten with a fresh hash, at the next one', () => {
    const rows = chain(5);
    const forged = { ...rows[1]!, actorUser: 'someone-else' };
    rows[1] = { ...forged, hash: entryHash(forged.prevHash, chainedFieldsOf(forged)) };
    expect(verifyChain(rows)).toEqual({ ok: false, checked: 2, seq: '3', reason: 'broken-link' });
  });
});
