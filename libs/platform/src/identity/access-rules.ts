import type { AccessRule } from './access.decorator';
import { ORG, ROLE, SUPERVISORY_ORGS } from './roles';

/** Case-work roles: the people who handle, review and approve files (not administrators). */
export const CASE_ROLES = [ROLE.clerk, ROLE.reviewer, ROLE.head] as const;

/**
 * The access rules the controllers declare, named once so that docs/security.md and the access-matrix test
 * read the same vocabulary.
 */
export const RULE = {
  /** Justice bureau (司法局) case workers: clerk, reviewer, head. */
  justiceDesk: { orgs: [ORG.justiceBureau], roles: CASE_ROLES },
  /** Justice bureau clerk or head: those with a need to know a complainant's identity. */
  justiceIdentity: { orgs: [ORG.justiceBureau], roles: [ROLE.clerk, ROLE.head] },
  /** Justice bureau reviewer or head: reviews of drafts. */
  justiceReview: { orgs: [ORG.justiceBureau], roles: [ROLE.reviewer, ROLE.head] },
  /** Justice bureau head (负责人): approvals, extensions, appeals. */
  justiceHead: { orgs: [ORG.justiceBureau], roles: [ROLE.head] },
  /** Justice bureau system administrator. */
  justiceAdmin: { orgs: [ORG.justiceBureau], roles: [ROLE.admin] },
  /** Discipline commission (纪委监委) case workers. */
  commissionDesk: { orgs: [ORG.disciplineCommission], roles: CASE_ROLES },
  /** Discipline commission head. */
  commissionHead: { orgs: [ORG.disciplineCommission], roles: [ROLE.head] },
  /** Procuratorate (检察院) case workers. */
  procuratorateDesk: { orgs: [ORG.procuratorate], roles: CASE_ROLES },
  /** People's congress standing committee (人大常委会) staff: joint inspections, annual reports. */
  congressDesk: { orgs: [ORG.peoplesCongress], roles: CASE_ROLES },
  /** People's congress head: closes inspections, records deliberation opinions. */
  congressHead: { orgs: [ORG.peoplesCongress], roles: [ROLE.head] },
  /** The joint inspection team's bodies (人大、司法局、检察院): on-site findings, scoped in the service. */
  inspectionTeam: {
    orgs: [ORG.peoplesCongress, ORG.justiceBureau, ORG.procuratorate],
    roles: CASE_ROLES,
  },
  /** Case workers of a supervised unit (agencies, police, towns): only their own files, scoped in the service. */
  supervisedUnit: { orgs: 'supervised', roles: CASE_ROLES },
  /** Case workers of any organisation (a participating unit acts for itself; scoped in the service). */
  anyUnitDesk: { orgs: 'any', roles: CASE_ROLES },
  /** Anyone signed in (reads scoped to the caller's organisation by the service). */
  anyStaff: { orgs: 'any' },
  /** The liaison meeting's secretary (a supervising body's staff with the secretary role). */
  liaisonSecretary: { orgs: [...SUPERVISORY_ORGS], roles: [ROLE.secretary] },
  /** Any organisation's system administrator (audit log of that organisation's service). */
  auditAdmin: { orgs: [...SUPERVISORY_ORGS], roles: [ROLE.admin] },
  /** Process administrator (流程管理员). */
  processAdmin: { orgs: [ORG.justiceBureau], roles: [ROLE.processAdmin] },
} satisfies Record<string, AccessRule>;
