import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { loadConfig } from '@oversight/config';
import { GatewayConfig } from '../gateway.config';
import { AuthService } from './auth.service';
import { decodeToken, TokenClaims } from './jwt';
import { OidcVerifier } from './oidc';

const ISSUER = 'https://sso.example.gov.cn/realms/oversight';
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function rs256(claims: TokenClaims, key: KeyObject, kid = 'k1', alg = 'RS256'): string {
  const input = `${b64({ alg, typ: 'JWT', kid })}.${b64(claims)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
}

/** The OIDC path with a locally generated key pair standing in for the county's Keycloak. */
describe('OIDC token verification', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' };
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: ISSUER,
    sub: 'f7e1',
    aud: 'oversight-console',
    exp: now + 300,
    iat: now,
    preferred_username: 'zhang.wei',
    name: '张伟',
    org: 'sfj',
    realm_access: { roles: ['head', 'offline_access'] },
  };
  const fetched: string[] = [];
  const fetchJson = async (url: string) => {
    fetched.push(url);
    if (url.endsWith('/.well-known/openid-configuration'))
      return { jwks_uri: `${ISSUER}/protocol/openid-connect/certs` };
    return { keys: [jwk] };
  };
  const verifier = () =>
    new OidcVerifier(
      {
        issuer: ISSUER,
        audience: 'oversight-console',
        usernameClaim: 'preferred_username',
        nameClaim: 'name',
        orgClaim: 'org',
        rolesClaim: 'realm_access.roles',
      },
      fetchJson,
    );

  it('accepts a token of the issuer, reading the keys through discovery, and maps the claims', async () => {
    const identity = await verifier().verify(decodeToken(rs256(claims, privateKey)));
    expect(identity).toMatchObject({
      user: 'zhang.wei',
      name: '张伟',
      org: 'sfj',
      roles: ['head', 'offline_access'],
    });
    expect(fetched).toEqual([
      `${ISSUER}/.well-known/openid-configuration`,
      `${ISSUER}/protocol/openid-connect/certs`,
    ]);
  });

  it.each([
    ['signed with another key', () => rs256(claims, other.privateKey)],
    ['expired', () => rs256({ ...claims, exp: now - 120 }, privateKey)],
    ['of another issuer', () => rs256({ ...claims, iss: 'https://evil.example/realms/x' }, privateKey)],
    ['for another audience', () => rs256({ ...claims, aud: 'other-client' }, privateKey)],
    ['not yet valid', () => rs256({ ...claims, nbf: now + 600 }, privateKey)],
    ['with an unknown key id', () => rs256(claims, privateKey, 'k9')],
    ['claiming HS256', () => rs256(claims, privateKey, 'k1', 'HS256')],
    [
      'altered after signing',
      () => {
        const [h, , s] = rs256(claims, privateKey).split('.');
        return `${h}.${b64({ ...claims, org: 'jw' })}.${s}`;
      },
    ],
    ['without an organisation', () => rs256({ ...claims, org: undefined }, privateKey)],
  ])('refuses a token %s', async (_, token) => {
    await expect(verifier().verify(decodeToken(token()))).rejects.toThrow();
  });

  it('lets the gateway accept the issuer’s tokens beside its own, and nothing unsigned', async () => {
    const config = loadConfig(GatewayConfig, { OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: 'oversight-console' });
    const auth = new AuthService(config, verifier());
    expect(await auth.session(rs256(claims, privateKey))).toMatchObject({
      username: 'zhang.wei',
      org: 'sfj',
      roles: ['head', 'offline_access'],
    });
    expect(await auth.session(rs256(claims, other.privateKey))).toBeNull();
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expect(await auth.session(none)).toBeNull();
    expect(await new AuthService(config, null).session(rs256(claims, privateKey))).toBeNull();
  });
});

describe('production mode', () => {
  it('refuses to start without secrets or with demo accounts', async () => {
    const { AppModule } = await import('../app.module');
    const secrets = { JWT_SECRET: 'j'.repeat(40), IDENTITY_SIGNING_SECRET: 'i'.repeat(40) };
    expect(() => loadConfig(GatewayConfig, { DEPLOYMENT_MODE: 'production' })).toThrow(
      /identitySigningSecret/,
    );
    expect(() =>
      AppModule.forRoot(
        loadConfig(GatewayConfig, { DEPLOYMENT_MODE: 'production', IDENTITY_SIGNING_SECRET: 'i'.repeat(40) }),
      ),
    ).toThrow(/jwtSecret/);
    expect(() =>
      AppModule.forRoot(
        loadConfig(GatewayConfig, { DEPLOYMENT_MODE: 'production', DEMO_ACCOUNTS: 'true', ...secrets }),
      ),
    ).toThrow(/DEMO_ACCOUNTS/);
    expect(() =>
      AppModule.forRoot(loadConfig(GatewayConfig, { DEPLOYMENT_MODE: 'production', ...secrets })),
    ).not.toThrow();
  });
});
