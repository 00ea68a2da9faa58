import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { IdentityResolver, SignedIdentity } from '@oversight/platform';
import { AuthService, Session, toIdentity } from './auth.service';

export const SESSION = Symbol('oversight:session');
export type RequestWithSession = Request & { [SESSION]?: Session };

/** At the gateway, the caller is whoever the bearer token names; nothing a client sends in x-oversight-* counts. */
@Injectable()
export class BearerResolver implements IdentityResolver {
  constructor(private readonly auth: AuthService) {}

  async resolve(request: Request): Promise<SignedIdentity | null> {
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) return null;
    const session = await this.auth.session(header.slice('Bearer '.length).trim());
    if (!session) return null;
    (request as RequestWithSession)[SESSION] = session;
    return toIdentity(session);
  }
}
