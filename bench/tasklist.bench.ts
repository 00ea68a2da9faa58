/**
 * (c) Task-list query p95 with 100,000 open user tasks in the engine: the tasklist service's HTTP API,
 * as the console asks it (a body's open tasks, 50 per page, first and deep pages; one business key).
 * The tasks come from a bench process whose one user task is a parallel multi-instance of `count`
 * tasks, started in batches, offered to candidate groups spread as a county's would be.
 *
 *   npm run bench [-- --tasks 100000 --queries 200]
 */
import { cpus } from 'node:os';
import { loadConfig, ServiceConfig } from '@oversight/config';
import { SERVICE } from '@oversight/contracts';
import { migrate } from '@oversight/database';
import { createServiceApp } from '@oversight/platform';
import { EngineClient } from '@oversight/workflow';
import { AppModule } from '../apps/tasklist/src/app.module';
import { buildDataSourceOptions } from '../apps/tasklist/src/tasklist.datasource';
import { arg, pct, signedAs, startBenchInfra, systemRssMiB } from './bench.util';

const TASKS = arg('tasks', 100000);
const QUERIES = arg('queries', 200);
const PER_INSTANCE = 2000;
// Most open tasks sit with the agencies; the justice bureau and the commission hold fewer.
const GROUPS = ['scjg', 'scjg', 'scjg', 'cgj', 'cgj', 'sthjj', 'xgz', 'xgz', 'sfj', 'jw'];

async function main(): Promise<void> {
  const infra = await startBenchInfra();
  const config = loadConfig(ServiceConfig, infra.env);
  await migrate(buildDataSourceOptions(config.databaseUrl));
  const app = await createServiceApp(AppModule.forRoot(config), {
    service: SERVICE.tasklist,
    title: 'bench',
    logLevel: 'warn',
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const engine = app.get(EngineClient);
  await engine.deploy('bench-many-tasks', [`${__dirname}/../../bench/many-tasks.bpmn`]);

  // Seed: instances of PER_INSTANCE tasks each, two at a time.
  const s0 = Date.now();
  const instances = Math.ceil(TASKS / PER_INSTANCE);
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < instances) {
        const i = next++;
        const count = Math.min(PER_INSTANCE, TASKS - i * PER_INSTANCE);
        await engine.startProcess('bench-many-tasks', `bench-tasks-${s0}-${i}`, {
          group: GROUPS[i % GROUPS.length],
          count,
        });
      }
    }),
  );
  const open = await engine.countTasks({});
  const seedS = (Date.now() - s0) / 1000;
  process.stderr.write(`[bench] ${open.count} open tasks seeded in ${seedS.toFixed(0)} s\n`);

  // Each query as a clerk of the organisation would send it: signed identity headers, as the gateway
  // signs them (the bench calls the tasklist service directly).
  const shapes: [string, string, string][] = [
    ['one body (sfj), first page', 'sfj', '/api/tasks?candidateGroup=sfj&limit=50'],
    ['busiest agency (scjg), first page', 'scjg', '/api/tasks?candidateGroup=scjg&limit=50'],
    ['busiest agency (scjg), page 100', 'scjg', '/api/tasks?candidateGroup=scjg&limit=50&offset=4950'],
    ['one business key', GROUPS[3]!, `/api/tasks?businessKey=bench-tasks-${s0}-3&limit=50`],
    ["a clerk's default view (all of sfj's groups)", 'sfj', '/api/tasks?limit=50'],
  ];
  const as = (org: string) => signedAs(config, org);
  // The first query brings the tasklist's read model up to date with every task event of the seeding.
  const c0 = Date.now();
  const first = await fetch(`${url}${shapes[0]![2]}`, { headers: as(shapes[0]![1]) });
  if (first.status !== 200) throw new Error(`first query: ${first.status}`);
  const catchUpS = (Date.now() - c0) / 1000;
  // The read model must hold every seeded task: the engine's own count of a group against the list's total.
  for (const group of ['sfj', 'scjg']) {
    const [engineCount, listed] = await Promise.all([
      engine.countTasks({ candidateGroup: group }),
      fetch(`${url}/api/tasks?candidateGroup=${group}&limit=1`, { headers: as(group) }).then(
        (r) => r.json() as Promise<{ total: number }>,
      ),
    ]);
    if (listed.total !== engineCount.count)
      throw new Error(`${group}: the list says ${listed.total} open tasks, the engine ${engineCount.count}`);
  }
  const lines = [
    `(c) task list with ${open.count} open tasks (seeded in ${seedS.toFixed(0)} s; the tasklist's read model applied their events in ${catchUpS.toFixed(1)} s), ${QUERIES} queries per shape, cores: ${cpus().length}`,
  ];
  for (const [name, org, path] of shapes) {
    for (let i = 0; i < 10; i += 1)
      await fetch(`${url}${path}`, { headers: as(org) }).then((r) => r.arrayBuffer());
    const times: number[] = [];
    for (let i = 0; i < QUERIES; i += 1) {
      const headers = as(org);
      const t = performance.now();
      const r = await fetch(`${url}${path}`, { headers });
      if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
      await r.arrayBuffer();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    lines.push(`    ${name}: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);
  }
  lines.push(`(e) memory (PSS), whole local system at the end: ${await systemRssMiB(infra.pids)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  await app.close();
  await infra.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
