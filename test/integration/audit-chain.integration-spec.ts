import { AuditService } from '@oversight/platform';
import { Services, startServices } from './services';

/**
 * The audit log under a burst: appends are group-committed (several entries per transaction, one
 * multi-row insert), and the chain must come out whole, in `seq` order, with nothing lost.
 */
describe('audit log under concurrent appends', () => {
  let system: Services;

  beforeAll(async () => {
    system = await startServices(['tasklist']);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('chains a burst of 300 appends without a gap, in seq order, verifiable', async () => {
    const audit = system.get('tasklist').app.get(AuditService);
    const db = system.db('tasklist');
    const [{ before }] = (await db.query(`SELECT count(*)::int AS before FROM tasklist.audit_entry`)) as {
      before: number;
    }[];
    const marker = `burst-${Date.now()}`;
    const entries = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        audit.record({ actor: null, action: 'change', resource: marker, target: `${marker}:${i}` }),
      ),
    );
    // Every caller got its own committed entry back.
    expect(new Set(entries.map((e) => e.id)).size).toBe(300);
    const rows = (await db.query(`SELECT target FROM tasklist.audit_entry WHERE resource = $1`, [
      marker,
    ])) as {
      target: string;
    }[];
    expect(new Set(rows.map((r) => r.target)).size).toBe(300);
    const [{ after }] = (await db.query(`SELECT count(*)::int AS after FROM tasklist.audit_entry`)) as {
      after: number;
    }[];
    expect(after).toBeGreaterThanOrEqual(before + 300);
    // The whole chain, walked in seq order: a seq out of chain order would break a link.
    expect(await audit.verify()).toEqual({ ok: true, checked: after });
  });

  it('fails only the entry that cannot be written, not the others of its group', async () => {
    const audit = system.get('tasklist').app.get(AuditService);
    const marker = `bad-one-${Date.now()}`;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        audit.record({
          actor: null,
          action: 'change',
          resource: marker,
          target: `${marker}:${i}`,
          // A BigInt has no JSON form: this one entry cannot be stored.
          after: i === 7 ? { amount: BigInt(1) } : { i },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(
      Array.from({ length: 20 }, (_, i) => (i === 7 ? 'rejected' : 'fulfilled')),
    );
    const [{ n }] = (await system
      .db('tasklist')
      .query(`SELECT count(*)::int AS n FROM tasklist.audit_entry WHERE resource = $1`, [marker])) as {
      n: number;
    }[];
    expect(n).toBe(19);
    expect((await audit.verify()).ok).toBe(true);
  });
});
