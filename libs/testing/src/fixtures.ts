/** A valid public complaint, to be varied per test. */
export function complaintFixture(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'web',
    anonymous: false,
    complainant: { name: '张三', phone: '13800138000' },
    respondentOrg: 'scjg',
    category: 'arbitrary-penalty',
    summary: '市场监管执法人员检查时未出示执法证件即作出罚款',
    details:
      '2026年11月20日上午，两名执法人员到我店检查，未出示执法证，当场要求缴纳罚款500元，未出具处罚决定书。',
    ...overrides,
  };
}

/**
 * Callers of the tests: a justice-bureau clerk, its head, an agency's clerk. `http()` turns these identity
 * headers into a gateway bearer token and gateway-signed identity headers (see `authenticate`).
 */
export const AS_STAFF = {
  'x-oversight-org': 'sfj',
  'x-oversight-user': 'clerk-wang',
  'x-oversight-roles': 'clerk',
};
export const AS_HEAD = { ...AS_STAFF, 'x-oversight-user': 'head-li', 'x-oversight-roles': 'head' };
export const AS_REVIEWER = {
  ...AS_STAFF,
  'x-oversight-user': 'reviewer-zhang',
  'x-oversight-roles': 'reviewer',
};
export const AS_ADMIN = { ...AS_STAFF, 'x-oversight-user': 'admin-chen', 'x-oversight-roles': 'admin' };
export const asAgency = (org: string, roles = 'clerk') => ({
  'x-oversight-org': org,
  'x-oversight-user': `officer-${org}`,
  'x-oversight-roles': roles,
});
/** Staff of any organisation with the given roles (comma-separated). */
export const asStaff = (org: string, roles = 'clerk', user = `${org}-${roles.replace(/,/g, '-')}`) => ({
  'x-oversight-org': org,
  'x-oversight-user': user,
  'x-oversight-roles': roles,
});
