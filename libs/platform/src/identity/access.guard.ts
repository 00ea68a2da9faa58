import { CanActivate, ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiError, forbidden } from '../api-error';
import { ACCESS_RULES, AccessRule, PUBLIC_ACCESS } from './access.decorator';
import { isSupervisoryOrg } from './roles';
import { SignedIdentity, verifyIdentity } from './identity-signature';

/** Where the guard keeps the verified caller on the request, for `@Caller()`. */
export const VERIFIED_CALLER = Symbol('oversight:verified-caller');

/** Finds out who is calling: signed identity headers in the services, a bearer token at the gateway. */
export interface IdentityResolver {
  resolve(request: Request): Promise<SignedIdentity | null> | SignedIdentity | null;
}
export const IDENTITY_RESOLVER = Symbol('IDENTITY_RESOLVER');

export const unauthorized = () =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', {
    zh: '请先登录，或登录已过期。',
    en: 'Please sign in; your session is missing or has expired.',
  });

/** A service trusts only identities the gateway signed with the shared secret. */
export class SignedHeaderResolver implements IdentityResolver {
  constructor(private readonly secret: string) {}

  resolve(request: Request): SignedIdentity | null {
    const check = verifyIdentity(this.secret, request.headers);
    if (check.ok) return check.identity;
    if (check.reason === 'absent') return null;
    // Forged, altered or replayed headers: refuse outright, even on a public handler.
    throw unauthorized();
  }
}

export function ruleAdmits(rule: AccessRule, identity: SignedIdentity): boolean {
  const orgOk =
    rule.orgs === 'any' ||
    (rule.orgs === 'supervised' ? !isSupervisoryOrg(identity.org) : rule.orgs.includes(identity.org));
  const roleOk = !rule.roles || rule.roles.some((r) => identity.roles.includes(r));
  return orgOk && roleOk;
}

/**
 * The global guard of every service: a handler is either `@Public()` or declares `@Access(...)`; the
 * caller must be signed in and match one of its rules. A handler without a declaration is closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(IDENTITY_RESOLVER) private readonly resolver: IdentityResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & { [VERIFIED_CALLER]?: SignedIdentity }>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ACCESS, targets) === true;
    const rules = this.reflector.getAllAndOverride<AccessRule[] | undefined>(ACCESS_RULES, targets);
    const identity = await this.resolver.resolve(request);
    if (identity) request[VERIFIED_CALLER] = identity;
    if (isPublic) return true;
    if (!identity) throw unauthorized();
    if (!rules || rules.length === 0) {
      throw forbidden({
        zh: '此接口未声明访问权限。',
        en: 'This endpoint declares no access; it is closed.',
      });
    }
    if (!rules.some((rule) => ruleAdmits(rule, identity))) {
      throw forbidden({
        zh: '您的单位或角色无权进行此操作。',
        en: 'Your organisation or role may not perform this action.',
      });
    }
    return true;
  }
}
