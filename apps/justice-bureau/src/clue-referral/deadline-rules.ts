import type { DeadlineRule } from '@oversight/deadlines';

/**
 * Deadlines of the bureau's clue referrals to the discipline commission (domain.md §2.3), as data. The
 * obligation to refer is law (《中华人民共和国监察法》第三十四条; 国务院令第310号 第十八条、第十九条) but
 * neither text fixes a time: every period below is county practice (`source: 'local'`, domain.md [local]),
 * so the county changes this table, not the code. Units are configurable here (working or natural days).
 */
export const CLUE_DEADLINE_RULES = {
  /** From the conclusive finding to the referral leaving the bureau, approval included. */
  referralSending: {
    ruleId: 'clue-referral.sending',
    length: 15,
    unit: 'working-days',
    source: 'local',
    basis: '本县问题线索移送工作机制：认定存在问题线索之日起15个工作日内，经负责人审批后移送纪检监察机关',
  },
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
