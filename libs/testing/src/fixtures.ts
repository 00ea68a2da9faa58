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

/** Caller headers (until the identity issue): a justice-bureau clerk, its head, an agency's officer. */
export const AS_STAFF = { 'x-oversight-org': 'sfj', 'x-oversight-user': 'clerk-wang' };
export const AS_HEAD = { ...AS_STAFF, 'x-oversight-user': 'head-li', 'x-oversight-roles': 'head' };
export const asAgency = (org: string) => ({ 'x-oversight-org': org, 'x-oversight-user': `officer-${org}` });
