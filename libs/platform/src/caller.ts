import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { forbidden } from './api-error';
import { VERIFIED_CALLER } from './identity/access.guard';
import type { SignedIdentity } from './identity/identity-signature';

/**
 * Who is calling: the user, their organisation and their roles, as the global access guard verified them
 * (signed by the gateway from the caller's token). Null fields on public handlers called anonymously.
 */
export interface CallerInfo {
  user: string | null;
  org: string | null;
  roles: string[];
}

export function callerOf(request: Request): CallerInfo {
  const identity = (request as Request & { [VERIFIED_CALLER]?: SignedIdentity })[VERIFIED_CALLER];
  return identity
    ? { user: identity.user, org: identity.org, roles: [...identity.roles] }
    : { user: null, org: null, roles: [] };
}

export const Caller = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CallerInfo => callerOf(ctx.switchToHttp().getRequest<Request>()),
);

/** The caller must belong to `org` (and hold `role`, when given). */
export function requireOrg(caller: CallerInfo, org: string, role?: string): void {
  if (caller.org !== org) {
    throw forbidden({
      zh: '您所在单位无权办理此事项。',
      en: 'Your organisation may not perform this action.',
    });
  }
  if (role && !caller.roles.includes(role)) {
    throw forbidden({
      zh: '此操作须由单位负责人办理。',
      en: 'Only the head of the organisation may perform this action.',
    });
  }
}
