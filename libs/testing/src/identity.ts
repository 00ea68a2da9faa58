import { createHmac, randomUUID } from 'node:crypto';
import { DEVELOPMENT_SECRETS } from '@oversight/config';
import { IDENTITY_HEADER, signIdentity, SignedIdentity } from '@oversight/platform';

/** The password of every demonstration account (DEMO_ACCOUNTS=true only; see docs/security.md). */
export const DEMO_PASSWORD = 'oversight-demo-2026';

export interface DemoAccount {
  username: string;
  name: string;
  org: string;
  roles: string[];
  password: string;
}

const demo = (username: string, name: string, org: string, roles: string[]): DemoAccount => ({
  username,
  name,
  org,
  roles,
  password: DEMO_PASSWORD,
});

/** The demonstration accounts of the local demo and the tests, as docs/security.md lists them. */
export const DEMO_ACCOUNTS = {
  justiceClerk: demo('sfj-clerk', '王晓明', 'sfj', ['clerk']),
  justiceReviewer: demo('sfj-reviewer', '李红', 'sfj', ['reviewer']),
  justiceHead: demo('sfj-head', '刘建国', 'sfj', ['head']),
  justiceAdmin: demo('sfj-admin', '陈静', 'sfj', ['admin']),
  processAdmin: demo('sfj-process-admin', '赵磊', 'sfj', ['process-admin']),
  liaisonSecretary: demo('liaison-secretary', '周敏', 'sfj', ['secretary']),
  procuratorate: demo('jcy-staff', '吴芳', 'jcy', ['clerk']),
  disciplineCommission: demo('jw-staff', '郑伟', 'jw', ['clerk']),
  disciplineHead: demo('jw-head', '孙立', 'jw', ['head']),
  peoplesCongress: demo('rd-member', '黄丽', 'rd', ['clerk']),
  peoplesCongressHead: demo('rd-head', '程远', 'rd', ['head']),
  police: demo('gaj-staff', '何军', 'gaj', ['clerk']),
  marketRegulationClerk: demo('scjg-clerk', '马超', 'scjg', ['clerk']),
  urbanManagementClerk: demo('cgj-clerk', '林涛', 'cgj', ['clerk']),
  townClerk: demo('xgz-clerk', '胡斌', 'xgz', ['clerk']),
  marketRegulationHead: demo('scjg-head', '吕明', 'scjg', ['head']),
} as const;

/** The identity-signing secret of the services under test (development default unless configured). */
export function testIdentitySecret(): string {
  return process.env.IDENTITY_SIGNING_SECRET ?? DEVELOPMENT_SECRETS.identitySigning;
}

/** The gateway's session-token secret under test. */
export function testJwtSecret(): string {
  return process.env.JWT_SECRET ?? DEVELOPMENT_SECRETS.jwt;
}

/** A gateway session token for `identity`, as the gateway would issue after sign-in. */
export function tokenFor(identity: SignedIdentity, ttlSeconds = 3600): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
    iss: 'oversight-gateway',
    sub: identity.user,
    name: identity.user,
    org: identity.org,
    roles: identity.roles,
    iat,
    exp: iat + ttlSeconds,
    jti: randomUUID(),
  })}`;
  return `${input}.${createHmac('sha256', testJwtSecret()).update(input).digest('base64url')}`;
}

/** Reads an identity from x-oversight-user/org/roles test headers; null when they name none. */
export function identityOf(headers: Record<string, string>): SignedIdentity | null {
  const user = headers[IDENTITY_HEADER.user];
  const org = headers[IDENTITY_HEADER.org];
  if (!user || !org) return null;
  return { user, org, roles: (headers[IDENTITY_HEADER.roles] ?? '').split(',').filter(Boolean) };
}

/**
 * Turns plain identity headers (AS_STAFF, asAgency(...)) into what a real caller has: a bearer token for the
 * gateway and, for direct calls to a service, identity headers signed as the gateway signs them. Headers
 * already carrying a signature or an authorization are left alone; other headers pass through.
 */
export function authenticate(headers: Record<string, string> = {}): Record<string, string> {
  const identity = identityOf(headers);
  if (!identity || headers[IDENTITY_HEADER.signature]) return headers;
  const rest = Object.fromEntries(
    Object.entries(headers).filter(([name]) => !name.toLowerCase().startsWith('x-oversight-')),
  );
  return {
    ...rest,
    ...signIdentity(testIdentitySecret(), identity),
    authorization: headers.authorization ?? `Bearer ${tokenFor(identity)}`,
  };
}

/** Gateway settings of the integration tests: demo accounts on, rate limits out of the way. */
export const TEST_GATEWAY_ENV = {
  DEMO_ACCOUNTS: 'true',
  PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
  LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
} as const;
