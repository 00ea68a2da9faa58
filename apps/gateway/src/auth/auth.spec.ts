import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig } from '@oversight/config';
import { verifyIdentity } from '@oversight/platform';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  http,
  RunningService,
  startServiceForTest,
  testIdentitySecret,
} from '@oversight/testing';
import { compareSync } from 'bcryptjs';
import { AppModule } from '../app.module';
import { GatewayConfig } from '../gateway.config';
import { DEMO_ACCOUNT_HASHES } from './demo-accounts';

/** The gateway's sign-in, lock-out, token check, header signing and public rate limit, against a fake service. */
describe('gateway sign-in and identity', () => {
  let gateway: RunningService;
  let upstream: Server;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      seen.push(req.headers);
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    gateway = await startServiceForTest({
      service: 'gateway',
      module: AppModule.forRoot(
        loadConfig(GatewayConfig, {
          DEMO_ACCOUNTS: 'true',
          LOGIN_MAX_FAILURES: '3',
          LOGIN_LOCKOUT_MINUTES: '10',
          PUBLIC_RATE_LIMIT_PER_MINUTE: '5',
          JUSTICE_BUREAU_URL: url,
          TASKLIST_URL: url,
        }),
      ),
    });
  });

  afterAll(async () => {
    await gateway.close();
    await new Promise((resolve) => upstream.close(resolve));
  });

  const login = (username: string, password: string) =>
    http<{
      token: string;
      expiresAt: string;
      user: Record<string, unknown>;
      message: { zh: string; en: string };
    }>('POST', `${gateway.url}/api/auth/login`, { username, password });

  it('lists the same demo accounts as libs/testing, with the documented password', () => {
    const documented = Object.values(DEMO_ACCOUNTS);
    expect(DEMO_ACCOUNT_HASHES.map((a) => a.username).sort()).toEqual(
      documented.map((a) => a.username).sort(),
    );
    for (const account of documented) {
      const stored = DEMO_ACCOUNT_HASHES.find((a) => a.username === account.username)!;
      expect({ org: stored.org, roles: stored.roles, name: stored.name }).toEqual({
        org: account.org,
        roles: account.roles,
        name: account.name,
      });
      expect(compareSync(DEMO_PASSWORD, stored.passwordHash)).toBe(true);
    }
  });

  it('signs a demo account in and answers who it is', async () => {
    const answer = await login('sfj-head', DEMO_PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.body.user).toEqual({ username: 'sfj-head', name: '刘建国', org: 'sfj', roles: ['head'] });
    expect(new Date(answer.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await http('GET', `${gateway.url}/api/auth/me`, undefined, {
      authorization: `Bearer ${answer.body.token}`,
    });
    expect(me).toEqual({ status: 200, body: answer.body.user });
  });

  it('refuses a wrong password with a bilingual 401, and locks the account after repeated failures', async () => {
    const wrong = await login('scjg-clerk', 'guess');
    expect(wrong.status).toBe(401);
    expect(wrong.body.message.zh).toContain('密码错误');
    expect(wrong.body.message.en).toContain('password');
    expect((await login('scjg-clerk', 'guess')).status).toBe(401);
    expect((await login('scjg-clerk', 'guess')).status).toBe(401);
    const locked = await login('scjg-clerk', DEMO_PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.body.message.zh).toContain('锁定');
    // Other accounts are unaffected.
    expect((await login('cgj-clerk', DEMO_PASSWORD)).status).toBe(200);
  });

  it('answers 401 without a valid token, and never forwards a client’s own identity headers', async () => {
    expect((await http('GET', `${gateway.url}/api/complaints`)).status).toBe(401);
    const forged = await fetch(`${gateway.url}/api/complaints`, {
      headers: { 'x-oversight-user': 'x', 'x-oversight-org': 'sfj', 'x-oversight-roles': 'head' },
    });
    expect(forged.status).toBe(401);
    const tampered = (await login('sfj-clerk', DEMO_PASSWORD)).body.token.slice(0, -2) + 'xx';
    const bad = await fetch(`${gateway.url}/api/complaints`, {
      headers: { authorization: `Bearer ${tampered}` },
    });
    expect(bad.status).toBe(401);
    expect(seen).toHaveLength(0);

    const { token } = (await login('sfj-clerk', DEMO_PASSWORD)).body;
    const ok = await fetch(`${gateway.url}/api/complaints`, {
      headers: { authorization: `Bearer ${token}`, 'x-oversight-roles': 'head,admin' },
    });
    expect(ok.status).toBe(200);
    const forwarded = seen.at(-1)!;
    expect(forwarded.authorization).toBeUndefined();
    expect(verifyIdentity(testIdentitySecret(), forwarded)).toEqual({
      ok: true,
      identity: { user: 'sfj-clerk', org: 'sfj', roles: ['clerk'] },
    });
  });

  it('rate-limits the public endpoints per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await http('GET', `${gateway.url}/api/public/complaint-statistics`)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
