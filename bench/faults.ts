/**
 * Fault harness: the whole local system as separate OS processes under steady load, with one component
 * at a time killed with SIGKILL and restarted mid-run; then, once everything is quiet again, every item
 * started is checked in the databases. Prints started / completed / lost / duplicated per kind of work
 * and exits non-zero when anything is lost or duplicated.
 *
 *   npm run faults [-- --clients 4 --phase 25 --down 8 --settle 240]
 *
 * Work under load: public complaints (intake → complaint row, one complaint-handling instance with an
 * open task, one liaison transfer) and problem-clue referrals from the justice bureau to the discipline
 * commission (draft → submit → head approves → the commission registers it and starts its handling
 * process → liaison records the transfer). Faults, in order: the justice-bureau service, Kafka, the
 * engine, PostgreSQL; each killed with SIGKILL, down for `--down` seconds, started again.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { PROCESS, USER_TASK } from '@oversight/contracts';
import { arg } from './bench.util';

const ROOT = path.resolve(__dirname, '..', '..');
const CLIENTS = arg('clients', 4);
const PHASE_S = arg('phase', 25);
const DOWN_S = arg('down', 8);
const SETTLE_S = arg('settle', 600);
const OFFSET = Number(process.env.OVERSIGHT_INFRA_PORT_OFFSET ?? 0);

const log = (line: string): void =>
  void process.stderr.write(`[faults ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface InfraModule {
  startInfra(o: object): Promise<{
    databaseUrl: string;
    engineDatabaseUrl: string;
    kafkaBrokers: string | string[];
    engineUrl: string;
    stop(): Promise<void>;
  }>;
  killComponent(name: string, o: object): Promise<boolean>;
  startComponent(name: string, o: object): Promise<unknown>;
}

// A real dynamic import: TypeScript would compile `import()` to `require()`, which cannot load ES modules.
const esm = <T>(p: string) => new Function('p', 'return import(p)')(p) as Promise<T>;

// ---------------------------------------------------------------------------------------------------
// The services as child processes
// ---------------------------------------------------------------------------------------------------

const SERVICES = ['justice-bureau', 'discipline-commission', 'liaison', 'tasklist', 'gateway'] as const;
type Service = (typeof SERVICES)[number];
const portOf = (s: Service) =>
  ({
    gateway: 3000,
    'justice-bureau': 3101,
    'discipline-commission': 3103,
    tasklist: 3105,
    liaison: 3106,
  })[s] +
  OFFSET +
  200;
const urlOf = (s: Service) => `http://127.0.0.1:${portOf(s)}`;
const envName = (s: Service) => s.toUpperCase().replace(/-/g, '_');

class Services {
  private readonly children = new Map<Service, ChildProcess>();
  constructor(
    private readonly env: Record<string, string>,
    private readonly logDir: string,
  ) {}

  async start(service: Service): Promise<void> {
    const out = fs.openSync(path.join(this.logDir, `${service}.log`), 'a');
    const child = spawn(
      process.execPath,
      [
        '-r',
        path.join(ROOT, 'tools', 'register-paths.cjs'),
        path.join(ROOT, 'dist', 'apps', service, 'src', 'main.js'),
      ],
      { cwd: ROOT, env: { ...process.env, ...this.env }, stdio: ['ignore', out, out] },
    );
    this.children.set(service, child);
    const deadline = Date.now() + 120000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`${service} exited with ${child.exitCode}; see ${this.logDir}`);
      try {
        const r = await fetch(`${urlOf(service)}/health`, { signal: AbortSignal.timeout(2000) });
        // The gateway answers 503 while an upstream is down; listening is what counts here.
        if (r.ok || service === 'gateway') return;
      } catch {
        // not listening yet
      }
      await sleep(300);
    }
    throw new Error(`${service} did not become healthy`);
  }

  async kill(service: Service): Promise<number | undefined> {
    const child = this.children.get(service);
    if (!child || child.exitCode !== null) return undefined;
    const pid = child.pid;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    return pid;
  }

  pids(): number[] {
    return [...this.children.values()].filter((c) => c.exitCode === null).map((c) => c.pid!);
  }

  async stopAll(): Promise<void> {
    await Promise.all(
      [...this.children.values()]
        .filter((c) => c.exitCode === null)
        .map(
          (c) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(() => c.kill('SIGKILL'), 10000);
              c.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              c.kill('SIGTERM');
            }),
        ),
    );
  }
}

// ---------------------------------------------------------------------------------------------------
// Load: journeys through the gateway, each step retried while the system is recovering
// ---------------------------------------------------------------------------------------------------

/** Staff sign in at the gateway as its users do (demonstration accounts, on for this run). */
const DEMO_PASSWORD = 'oversight-demo-2026';
const STAFF: Record<string, string> = {};
const HEAD: Record<string, string> = {};
async function signIn(api: string, username: string, into: Record<string, string>): Promise<void> {
  const a = await call('POST', `${api}/auth/login`, { username, password: DEMO_PASSWORD }, {});
  if (a.status !== 200) throw new Error(`sign-in of ${username}: ${a.status} ${JSON.stringify(a.body)}`);
  into.authorization = `Bearer ${a.body.token as string}`;
}

interface Item {
  kind: 'complaint' | 'clue-referral';
  id: string;
  /** The last step the system acknowledged. */
  acked: 'started' | 'sent';
  startedAt: number;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(
  method: string,
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(20000),
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: parsed };
}

class Load {
  readonly items: Item[] = [];
  /** Requests whose answer never came (connection cut): their effect may or may not exist. */
  unanswered = 0;
  rejected503 = 0;
  private running = true;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly api: string,
    private readonly engineUrl: string,
  ) {}

  /**
   * One step, retried on 5xx and on network errors until `until`. `creates`: a retry after an unanswered
   * request is not safe (it could create twice), so the step gives up instead.
   */
  private async step(
    method: string,
    url: string,
    body: unknown,
    headers: Record<string, string>,
    expected: number[],
    { creates = false, until = Date.now() + SETTLE_S * 1000 } = {},
  ): Promise<Answer | null> {
    let retried = false;
    while (Date.now() < until) {
      try {
        const a = await call(method, url, body, headers);
        if (expected.includes(a.status)) return a;
        if (a.status === 409 && retried) return a; // an earlier attempt did it
        if (a.status >= 500) {
          if (a.status === 503) this.rejected503 += 1;
          retried = true;
          await sleep(500);
          continue;
        }
        throw new Error(`${method} ${url}: ${a.status} ${JSON.stringify(a.body)}`);
      } catch (error) {
        if ((error as Error).message.startsWith(method)) throw error;
        this.unanswered += 1;
        if (creates) return null;
        retried = true;
        await sleep(500);
      }
    }
    return null;
  }

  private async waitTask(processKey: string, businessKey: string, taskKey: string): Promise<boolean> {
    const until = Date.now() + SETTLE_S * 1000;
    while (Date.now() < until) {
      try {
        const q = new URLSearchParams({
          processDefinitionKey: processKey,
          processInstanceBusinessKey: businessKey,
          taskDefinitionKey: taskKey,
        });
        const r = await fetch(`${this.engineUrl}/engine-rest/task/count?${q}`, {
          signal: AbortSignal.timeout(5000),
        });
        if (r.ok && ((await r.json()) as { count: number }).count > 0) return true;
      } catch {
        // the engine is down: wait
      }
      await sleep(400);
    }
    return false;
  }

  private async complaint(n: number): Promise<void> {
    const a = await this.step(
      'POST',
      `${this.api}/public/complaints`,
      {
        channel: 'web',
        anonymous: true,
        respondentOrg: 'scjg',
        category: 'other',
        summary: `故障测试投诉 ${n}`,
        details: '故障注入测试在负载下提交的投诉。',
      },
      {},
      [201],
      { creates: true },
    );
    if (a)
      this.items.push({
        kind: 'complaint',
        id: a.body.id as string,
        acked: 'started',
        startedAt: Date.now(),
      });
  }

  private async clue(n: number): Promise<void> {
    const a = await this.step(
      'POST',
      `${this.api}/clue-referrals`,
      {
        sourceType: 'supervision-finding',
        sourceRef: `FAULTS-${n}`,
        subjects: [
          { name: '王某', identity: '行政执法人员', rank: '一级科员', org: 'scjg', position: '队员' },
        ],
        facts: '故障注入测试：执法检查中发现的问题线索。',
        legalBasis: '《中华人民共和国监察法》第三十四条',
        suggestedDisposal: '建议予以初步核实',
      },
      STAFF,
      [201],
      { creates: true },
    );
    if (!a) return;
    const item: Item = {
      kind: 'clue-referral',
      id: a.body.id as string,
      acked: 'started',
      startedAt: Date.now(),
    };
    this.items.push(item);
    const base = `${this.api}/clue-referrals/${item.id}`;
    const evidence = await this.step(
      'POST',
      `${base}/evidence`,
      { description: '询问笔录（纸质）' },
      STAFF,
      [201],
      {
        creates: true,
      },
    );
    if (!evidence) return;
    if (!(await this.waitTask(PROCESS.bureauClueReferralSending, item.id, USER_TASK.draftReferral))) return;
    if (!(await this.step('POST', `${base}/submission`, undefined, STAFF, [202]))) return;
    if (!(await this.waitTask(PROCESS.bureauClueReferralSending, item.id, USER_TASK.approveReferral))) return;
    if (await this.step('POST', `${base}/approval`, { decision: 'approve' }, HEAD, [202]))
      item.acked = 'sent';
  }

  start(): void {
    let n = 0;
    const journeys = new Set<Promise<void>>();
    for (let c = 0; c < CLIENTS; c += 1) {
      const loop = (async () => {
        while (this.running) {
          const i = n++;
          // Clue referrals wait on the engine between steps: they run beside the client, which goes on
          // filing complaints, so that a slow step never stops the load.
          const journey = (
            i % 3 === 2 && journeys.size < 4 * CLIENTS ? this.clue(i) : this.complaint(i)
          ).catch((error: Error) => {
            log(`journey ${i} failed: ${error.message}`);
          });
          if (i % 3 === 2) {
            journeys.add(journey);
            void journey.finally(() => journeys.delete(journey));
          } else {
            await journey;
          }
          await sleep(250);
        }
      })();
      this.inFlight.add(loop);
    }
    this.journeys = journeys;
  }

  private journeys = new Set<Promise<void>>();

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.inFlight);
    await Promise.all([...this.journeys]);
  }
}

// ---------------------------------------------------------------------------------------------------
// Checks, read from the databases once the system is quiet
// ---------------------------------------------------------------------------------------------------

interface Row {
  kind: string;
  started: number;
  completed: number;
  pending: number;
  lost: number;
  duplicated: number;
}

async function check(
  app: Client,
  engineDb: Client,
  items: Item[],
): Promise<{ rows: Row[]; notes: string[] }> {
  const complaints = items.filter((i) => i.kind === 'complaint').map((i) => i.id);
  const clues = items.filter((i) => i.kind === 'clue-referral');
  const sent = clues.filter((i) => i.acked === 'sent').map((i) => i.id);
  const count = async (db: Client, sql: string, ids: string[]): Promise<Map<string, number>> => {
    const { rows } = await db.query<{ id: string; n: string }>(sql, [ids]);
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  };
  const instances = (key: string) =>
    count(
      engineDb,
      `SELECT business_key_ AS id, count(*) AS n FROM act_hi_procinst
        WHERE proc_def_key_ = '${key}' AND business_key_ = ANY($1) GROUP BY business_key_`,
      [...complaints, ...clues.map((c) => c.id)],
    );
  const openTasks = (key: string, task: string) =>
    count(
      engineDb,
      `SELECT e.business_key_ AS id, count(*) AS n FROM act_ru_task t
         JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_
         JOIN act_re_procdef d ON d.id_ = t.proc_def_id_
        WHERE d.key_ = '${key}' AND t.task_def_key_ = '${task}' AND e.business_key_ = ANY($1)
        GROUP BY e.business_key_`,
      [...complaints, ...clues.map((c) => c.id)],
    );
  const transfers = (kind: string) =>
    count(
      app,
      `SELECT source_ref AS id, count(*) AS n FROM liaison.transfer WHERE kind = '${kind}' AND source_ref = ANY($1)
        GROUP BY source_ref`,
      [...complaints, ...clues.map((c) => c.id)],
    );

  // Complaints: a complaint row, one handling instance with its first task open, one intake transfer.
  const complaintRows = await count(
    app,
    `SELECT id::text AS id, count(*) AS n FROM justice_bureau.complaint WHERE id::text = ANY($1) GROUP BY id`,
    complaints,
  );
  const complaintInstances = await instances(PROCESS.complaintHandling);
  const complaintTasks = await openTasks(PROCESS.complaintHandling, USER_TASK.acceptanceReview);
  const intakeTransfers = await transfers('complaint-intake');
  const details: string[] = [];
  const complaint: Row = {
    kind: 'complaint',
    started: complaints.length,
    completed: 0,
    pending: 0,
    lost: 0,
    duplicated: 0,
  };
  for (const id of complaints) {
    const parts = [complaintRows.get(id) ?? 0, complaintInstances.get(id) ?? 0, intakeTransfers.get(id) ?? 0];
    const what = () =>
      `complaint ${id}: row ${parts[0]}, instances ${parts[1]}, intake transfers ${parts[2]}, open tasks ${complaintTasks.get(id) ?? 0}`;
    if (parts.some((p) => p === 0)) {
      complaint.lost += 1;
      details.push(`lost ${what()}`);
    } else if (parts.some((p) => p > 1) || (complaintTasks.get(id) ?? 0) > 1) complaint.duplicated += 1;
    else if ((complaintTasks.get(id) ?? 0) === 1) complaint.completed += 1;
    else {
      complaint.pending += 1;
      details.push(`pending ${what()}`);
    }
  }

  // Clue referrals the head approved: one sending instance, the commission's clue and handling instance
  // with its jurisdiction task open, one liaison transfer.
  const sending = await instances(PROCESS.bureauClueReferralSending);
  const handling = await instances(PROCESS.commissionClueHandling);
  const handlingTasks = await openTasks(PROCESS.commissionClueHandling, USER_TASK.decideJurisdiction);
  const commissionClues = await count(
    app,
    `SELECT id::text AS id, count(*) AS n FROM discipline_commission.clue WHERE id::text = ANY($1) GROUP BY id`,
    sent,
  );
  const referralTransfers = await transfers('clue-referral');
  const clue: Row = {
    kind: 'clue referral',
    started: clues.length,
    completed: 0,
    pending: 0,
    lost: 0,
    duplicated: 0,
  };
  for (const item of clues) {
    const s = sending.get(item.id) ?? 0;
    if (s > 1) {
      clue.duplicated += 1;
      continue;
    }
    if (s === 0) {
      clue.lost += 1;
      continue;
    }
    if (item.acked !== 'sent') {
      clue.pending += 1; // the load stopped, or the client gave up, before the head approved
      details.push(`pending referral ${item.id}: not yet approved when the load stopped`);
      continue;
    }
    const parts = [
      commissionClues.get(item.id) ?? 0,
      handling.get(item.id) ?? 0,
      referralTransfers.get(item.id) ?? 0,
    ];
    const what = () =>
      `referral ${item.id}: commission clue ${parts[0]}, handling instances ${parts[1]}, transfers ${parts[2]}, open tasks ${handlingTasks.get(item.id) ?? 0}`;
    if (parts.some((p) => p === 0)) {
      clue.lost += 1;
      details.push(`lost ${what()}`);
    } else if (parts.some((p) => p > 1) || (handlingTasks.get(item.id) ?? 0) > 1) clue.duplicated += 1;
    else if ((handlingTasks.get(item.id) ?? 0) === 1) clue.completed += 1;
    else {
      clue.pending += 1;
      details.push(`pending ${what()}`);
    }
  }

  // Across everything that ran, not only the items above: duplicate instances per business key, events
  // applied twice, outbox rows never published.
  const dupInstances = await engineDb.query<{ n: string }>(
    `SELECT count(*) AS n FROM (SELECT proc_def_key_, business_key_ FROM act_hi_procinst
      WHERE business_key_ IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) d`,
  );
  const { rows: schemas } = await app.query<{ s: string }>(
    `SELECT table_schema AS s FROM information_schema.tables WHERE table_name = 'outbox_message'`,
  );
  let unpublished = 0;
  let inbox = 0;
  let deadLetters = 0;
  for (const { s } of schemas) {
    unpublished += Number(
      (await app.query(`SELECT count(*) AS n FROM "${s}".outbox_message WHERE published_at IS NULL`)).rows[0]
        .n,
    );
    inbox += Number((await app.query(`SELECT count(*) AS n FROM "${s}".inbox_message`)).rows[0].n);
    deadLetters += Number(
      (await app.query(`SELECT count(*) AS n FROM "${s}".dead_letter WHERE replayed_at IS NULL`)).rows[0].n,
    );
  }
  const transferDup = await app.query<{ n: string }>(
    `SELECT count(*) AS n FROM (SELECT transfer_id, event_type, occurred_at FROM liaison.transfer_event
      GROUP BY 1, 2, 3 HAVING count(*) > 1) d`,
  );
  const global: Row = {
    kind: 'all instances / events',
    started: 0,
    completed: 0,
    pending: unpublished,
    lost: 0,
    duplicated: Number(dupInstances.rows[0].n) + Number(transferDup.rows[0].n),
  };
  return {
    rows: [complaint, clue, global],
    notes: [
      ...details.slice(0, 12),
      `outbox rows not yet published: ${unpublished}; events applied (inbox rows): ${inbox}; dead letters: ${deadLetters}`,
      `duplicate process instances per business key: ${dupInstances.rows[0].n}; liaison history entries twice: ${transferDup.rows[0].n}`,
    ],
  };
}

// ---------------------------------------------------------------------------------------------------

/**
 * Work still under way anywhere: outbox rows not yet on Kafka, events not yet consumed by some consumer
 * group, engine jobs not yet done by a worker. Zero everywhere (twice in a row) is quiescence: only then is
 * a missing effect lost rather than late.
 */
async function backlog(
  app: Client,
  engineDb: Client,
  kafka: Kafka,
): Promise<{ outbox: number; lag: number; jobs: number }> {
  const { rows: schemas } = await app.query<{ s: string }>(
    `SELECT table_schema AS s FROM information_schema.tables WHERE table_name = 'outbox_message'`,
  );
  let outbox = 0;
  for (const { s } of schemas) {
    outbox += Number(
      (await app.query(`SELECT count(*) AS n FROM "${s}".outbox_message WHERE published_at IS NULL`)).rows[0]
        .n,
    );
  }
  const jobs = Number(
    (await engineDb.query(`SELECT count(*) AS n FROM act_ru_ext_task WHERE retries_ IS NULL OR retries_ > 0`))
      .rows[0].n,
  );
  let lag = 0;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
    const ends = new Map<string, number>();
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic))
        ends.set(`${topic}:${p.partition}`, Number(p.high));
    }
    const { groups } = await admin.listGroups();
    for (const { groupId } of groups) {
      for (const t of await admin.fetchOffsets({ groupId, topics })) {
        for (const p of t.partitions) {
          const at = Number(p.offset);
          // -1: nothing committed on this partition: a topic the group does not read, or nothing read yet.
          if (at < 0) continue;
          lag += Math.max(0, (ends.get(`${t.topic}:${p.partition}`) ?? 0) - at);
        }
      }
    }
  } finally {
    await admin.disconnect();
  }
  return { outbox, lag, jobs };
}

async function rss(pids: number[]): Promise<number> {
  let kb = 0;
  for (const pid of pids) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb;
}

async function main(): Promise<void> {
  const infraLib = await esm<InfraModule>(`${ROOT}/tools/infra/index.mjs`);
  const { migrateAll } = await esm<{
    migrateAll(url: string, only?: string, log?: (l: string) => void): Promise<void>;
  }>(`${ROOT}/tools/migrate.mjs`);
  // A crash of PostgreSQL must not lose acknowledged commits (the embedded default trades that for speed).
  process.env.OVERSIGHT_PG_DURABLE = '1';
  const opts = { mode: 'test', log: (l: string) => log(`[infra] ${l}`) };
  const infra = await infraLib.startInfra(opts);
  const logDir = path.join(ROOT, '.data', 'faults');
  fs.mkdirSync(logDir, { recursive: true });
  await migrateAll(infra.databaseUrl, undefined, (l) => log(`[migrate] ${l}`));
  const env: Record<string, string> = {
    DATABASE_URL: infra.databaseUrl,
    KAFKA_BROKERS: ([] as string[]).concat(infra.kafkaBrokers).join(','),
    ENGINE_URL: infra.engineUrl,
    BPMN_DIR: path.join(ROOT, 'bpmn'),
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_MS: '200',
    // The gateway as in the tests: demonstration accounts, and no per-client rate limit on the load.
    DEMO_ACCOUNTS: 'true',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
  };
  for (const s of SERVICES) {
    env[`${envName(s)}_PORT`] = String(portOf(s));
    env[`${envName(s)}_URL`] = urlOf(s);
  }
  const services = new Services(env, logDir);
  const app = new Client({ connectionString: infra.databaseUrl });
  const engineDb = new Client({ connectionString: infra.engineDatabaseUrl });
  let exitCode = 1;
  try {
    for (const s of SERVICES) {
      await services.start(s);
      log(`${s} up on ${urlOf(s)}`);
    }
    await signIn(`${urlOf('gateway')}/api`, 'sfj-clerk', STAFF);
    await signIn(`${urlOf('gateway')}/api`, 'sfj-head', HEAD);
    const load = new Load(`${urlOf('gateway')}/api`, infra.engineUrl);
    const t0 = Date.now();
    load.start();
    const faults: { what: string; downMs: number; recoveredMs: number }[] = [];
    const fault = async (what: string, kill: () => Promise<unknown>, restart: () => Promise<unknown>) => {
      await sleep(PHASE_S * 1000);
      log(`kill -9 ${what} (${load.items.length} items started so far)`);
      const killedAt = Date.now();
      await kill();
      await sleep(DOWN_S * 1000);
      const restartAt = Date.now();
      await restart();
      faults.push({ what, downMs: restartAt - killedAt, recoveredMs: Date.now() - restartAt });
      log(`${what} back after ${((Date.now() - killedAt) / 1000).toFixed(1)} s`);
    };
    await fault(
      'service justice-bureau',
      () => services.kill('justice-bureau'),
      () => services.start('justice-bureau'),
    );
    for (const component of ['kafka', 'engine', 'postgres']) {
      await fault(
        component,
        () => infraLib.killComponent(component, { ...opts, signal: 'SIGKILL' }),
        () => infraLib.startComponent(component, opts),
      );
    }
    await sleep(PHASE_S * 1000);
    log(`stopping the load; ${load.items.length} items started; finishing journeys in flight`);
    await load.stop();
    const loadS = (Date.now() - t0) / 1000;

    // Quiescence: wait until nothing is pending (or nothing changes for long), then check once more.
    await app.connect();
    await engineDb.connect();
    const kafka = new Kafka({
      clientId: 'faults',
      brokers: env.KAFKA_BROKERS.split(','),
      logLevel: logLevel.NOTHING,
    });
    const until = Date.now() + SETTLE_S * 1000;
    let result = await check(app, engineDb, load.items);
    let quietChecks = 0;
    let work = { outbox: -1, lag: -1, jobs: -1 };
    while (Date.now() < until) {
      work = await backlog(app, engineDb, kafka).catch(() => ({ outbox: -1, lag: -1, jobs: -1 }));
      quietChecks = work.outbox === 0 && work.lag === 0 && work.jobs === 0 ? quietChecks + 1 : 0;
      result = await check(app, engineDb, load.items);
      const missing = result.rows.reduce((n, r) => n + r.pending + r.lost, 0);
      if (missing === 0 || quietChecks >= 2) break;
      log(
        `settling: ${missing} items not yet at their state; outbox ${work.outbox}, kafka lag ${work.lag}, engine jobs ${work.jobs}`,
      );
      await sleep(5000);
    }
    const quiet = quietChecks >= 2 || result.rows.reduce((n, r) => n + r.pending + r.lost, 0) === 0;
    if (!quiet) {
      // Not quiet: what is missing may still come. Nothing is called lost, and the run fails as unsettled.
      for (const r of result.rows) {
        r.pending += r.lost;
        r.lost = 0;
      }
      result.notes.unshift(
        `NOT SETTLED within ${SETTLE_S} s (outbox ${work.outbox}, kafka lag ${work.lag}, engine jobs ${work.jobs}): rerun with a longer --settle`,
      );
    }
    const memoryKb = await rss(services.pids());

    const table = [
      '| work | started | completed | pending | lost | duplicated |',
      '| ---- | ------: | --------: | ------: | ---: | ---------: |',
      ...result.rows.map(
        (r) => `| ${r.kind} | ${r.started} | ${r.completed} | ${r.pending} | ${r.lost} | ${r.duplicated} |`,
      ),
    ].join('\n');
    const faultTable = [
      '| killed (SIGKILL) | down | back healthy after restart |',
      '| ---------------- | ---: | -------------------------: |',
      ...faults.map(
        (f) => `| ${f.what} | ${(f.downMs / 1000).toFixed(1)} s | ${(f.recoveredMs / 1000).toFixed(1)} s |`,
      ),
    ].join('\n');
    process.stdout.write(
      [
        '',
        `Fault run: ${CLIENTS} clients for ${loadS.toFixed(0)} s; one fault every ${PHASE_S} s, each down ${DOWN_S} s`,
        '',
        faultTable,
        '',
        table,
        '',
        ...result.notes,
        `client requests answered 503 while a component was down: ${load.rejected503}; requests cut off unanswered: ${load.unanswered}`,
        `(lost and pending are judged once the system is quiet: no outbox row unpublished, no consumer lag, no engine job`,
        ` waiting; pending then means a referral the head had not yet approved when the load stopped)`,
        `resident memory of the service processes at the end: ${(memoryKb / 1024).toFixed(0)} MiB`,
        '',
      ].join('\n'),
    );
    const bad = result.rows.reduce((n, r) => n + r.lost + r.duplicated, 0);
    exitCode = bad > 0 || !quiet ? 1 : 0;
  } finally {
    await app.end().catch(() => undefined);
    await engineDb.end().catch(() => undefined);
    await services.stopAll();
    await infra.stop();
  }
  process.exit(exitCode);
}

main().catch((error) => {
  log((error as Error).stack ?? String(error));
  process.exit(1);
});
