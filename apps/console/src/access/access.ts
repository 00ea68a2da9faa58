import type { User } from '../api';

/*
 * The menu mirrors the services' access rules (libs/platform/src/identity/access-rules.ts): an entry is
 * shown only to users the API would admit. The API still decides; this only hides what would be refused.
 */
const SUPERVISORY_ORGS = ['sfj', 'jw', 'jcy', 'rd'];
const CASE_ROLES = ['clerk', 'reviewer', 'head'];

const caseWorker = (u: User) => u.roles.some((r) => CASE_ROLES.includes(r));

export const may = {
  /** RULE.justiceDesk: justice bureau case workers (supervision cases, assessment). */
  justiceDesk: (u: User) => u.org === 'sfj' && caseWorker(u),
  /** RULE.justiceHead: the bureau's head (filing and handling approval, weights, publication). */
  justiceHead: (u: User) => u.org === 'sfj' && u.roles.includes('head'),
  /** RULE.supervisedUnit: case workers of a supervised unit (their own supervision cases). */
  supervisedUnit: (u: User) => !SUPERVISORY_ORGS.includes(u.org) && caseWorker(u),
  /** RULE.anyUnitDesk: case workers of any organisation (registers, scoped to their own records). */
  anyUnitDesk: (u: User) => caseWorker(u),
};
