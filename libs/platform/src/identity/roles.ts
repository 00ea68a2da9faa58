/**
 * Roles a staff account holds within its organisation. One list for the whole platform: the gateway puts
 * them into the signed identity, the services' access declarations name them.
 */
export const ROLE = {
  /** 经办人: registers, drafts, handles the day-to-day work of the organisation. */
  clerk: 'clerk',
  /** 审核人: reviews drafts before they leave the organisation. */
  reviewer: 'reviewer',
  /** 负责人: approves, signs, decides extensions and closures. */
  head: 'head',
  /** 系统管理员: accounts, audit log search and verification. */
  admin: 'admin',
  /** 联席会议联络员: liaison member, keeps the joint meeting's register and meetings. */
  secretary: 'secretary',
  /** 流程管理员: operates the workflow engine's processes (incidents, migrations). */
  processAdmin: 'process-admin',
} as const;

export type Role = (typeof ROLE)[keyof typeof ROLE];
export const ALL_ROLES: Role[] = Object.values(ROLE);

/** The supervising bodies (司法局, 纪委监委, 检察院, 人大常委会); every other organisation is supervised. */
export const SUPERVISORY_ORGS = ['sfj', 'jw', 'jcy', 'rd'] as const;

export const ORG = {
  justiceBureau: 'sfj',
  disciplineCommission: 'jw',
  procuratorate: 'jcy',
  peoplesCongress: 'rd',
  police: 'gaj',
} as const;

export function isSupervisoryOrg(org: string | null): boolean {
  return org !== null && (SUPERVISORY_ORGS as readonly string[]).includes(org);
}
