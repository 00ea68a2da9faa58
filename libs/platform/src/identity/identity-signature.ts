import { createHmac, timingSafeEqual } from 'node:crypto';

/** The identity the gateway vouches for. */
export interface SignedIdentity {
  user: string;
  org: string;
  roles: string[];
}

export const IDENTITY_HEADER = {
  user: 'x-oversight-user',
  org: 'x-oversight-org',
  roles: 'x-oversight-roles',
  issuedAt: 'x-oversight-issued-at',
  signature: 'x-oversight-signature',
} as const;

/** How old a signed identity may be when it reaches a service (clock skew and slow proxies included). */
export const IDENTITY_MAX_AGE_MS = 5 * 60 * 1000;

const SAFE = /^[\w.@:-]{1,200}$/;

function payload(identity: SignedIdentity, issuedAt: string): string {
  return ['v1', identity.user, identity.org, [...identity.roles].sort().join(','), issuedAt].join('\n');
}

function mac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

/** The headers the gateway (or a test) sends to a service on behalf of `identity`. */
export function signIdentity(
  secret: string,
  identity: SignedIdentity,
  now: Date = new Date(),
): Record<string, string> {
  const issuedAt = String(now.getTime());
  return {
    [IDENTITY_HEADER.user]: identity.user,
    [IDENTITY_HEADER.org]: identity.org,
    [IDENTITY_HEADER.roles]: [...identity.roles].sort().join(','),
    [IDENTITY_HEADER.issuedAt]: issuedAt,
    [IDENTITY_HEADER.signature]: mac(secret, payload(identity, issuedAt)),
  };
}

export type IdentityCheck =
  | { ok: true; identity: SignedIdentity }
  | { ok: false; reason: 'absent' | 'malformed' | 'expired' | 'bad-signature' };

/** Checks the signed identity headers of a request; anything forged, altered or stale fails. */
export function verifyIdentity(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  now: Date = new Date(),
): IdentityCheck {
  const read = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' ? value.trim() : undefined;
  };
  const user = read(IDENTITY_HEADER.user);
  const org = read(IDENTITY_HEADER.org);
  const rolesText = read(IDENTITY_HEADER.roles) ?? '';
  const issuedAt = read(IDENTITY_HEADER.issuedAt);
  const signature = read(IDENTITY_HEADER.signature);
  if (!user && !org && !signature) return { ok: false, reason: 'absent' };
  if (!user || !org || !issuedAt || !signature || !SAFE.test(user) || !SAFE.test(org)) {
    return { ok: false, reason: 'malformed' };
  }
  const roles = rolesText.split(',').filter(Boolean);
  if (roles.some((r) => !SAFE.test(r)) || !/^\d{1,15}$/.test(issuedAt))
    return { ok: false, reason: 'malformed' };
  const identity = { user, org, roles };
  const expected = Buffer.from(mac(secret, payload(identity, issuedAt)));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'bad-signature' };
  }
  if (Math.abs(now.getTime() - Number(issuedAt)) > IDENTITY_MAX_AGE_MS)
    return { ok: false, reason: 'expired' };
  return { ok: true, identity };
}
