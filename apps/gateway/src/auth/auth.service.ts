import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { compare } from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApiError, SignedIdentity } from '@oversight/platform';
import { GatewayConfig, jwtSecretOf } from '../gateway.config';
import { DEMO_ACCOUNT_HASHES, StaffAccount } from './demo-accounts';
import { checkClaims, decodeToken, signHs256, TokenError, verifyHs256 } from './jwt';
import { OidcVerifier } from './oidc';

export const GATEWAY_ISSUER = 'oversight-gateway';
/** A hash nobody's password matches: unknown users cost as much time as known ones. */
const DUMMY_HASH = '$2b$10$OXybRNFx7fsyNBL27bDk/eSm3PxgrWGyOBIPrtcog7QhsMB0/50WS';

export interface SessionUser {
  username: string;
  name: string;
  org: string;
  roles: string[];
}

export interface LoginAnswer {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

export interface Session extends SessionUser {
  expiresAt: string;
}

export const OIDC_VERIFIER = Symbol('OIDC_VERIFIER');

const wrongCredentials = () =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', {
    zh: '用户名或密码错误。',
    en: 'Wrong user name or password.',
  });

/**
 * Signs staff in with a password (bcrypt) and issues short-lived HS256 tokens; locks an account after
 * repeated failures; accepts the tokens of a configured OIDC issuer as well. Lock-out state is per gateway
 * instance (in memory).
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  private readonly accounts = new Map<string, StaffAccount>();
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();
  private readonly secret: string;

  constructor(
    private readonly config: GatewayConfig,
    @Inject(OIDC_VERIFIER) private readonly oidc: OidcVerifier | null,
  ) {
    this.secret = jwtSecretOf(config);
    if (config.demoAccounts) for (const a of DEMO_ACCOUNT_HASHES) this.accounts.set(a.username, a);
    if (config.accountsFile) {
      const list = JSON.parse(readFileSync(config.accountsFile, 'utf8')) as StaffAccount[];
      for (const a of list) {
        if (!/^\$2[aby]\$\d\d\$/.test(a.passwordHash))
          throw new Error(`account ${a.username}: not a bcrypt hash`);
        this.accounts.set(a.username, a);
      }
    }
  }

  async login(username: string, password: string, now = new Date()): Promise<LoginAnswer> {
    const key = username.trim().toLowerCase();
    const state = this.failures.get(key);
    if (state && state.lockedUntil > now.getTime()) {
      const minutes = Math.ceil((state.lockedUntil - now.getTime()) / 60_000);
      throw new ApiError(HttpStatus.LOCKED, 'ACCOUNT_LOCKED', {
        zh: `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试。`,
        en: `Too many failed sign-ins; the account is locked for ${minutes} more minute(s).`,
      });
    }
    const account = this.accounts.get(key);
    const matches = await compare(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !matches) {
      this.recordFailure(key, now);
      throw wrongCredentials();
    }
    this.failures.delete(key);
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.config.jwtTtlMinutes * 60;
    const user: SessionUser = {
      username: account.username,
      name: account.name,
      org: account.org,
      roles: account.roles,
    };
    const token = signHs256(
      {
        iss: GATEWAY_ISSUER,
        sub: user.username,
        name: user.name,
        org: user.org,
        roles: user.roles,
        iat,
        exp,
        jti: randomUUID(),
      },
      this.secret,
    );
    this.logger.log(`signed in: ${user.username} (${user.org})`);
    return { token, expiresAt: new Date(exp * 1000).toISOString(), user };
  }

  private recordFailure(key: string, now: Date): void {
    if (this.failures.size > 10_000) {
      for (const [k, v] of this.failures)
        if (v.lockedUntil < now.getTime() && v.count === 0) this.failures.delete(k);
    }
    const state = this.failures.get(key) ?? { count: 0, lockedUntil: 0 };
    state.count += 1;
    if (state.count >= this.config.loginMaxFailures) {
      state.count = 0;
      state.lockedUntil = now.getTime() + this.config.loginLockoutMinutes * 60_000;
      this.logger.warn(`account locked after repeated failures: ${key}`);
    }
    this.failures.set(key, state);
  }

  /** The session of a bearer token (the gateway's own, or the OIDC issuer's); null when not valid. */
  async session(token: string, now = new Date()): Promise<Session | null> {
    try {
      const decoded = decodeToken(token);
      if (decoded.header.alg === 'HS256') {
        verifyHs256(decoded, this.secret);
        checkClaims(decoded.claims, { issuer: GATEWAY_ISSUER, now, leewaySeconds: 0 });
        const c = decoded.claims;
        if (typeof c.sub !== 'string' || typeof c.org !== 'string' || !Array.isArray(c.roles)) return null;
        return {
          username: c.sub,
          name: typeof c.name === 'string' ? c.name : c.sub,
          org: c.org,
          roles: c.roles.filter((r): r is string => typeof r === 'string'),
          expiresAt: new Date((c.exp as number) * 1000).toISOString(),
        };
      }
      if (decoded.header.alg === 'RS256' && this.oidc) {
        const identity = await this.oidc.verify(decoded);
        return {
          username: identity.user,
          name: identity.name,
          org: identity.org,
          roles: identity.roles,
          expiresAt: new Date(identity.exp * 1000).toISOString(),
        };
      }
      return null;
    } catch (error) {
      if (!(error instanceof TokenError)) this.logger.warn(`token check failed: ${(error as Error).message}`);
      return null;
    }
  }
}

export const toIdentity = (s: SessionUser): SignedIdentity => ({
  user: s.username,
  org: s.org,
  roles: s.roles,
});
