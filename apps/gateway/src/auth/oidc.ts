import type { KeyObject } from 'node:crypto';
import type { SignedIdentity } from '@oversight/platform';
import { checkClaims, DecodedToken, publicKeyFromJwk, TokenClaims, TokenError, verifyRs256 } from './jwt';

export interface OidcSettings {
  issuer: string;
  /** JWKS address; when absent, read from the issuer's /.well-known/openid-configuration. */
  jwksUrl?: string;
  audience?: string;
  /** Claim paths (dotted, e.g. `realm_access.roles` for Keycloak realm roles). */
  usernameClaim: string;
  nameClaim: string;
  orgClaim: string;
  rolesClaim: string;
}

export type JsonFetch = (url: string) => Promise<unknown>;

const defaultFetch: JsonFetch = async (url) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
};

function claimAt(claims: TokenClaims, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      claims,
    );
}

/**
 * Accepts RS256 tokens of an external OpenID Connect issuer (e.g. a county Keycloak realm): the signature
 * against the issuer's published keys (JWKS, refreshed when an unknown key id appears, at most every 30 s),
 * then issuer, audience and times; the organisation and roles come from configured claims.
 */
export class OidcVerifier {
  private keys = new Map<string, KeyObject>();
  private lastRefresh = 0;

  constructor(
    private readonly settings: OidcSettings,
    private readonly fetchJson: JsonFetch = defaultFetch,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get issuer(): string {
    return this.settings.issuer;
  }

  async verify(decoded: DecodedToken): Promise<SignedIdentity & { name: string; exp: number }> {
    if (decoded.header.alg !== 'RS256') throw new TokenError('unexpected algorithm');
    const key = await this.key(decoded.header.kid ?? '');
    verifyRs256(decoded, key);
    checkClaims(decoded.claims, {
      issuer: this.settings.issuer,
      audience: this.settings.audience,
      now: this.now(),
    });
    const user = claimAt(decoded.claims, this.settings.usernameClaim);
    const org = claimAt(decoded.claims, this.settings.orgClaim);
    const roles = claimAt(decoded.claims, this.settings.rolesClaim);
    const name = claimAt(decoded.claims, this.settings.nameClaim);
    if (typeof user !== 'string' || typeof org !== 'string')
      throw new TokenError('token lacks user or organisation');
    return {
      user,
      org,
      roles: Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [],
      name: typeof name === 'string' ? name : user,
      exp: decoded.claims.exp as number,
    };
  }

  private async key(kid: string): Promise<KeyObject> {
    let key = this.keys.get(kid);
    if (!key && this.now().getTime() - this.lastRefresh > 30_000) {
      await this.refresh();
      key = this.keys.get(kid);
    }
    if (!key) throw new TokenError('unknown signing key');
    return key;
  }

  private async refresh(): Promise<void> {
    this.lastRefresh = this.now().getTime();
    let jwksUrl = this.settings.jwksUrl;
    if (!jwksUrl) {
      const discovery = (await this.fetchJson(
        `${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
      )) as { jwks_uri?: string };
      jwksUrl = discovery.jwks_uri;
      if (!jwksUrl) throw new TokenError('issuer publishes no jwks_uri');
    }
    const jwks = (await this.fetchJson(jwksUrl)) as { keys?: Record<string, unknown>[] };
    const keys = new Map<string, KeyObject>();
    for (const jwk of jwks.keys ?? []) {
      if (jwk.kty !== 'RSA' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
      keys.set(typeof jwk.kid === 'string' ? jwk.kid : '', publicKeyFromJwk(jwk));
    }
    this.keys = keys;
  }
}
