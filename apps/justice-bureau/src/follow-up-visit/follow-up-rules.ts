import type { DeadlineRule } from '@oversight/deadlines';

export type FollowUpCaseKind = 'enforcement' | 'reconsideration' | 'litigation';
export const FOLLOW_UP_CASE_KINDS: FollowUpCaseKind[] = ['enforcement', 'reconsideration', 'litigation'];

export const CASE_KIND_LABEL: Record<FollowUpCaseKind, string> = {
  enforcement: '行政执法',
  reconsideration: '行政复议',
  litigation: '行政诉讼',
};

/** The plan's sentence on follow-up visits; it asks for a set ratio but does not set one. */
export const FOLLOW_UP_BASIS =
  '《实施方案》四（四）2：建立行政执法、行政复议、行政诉讼案件回访制度，明确案件回访比例、回访人员、回访结果处理等内容';

/**
 * Follow-up visits (回访): the sampling ratio per kind of closed case, the visit's deadline and what counts
 * as (dis)satisfied. The plan leaves the ratio to the county: these are local practice [local], and a draw
 * may use other ratios (it records the ones it used).
 */
export const FOLLOW_UP_RULES = {
  ratios: {
    enforcement: 0.1,
    reconsideration: 0.2,
    litigation: 0.2,
  } satisfies Record<FollowUpCaseKind, number>,
  ratioSource: 'local' as const,
  ratioBasis: `${FOLLOW_UP_BASIS}；比例为本县实践 [local]：行政执法案件10%，行政复议、行政诉讼案件各20%，每类有案件时至少抽取1件`,
  visitDue: {
    ruleId: 'follow-up.visit',
    length: 10,
    unit: 'working-days',
    source: 'local',
    basis: `${FOLLOW_UP_BASIS}；回访期限为本县实践 [local]：自抽取之日起10个工作日内完成回访`,
  } satisfies DeadlineRule,
  /** Satisfaction is scored 1–5; at or above: satisfied; at or below: dissatisfied (asks for supervision). */
  satisfiedAtLeast: 4,
  dissatisfiedAtMost: 2,
  satisfactionBasis: `${FOLLOW_UP_BASIS}；满意度按1—5分记录，4分以上为满意，2分以下为不满意并启动监督 [local]`,
};
