import type { DeadlineRule } from '@oversight/deadlines';

/**
 * The feedback periods of the county's two-way cooperation mechanism (双向协作机制) for referred clues,
 * the same whichever body refers (justice bureau, discipline commission, people's congress): county
 * practice (`source: 'local'`, domain.md [local]), stated once; each sender adds its own sending period.
 */
export const CLUE_FEEDBACK_RULES = {
  /** 回执: the receiver registers the clue and acknowledges it. */
  receiptFeedback: {
    ruleId: 'clue-referral.receipt',
    length: 5,
    unit: 'working-days',
    source: 'local',
    basis: '本县纪检监察机关与行政执法监督机关双向协作机制：收到移送的问题线索后5个工作日内登记并出具回执',
  },
  /** 办理情况: jurisdiction and the chosen disposal. */
  statusFeedback: {
    ruleId: 'clue-referral.status',
    length: 15,
    unit: 'working-days',
    source: 'local',
    basis:
      '《纪检监察机关处理检举控告工作规则》：15个工作日内告知受理情况；本县双向协作机制参照适用于移送线索办理情况的反馈',
  },
  /** 处置结果: the disposal and its outcome. */
  resultFeedback: {
    ruleId: 'clue-referral.result',
    length: 90,
    unit: 'natural-days',
    source: 'local',
    basis:
      '本县双向协作机制：移送之日起90日内反馈处置结果（参照《纪检监察机关处理检举控告工作规则》办结后15个工作日内告知处理结果）',
  },
  /** Overdue feedback is first reminded (催告) at its due date, then escalated to the liaison meeting. */
  feedbackEscalation: {
    ruleId: 'clue-referral.escalation',
    length: 5,
    unit: 'working-days',
    source: 'local',
    basis: '本县双向协作机制：反馈逾期的，移送机关催告；催告后5个工作日内仍未反馈的，提交联席会议研究督办',
  },
} as const satisfies Record<string, DeadlineRule>;
