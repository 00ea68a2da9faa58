import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles';

/**
 * Who may call a handler: staff of `orgs` holding any of `roles` (any role, when omitted).
 * `orgs` is a list of organisation codes, `supervised` (any organisation that is not a supervising body:
 * agencies, police, towns) or `any` (every organisation).
 */
export interface AccessRule {
  orgs: readonly string[] | 'supervised' | 'any';
  roles?: readonly Role[];
}

export const ACCESS_RULES = 'oversight:access-rules';
export const PUBLIC_ACCESS = 'oversight:public';

/** Declares who may call a handler (or every handler of a controller); any one matching rule admits. */
export const Access = (...rules: AccessRule[]) => SetMetadata(ACCESS_RULES, rules);

/** Declares a handler open to anyone, signed in or not (the public complaint form, Open311, /health). */
export const Public = () => SetMetadata(PUBLIC_ACCESS, true);
