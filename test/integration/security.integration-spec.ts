import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig, ServiceConfig } from '@oversight/config';
import { SERVICE } from '@oversight/contracts';
import { AUDIT_OWNER } from '@oversight/platform';
import {
  complaintFixture,
  DEMO_ACCOUNTS,
  eventually,
  http,
  RunningService,
  startServiceForTest,
  TEST_GATEWAY_ENV,
} from '@oversight/testing';
import { AppModule as CommissionModule } from '../../apps/discipline-commission/src/app.module';
import { buildDataSourceOptions as commissionDs } from '../../apps/discipline-commission/src/discipline-commission.datasource';
import { AppModule as GatewayModule } from '../../apps/gateway/src/app.module';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config';
import { AppModule as JusticeBureauModule } from '../../apps/justice-bureau/src/app.module';
import { buildDataSourceOptions as justiceBureauDs } from '../../apps/justice-bureau/src/justice-bureau.datasource';
import { AppModule as LiaisonModule } from '../../apps/liaison/src/app.module';
import { buildDataSourceOptions as liaisonDs } from '../../apps/liaison/src/liaison.datasource';
import { AppModule as CongressModule } from '../../apps/peoples-congress/src/app.module';
import { buildDataSourceOptions as congressDs } from '../../apps/peoples-congress/src/peoples-congress.datasource';
import { AppModule as ProcuratorateModule } from '../../apps/procuratorate/src/app.module';
import { ProcuratorateConfig } from '../../apps/procuratorate/src/procuratorate.config';
import { buildDataSourceOptions as procuratorateDs } from '../../apps/procuratorate/src/procuratorate.datasource';
import { AppModule as TasklistModule } from '../../apps/tasklist/src/app.module';
import { buildDataSourceOptions as tasklistDs } from '../../apps/tasklist/src/tasklist.datasource';
import {
  admits,
  collectEndpoints,
  Endpoint,
  EVERY_SERVICE,
  PERSONAS,
} from '../../tools/security-doc/access-matrix';

/**
 * Identity, access control, confidentiality and audit against the running services, through the gateway
 * with real sign-ins: every cell of docs/security.md's access matrix (allowed and denied), forged identity
 * headers, the complainant's masked identity, and the audit log's hash chain.
 */
describe('security', () => {
  const env: Record<string, string | undefined> = { ...process.env, BPMN_DIR: `${__dirname}/../../bpmn` };
  const url = env.DATABASE_URL as string;
  const services: Record<string, RunningService> = {};
  let gateway: RunningService;
  let api: string;
  let jbDb: DataSource;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    const boot = async (service: string, module: unknown, ds: ReturnType<typeof justiceBureauDs>) => {
      services[service] = await startServiceForTest({
        service,
        module: module as never,
        dataSource: ds,
      });
    };
    const config = loadConfig(ServiceConfig, env);
    // One after the other: services creating the same topics at once can fail their leader wait.
    await boot(SERVICE.justiceBureau, JusticeBureauModule.forRoot(config), justiceBureauDs(url));
    await boot(SERVICE.disciplineCommission, CommissionModule.forRoot(config), commissionDs(url));
    await boot(SERVICE.liaison, LiaisonModule.forRoot(config), liaisonDs(url));
    await boot(SERVICE.tasklist, TasklistModule.forRoot(config), tasklistDs(url));
    await boot(
      SERVICE.procuratorate,
      ProcuratorateModule.forRoot(loadConfig(ProcuratorateConfig, env)),
      procuratorateDs(url),
    );
    await boot(SERVICE.peoplesCongress, CongressModule.forRoot(config), congressDs(url));
    gateway = await startServiceForTest({
      service: SERVICE.gateway,
      module: GatewayModule.forRoot(
        loadConfig(GatewayConfig, {
          ...TEST_GATEWAY_ENV,
          JUSTICE_BUREAU_URL: services[SERVICE.justiceBureau]!.url,
          DISCIPLINE_COMMISSION_URL: services[SERVICE.disciplineCommission]!.url,
          LIAISON_URL: services[SERVICE.liaison]!.url,
          TASKLIST_URL: services[SERVICE.tasklist]!.url,
          PROCURATORATE_URL: services[SERVICE.procuratorate]!.url,
          PEOPLES_CONGRESS_URL: services[SERVICE.peoplesCongress]!.url,
        }),
      ),
    });
    api = `${gateway.url}/api`;
    jbDb = services[SERVICE.justiceBureau]!.app.get(DataSource);
    for (const account of Object.values(DEMO_ACCOUNTS)) {
      const answer = await http<{ token: string }>('POST', `${api}/auth/login`, {
        username: account.username,
        password: account.password,
      });
      expect(answer.status).toBe(200);
      tokens.set(account.username, answer.body.token);
    }
  });

  afterAll(async () => {
    await gateway?.close();
    for (const s of Object.values(services).reverse()) await s.close();
  });

  const bearer = (username: string) => ({ authorization: `Bearer ${tokens.get(username)}` });

  /** A concrete URL of an endpoint through the gateway: ids as fresh UUIDs, other parameters as words. */
  function concrete(e: Endpoint, service?: string): string {
    const path = e.path.replace(/:(\w+)/g, (_, name: string) =>
      /id$/i.test(name)
        ? randomUUID()
        : name === 'year'
          ? '2026'
          : name === 'service' && service
            ? service
            : 'x',
    );
    return service
      ? `${gateway.url}${path.replace('/api/audit', `/api/audit/${service}`)}`
      : `${gateway.url}${path}`;
  }

  async function call(e: Endpoint, target: string, headers: Record<string, string>): Promise<number> {
    const body = ['POST', 'PUT', 'PATCH'].includes(e.method) ? '{}' : undefined;
    const response = await fetch(target, {
      method: e.method,
      headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
      body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  const endpoints = collectEndpoints().filter(
    (e) => e.controller !== 'ProxyController' && e.access !== 'public' && e.path !== '/api/auth/login',
  );

  it('checks every cell of the access matrix: allowed callers pass the guard, all others are refused', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    // A service's audit log and dead letters: only the administrators of the organisation owning it.
    const ownerOf = (target: string) =>
      AUDIT_OWNER[/\/api\/(?:audit|admin)\/([\w-]+)\//.exec(target)?.[1] ?? ''];
    const check = async (e: Endpoint, target: string) => {
      const anonymous = await call(e, target, {});
      cells += 1;
      if (anonymous !== 401) mismatches.push(`public ${e.method} ${target}: ${anonymous}, expected 401`);
      await Promise.all(
        PERSONAS.map(async (persona) => {
          const status = await call(e, target, bearer(persona.username));
          cells += 1;
          const allowed =
            admits(e, persona.identity) &&
            (!/^\/api\/(audit|admin)\//.test(e.path) || persona.identity.org === ownerOf(target));
          if (allowed ? status === 401 || status === 403 : status !== 403) {
            mismatches.push(
              `${persona.username} ${e.method} ${target.replace(gateway.url, '')}: ${status}, expected ${allowed ? 'not 401/403' : 403}`,
            );
          }
        }),
      );
    };
    const work = endpoints.flatMap((e) =>
      e.service === EVERY_SERVICE
        ? [
            'justice-bureau',
            'discipline-commission',
            'liaison',
            'tasklist',
            'procuratorate',
            'peoples-congress',
          ].map((s) => [e, concrete(e, s)] as const)
        : [[e, concrete(e)] as const],
    );
    // A few endpoints at a time, every caller of an endpoint at once.
    for (let i = 0; i < work.length; i += 3) {
      await Promise.all(work.slice(i, i + 3).map(([e, target]) => check(e, target)));
    }
    expect(mismatches).toEqual([]);
    expect(cells).toBeGreaterThan(1000);
  }, 900_000);

  it('refuses forged or unsigned identity headers sent straight to a service', async () => {
    const jb = services[SERVICE.justiceBureau]!.url;
    const forged = await fetch(`${jb}/api/complaints`, {
      headers: { 'x-oversight-user': 'intruder', 'x-oversight-org': 'sfj', 'x-oversight-roles': 'head' },
    });
    expect(forged.status).toBe(401);
    const wrongKey = await fetch(`${jb}/api/complaints`, {
      headers: {
        'x-oversight-user': 'intruder',
        'x-oversight-org': 'sfj',
        'x-oversight-roles': 'head',
        'x-oversight-issued-at': String(Date.now()),
        'x-oversight-signature': 'AAAA',
      },
    });
    expect(wrongKey.status).toBe(401);
    expect((await http('GET', `${jb}/api/complaints`)).status).toBe(401);
    const body = (await forged.json()) as { message: { zh: string; en: string } };
    expect(body.message.zh).toContain('登录');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|SELECT|stack/);
  });

  it('masks the complainant for staff, shows the identity only to those who need it, never to the respondent', async () => {
    const filed = await http<{ id: string; trackingCode: string }>(
      'POST',
      `${api}/public/complaints`,
      complaintFixture({ complainant: { name: '欧阳明月', phone: '13912345678' }, respondentOrg: 'scjg' }),
    );
    expect(filed.status).toBe(201);
    const id = await eventually(async () => {
      const list = await http<{ items: { id: string; trackingCode: string }[] }>(
        'GET',
        `${api}/complaints?limit=200`,
        undefined,
        bearer('sfj-clerk'),
      );
      const found = list.body.items.find((c) => c.trackingCode === filed.body.trackingCode);
      if (!found) throw new Error('not registered yet');
      return found.id;
    });
    const view = await http<Record<string, unknown>>(
      'GET',
      `${api}/complaints/${id}`,
      undefined,
      bearer('sfj-reviewer'),
    );
    expect(view.status).toBe(200);
    expect(view.body.complainantMasked).toEqual({ name: '欧***', phone: '139****5678' });
    expect(JSON.stringify(view.body)).not.toContain('欧阳明月');
    expect(JSON.stringify(view.body)).not.toContain('13912345678');

    const read = (username: string) =>
      http<Record<string, unknown>>(
        'POST',
        `${api}/complaints/${id}/complainant`,
        { purpose: '核实情况' },
        bearer(username),
      );
    // No need to know: the reviewer, the administrator; never the agency complained about.
    expect((await read('sfj-reviewer')).status).toBe(403);
    expect((await read('sfj-admin')).status).toBe(403);
    expect((await read('scjg-clerk')).status).toBe(403);
    const agencyView = await http('GET', `${api}/agency/complaints/${id}`, undefined, bearer('scjg-clerk'));
    expect(JSON.stringify(agencyView.body)).not.toContain('欧阳明月');
    const identity = await read('sfj-clerk');
    expect(identity.status).toBe(200);
    expect(identity.body).toMatchObject({ name: '欧阳明月', phone: '13912345678' });

    // Every read is logged: in the identity access log, and in the service's audit log.
    const accessLog = await http<{ user: string; purpose: string }[]>(
      'GET',
      `${api}/complaints/${id}/complainant-access-log`,
      undefined,
      bearer('sfj-head'),
    );
    expect(accessLog.body).toEqual([expect.objectContaining({ user: 'sfj-clerk', purpose: '核实情况' })]);
    const audit = await http<{
      items: { actorUser: string; action: string; resource: string; status: number }[];
    }>(
      'GET',
      `${api}/audit/justice-bureau/entries?target=${id}/complainant&limit=20`,
      undefined,
      bearer('sfj-admin'),
    );
    expect(audit.status).toBe(200);
    const reads = audit.body.items.filter((e) => e.resource === 'POST /api/complaints/:id/complainant');
    expect(reads.map((e) => [e.actorUser, e.status]).sort()).toEqual([['sfj-clerk', 200]].sort());
    // The identity itself never enters the audit log.
    const logged = await jbDb.query(
      `SELECT count(*)::int AS n FROM justice_bureau.audit_entry WHERE before::text LIKE '%欧阳明月%' OR after::text LIKE '%欧阳明月%'`,
    );
    expect(logged[0].n).toBe(0);
    // The commission's administrator may not read the bureau's log.
    expect(
      (await http('GET', `${api}/audit/justice-bureau/entries`, undefined, bearer('jw-head'))).status,
    ).toBe(403);
  });

  it('records state changes with before and after, and detects a tampered entry', async () => {
    const entries = await jbDb.query(
      `SELECT seq::text AS seq, action, before, after FROM justice_bureau.audit_entry ORDER BY seq`,
    );
    expect(entries.length).toBeGreaterThan(5);
    expect(
      entries.some((e: { action: string; after: unknown }) => e.action === 'change' && e.after !== null),
    ).toBe(true);

    const verify = () =>
      spawnSync(process.execPath, [join(__dirname, '..', '..', 'tools', 'audit', 'audit-verify.cjs')], {
        env: { ...process.env, DATABASE_URL: url },
        encoding: 'utf8',
      });
    const clean = verify();
    expect(clean.stdout).toMatch(/justice_bureau: ok, \d+ entries/);
    expect(clean.status).toBe(0);

    // The table refuses changes outright…
    await expect(
      jbDb.query(`UPDATE justice_bureau.audit_entry SET actor_user = 'x' WHERE seq = 1`),
    ).rejects.toThrow(/append-only/);
    await expect(jbDb.query(`DELETE FROM justice_bureau.audit_entry WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    // …and someone who gets past the trigger is caught by the chain.
    const victim = entries[Math.floor(entries.length / 2)] as { seq: string };
    const original = (
      await jbDb.query(`SELECT actor_user FROM justice_bureau.audit_entry WHERE seq = $1`, [victim.seq])
    )[0].actor_user as string | null;
    const tamper = async (value: string | null) => {
      await jbDb.transaction(async (m) => {
        await m.query('ALTER TABLE justice_bureau.audit_entry DISABLE TRIGGER audit_entry_no_change');
        await m.query('UPDATE justice_bureau.audit_entry SET actor_user = $1 WHERE seq = $2', [
          value,
          victim.seq,
        ]);
        await m.query('ALTER TABLE justice_bureau.audit_entry ENABLE TRIGGER audit_entry_no_change');
      });
    };
    await tamper('someone-else');
    try {
      const tampered = verify();
      expect(tampered.stdout).toContain(`justice_bureau: TAMPERED at entry seq ${victim.seq} (altered)`);
      expect(tampered.status).toBe(1);
      const viaApi = await http<{ ok: boolean; seq: string }>(
        'GET',
        `${api}/audit/justice-bureau/verification`,
        undefined,
        bearer('sfj-admin'),
      );
      expect(viaApi.body).toMatchObject({ ok: false, seq: victim.seq, reason: 'altered' });
    } finally {
      await tamper(original);
    }
    expect(verify().status).toBe(0);
  });

  it('shows and completes user tasks only for their candidate groups', async () => {
    expect(
      (await http('GET', `${api}/tasks?candidateGroup=sfj`, undefined, bearer('scjg-clerk'))).status,
    ).toBe(403);
    expect(
      (await http('GET', `${api}/tasks?candidateGroup=sfj:head`, undefined, bearer('sfj-clerk'))).status,
    ).toBe(403);
    const mine = await http<{ items: unknown[] }>(
      'GET',
      `${api}/tasks?candidateGroup=sfj:head`,
      undefined,
      bearer('sfj-head'),
    );
    expect(mine.status).toBe(200);
    const clerkTasks = await http<{ items: { id: string }[] }>(
      'GET',
      `${api}/tasks?candidateGroup=sfj`,
      undefined,
      bearer('sfj-clerk'),
    );
    const task = clerkTasks.body.items[0];
    if (task) {
      const foreign = await http(
        'POST',
        `${api}/tasks/${task.id}/complete`,
        { variables: {} },
        bearer('scjg-clerk'),
      );
      expect(foreign.status).toBe(403);
      expect((await http('GET', `${api}/tasks/${task.id}`, undefined, bearer('jw-staff'))).status).toBe(403);
    }
    // Without a filter, each caller gets their own groups' tasks only.
    const scjg = await http<{ items: unknown[] }>('GET', `${api}/tasks`, undefined, bearer('scjg-clerk'));
    expect(scjg.status).toBe(200);
  });
});
