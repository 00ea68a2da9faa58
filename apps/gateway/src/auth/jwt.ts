import {
  createHmac,
  createPublicKey,
  KeyObject,
  timingSafeEqual,
  verify as verifySignature,
} from 'node:crypto';

/** The claims the platform reads from a token. */
export interface TokenClaims {
  [claim: string]: unknown;
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
  nbf?: number;
  iat?: number;
}

export class TokenError extends Error {}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function decodePart<T>(part: string | undefined): T {
  if (!part || !/^[\w-]+$/.test(part)) throw new TokenError('malformed token');
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as T;
  } catch {
    throw new TokenError('malformed token');
  }
}

export interface DecodedToken {
  header: { alg?: string; kid?: string; typ?: string };
  claims: TokenClaims;
  signingInput: string;
  signature: Buffer;
}

/** Splits a compact JWS without trusting anything in it yet. */
export function decodeToken(token: string): DecodedToken {
  const parts = token.split('.');
  if (parts.length !== 3 || token.length > 8192) throw new TokenError('malformed token');
  const header = decodePart<DecodedToken['header']>(parts[0]);
  const claims = decodePart<TokenClaims>(parts[1]);
  if (typeof claims !== 'object' || claims === null) throw new TokenError('malformed token');
  if (!/^[\w-]*$/.test(parts[2]!)) throw new TokenError('malformed token');
  return {
    header,
    claims,
    signingInput: `${parts[0]}.${parts[1]}`,
    signature: Buffer.from(parts[2]!, 'base64url'),
  };
}

/** A compact HS256 JWT. */
export function signHs256(claims: TokenClaims, secret: string): string {
  const input = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

export function verifyHs256(decoded: DecodedToken, secret: string): void {
  if (decoded.header.alg !== 'HS256') throw new TokenError('unexpected algorithm');
  const expected = createHmac('sha256', secret).update(decoded.signingInput).digest();
  if (expected.length !== decoded.signature.length || !timingSafeEqual(expected, decoded.signature)) {
    throw new TokenError('bad signature');
  }
}

export function verifyRs256(decoded: DecodedToken, key: KeyObject): void {
  if (decoded.header.alg !== 'RS256') throw new TokenError('unexpected algorithm');
  if (!verifySignature('RSA-SHA256', Buffer.from(decoded.signingInput), key, decoded.signature)) {
    throw new TokenError('bad signature');
  }
}

/** Times and audience: expired, not yet valid, wrong issuer or audience all fail. */
export function checkClaims(
  claims: TokenClaims,
  expect: { issuer: string; audience?: string; now?: Date; leewaySeconds?: number },
): void {
  const now = Math.floor((expect.now ?? new Date()).getTime() / 1000);
  const leeway = expect.leewaySeconds ?? 30;
  if (claims.iss !== expect.issuer) throw new TokenError('wrong issuer');
  if (typeof claims.exp !== 'number' || claims.exp + leeway < now) throw new TokenError('expired');
  if (typeof claims.nbf === 'number' && claims.nbf - leeway > now) throw new TokenError('not yet valid');
  if (expect.audience) {
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(expect.audience)) throw new TokenError('wrong audience');
  }
}

export function publicKeyFromJwk(jwk: Record<string, unknown>): KeyObject {
  return createPublicKey({ key: jwk as never, format: 'jwk' });
}
