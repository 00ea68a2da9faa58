/**
 * The liaison register at a county's scale: seeds 1,000,000 transfers (years of every kind between
 * ~55 bodies, about 4% still open) and reports the latency of the register's overdue-first filtered
 * query over HTTP, as the console asks it. Prints figures only.
 *
 *   npm run bench -- --transfers 1000000 --queries 200
 */
import { DataSource } from 'typeorm';
import { loadConfig, ServiceConfig } from '@oversight/config';
import { SERVICE } from '@oversight/contracts';
import { migrate } from '@oversight/database';
import { createServiceApp } from '@oversight/platform';
import { AppModule } from '../apps/liaison/src/app.module';
import { buildDataSourceOptions } from '../apps/liaison/src/liaison.datasource';
import { arg, pct, signedAs, startBenchInfra } from './bench.util';

const TRANSFERS = arg('transfers', 1_000_000);
const QUERIES = arg('queries', 200);

const BODIES = [
  'sfj',
  'jw',
  'jcy',
  'rd',
  'gaj',
  'scjg',
  'cgj',
  'sthjj',
  'zjj',
  'xgz',
  'fcz',
  'jtj',
  'nyj',
  'wjj',
];
const KINDS = [
  'complaint-intake',
  'complaint-assignment',
  'criminal-case-transfer',
  'criminal-case-copy',
  'clue-referral',
  'reverse-transfer',
  'supervision-notice',
  'meeting-resolution',
];

async function seed(db: DataSource): Promise<number> {
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM liaison.transfer`)) as { n: number }[];
  if (n >= TRANSFERS) return 0;
  const t0 = Date.now();
  // Deterministic spread: opened over five years; due 3–60 days later; 96% closed, some of them late.
  await db.query(
    `INSERT INTO liaison.transfer (id, kind, source_ref, sender, receiver, subject, due_at, status, status_at,
                                   opened_at, closed_at, overdue_since, updated_at)
     SELECT gen_random_uuid(), ($1::text[])[1 + i % $3], 'bench-' || i,
            ($2::text[])[1 + abs(hashint4(i)) % $4], ($2::text[])[1 + abs(hashint4(i + 7919)) % $4],
            '基准测试移送事项 ' || i,
            opened + ((3 + i % 58) || ' days')::interval,
            CASE WHEN i % 25 = 0 THEN 'sent' ELSE 'closed' END, opened, opened,
            CASE WHEN i % 25 = 0 THEN NULL ELSE opened + ((1 + i % 70) || ' days')::interval END,
            NULL, now()
       FROM (SELECT i, now() - ((i::double precision / $5) * interval '1825 days') AS opened
               FROM generate_series(1, $5) AS i) s`,
    [KINDS, BODIES, KINDS.length, BODIES.length, TRANSFERS],
  );
  // As autovacuum would have done on a table years old: statistics and the visibility map. A vacuum
  // can mark a page all-visible only once no open transaction might still not see its rows (the
  // service's own short transactions can be one), so it is repeated until the map covers the table.
  for (let attempt = 1; ; attempt += 1) {
    await db.query(`VACUUM ANALYZE liaison.transfer`);
    if ((await allVisibleShare(db)) > 0.99 || attempt === 5) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return Date.now() - t0;
}

/** The share of the register's pages the visibility map marks all-visible (index-only scans need it). */
async function allVisibleShare(db: DataSource): Promise<number> {
  const [{ share }] = (await db.query(
    `SELECT relallvisible::float / GREATEST(relpages, 1) AS share FROM pg_class WHERE oid = 'liaison.transfer'::regclass`,
  )) as { share: number }[];
  return share;
}

async function main(): Promise<void> {
  const infra = await startBenchInfra();
  const config = loadConfig(ServiceConfig, { ...infra.env, ENGINE_WORKERS: 'false' });
  await migrate(buildDataSourceOptions(config.databaseUrl));
  const app = await createServiceApp(AppModule.forRoot(config), {
    service: SERVICE.liaison,
    title: 'bench',
    logLevel: 'warn',
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const db = app.get(DataSource);
  const seededMs = await seed(db);
  const [{ n, open }] = (await db.query(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE closed_at IS NULL)::int AS open FROM liaison.transfer`,
  )) as { n: number; open: number }[];

  const shapes: [string, (i: number) => string][] = [
    ['open, one receiver', (i) => `open=true&receiver=${BODIES[i % BODIES.length]}`],
    ['open, one body as sender or receiver', (i) => `open=true&body=${BODIES[i % BODIES.length]}`],
    ['overdue only, one kind', (i) => `overdue=true&kind=${KINDS[i % KINDS.length]}`],
    [
      'one body, one quarter (open and closed)',
      (i) => `body=${BODIES[i % BODIES.length]}&from=2025-01-01&to=2025-03-31`,
    ],
    ['everything (first page)', () => ''],
  ];
  const as = () => signedAs(config, 'sfj', ['secretary']);
  const lines = [
    `liaison register: ${n} transfers (${open} open)${seededMs ? `, seeded in ${(seededMs / 1000).toFixed(1)} s` : ''}, ${Math.round((await allVisibleShare(db)) * 100)}% of its pages all-visible`,
  ];
  for (const [name, query] of shapes) {
    for (let i = 0; i < 10; i += 1)
      await fetch(`${url}/api/liaison/transfers?limit=50&${query(i)}`, { headers: as() });
    const times: number[] = [];
    for (let i = 0; i < QUERIES; i += 1) {
      const t = performance.now();
      const res = await fetch(`${url}/api/liaison/transfers?limit=50&${query(i)}`, { headers: as() });
      if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
      await res.arrayBuffer();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    lines.push(
      `(d) ${name}, overdue first, 50 per page: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms (${QUERIES} HTTP queries)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  await app.close();
  if (!arg('keep', 0)) await infra.stop(); // --keep 1: leave the seeded database up to study plans
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
