import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { forbidden } from './api-error';

/**
 * Who is calling: the user, their organisation and their roles. Until the identity issue lands, the
 * gateway passes them as headers (x-oversight-user, x-oversight-org, x-oversight-roles); this is
 * attribution and data scoping, not authentication.
 */
export interface CallerInfo {
  user: string | null;
  org: string | null;
  roles: string[];
}

export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): CallerInfo => {
  const request = ctx.switchToHttp().getRequest<Request>();
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  return {
    user: header('x-oversight-user'),
    org: header('x-oversight-org'),
    roles: (header('x-oversight-roles') ?? '').split(',').filter(Boolean),
  };
});

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
