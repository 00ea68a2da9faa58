import type { DeadlineRule } from '@oversight/deadlines';

/**
 * Deadlines of a supervision case (行政执法监督检查案件). The plan (四（四）1) unifies the documents of the
 * procedure but sets no periods, and no provincial rule was read for them: every period here is the
 * justice bureau's practice [local] and is changed in this table, not in the code.
 */
export const SUPERVISION_DEADLINE_RULES = {
  filingReview: {
    ruleId: 'supervision.filing-review',
    length: 7,
    unit: 'working-days',
    source: 'local',
    basis: '本县行政执法监督工作规范：立案审批表报送后7个工作日内由负责人作出立案或不予立案的决定',
  },
  investigation: {
    ruleId: 'supervision.investigation',
    length: 30,
    unit: 'natural-days',
    source: 'local',
    basis: '本县行政执法监督工作规范：立案之日起30日内调查终结并提出处理意见',
  },
  handlingReview: {
    ruleId: 'supervision.handling-review',
    length: 7,
    unit: 'working-days',
    source: 'local',
    basis: '本县行政执法监督工作规范：处理审批表报送后7个工作日内由负责人审批',
  },
  rectification: {
    ruleId: 'supervision.rectification',
    length: 30,
    unit: 'natural-days',
    source: 'local',
    basis:
      '《实施方案》二（一）4、四（四）1：适时下发行政执法监督检查意见书（建议书）；被监督单位自收到之日起30日内整改并书面回复（处理决定可另定期限）',
  },
  rectificationReview: {
    ruleId: 'supervision.rectification-review',
    length: 10,
    unit: 'working-days',
    source: 'local',
    basis: '本县行政执法监督工作规范：收到整改情况回复后10个工作日内审查，认可的结案，不认可的再次限期整改',
  },
} as const satisfies Record<string, DeadlineRule>;

/** The longest rectification period a decision may set instead of the default [local]. */
export const MAX_RECTIFICATION_DAYS = 90;

/** The plan section the assessment input cites. */
export const SUPERVISION_ASSESSMENT_BASIS =
  '《实施方案》四（四）1（统一监督文书标准）、六（一）1（强化行政执法监督结果应用，纳入法治建设考核）';
