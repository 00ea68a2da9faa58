import type { DeadlineRule } from '@oversight/deadlines';

/**
 * The commission's clue deadlines (domain.md §2.3), as data. Receiving: the forwarding period of
 * 监察法实施条例 Art. 171 is law. Sending clues of enforcement failings to the justice bureau (双向协作): the
 * county's two-way arrangement fixes the feedback periods, the same ones the bureau applies to its own
 * referrals (`source: 'local'`, domain.md [local]), so the county changes this table, not the code.
 */
export const CLUE_DEADLINE_RULES = {
  /** A clue within another supervisory commission's jurisdiction is forwarded to it. */
  forwardJurisdiction: {
    ruleId: 'clue.forward',
    length: 5,
    unit: 'working-days',
    source: 'law',
    basis:
      '《中华人民共和国监察法实施条例》第一百七十一条：属于其他监察机关管辖的，应当在五个工作日以内予以转送',
  },
  /** From the conclusive finding to the referral leaving the commission, approval included. */
  referralSending: {
    ruleId: 'clue-referral.sending',
    length: 15,
    unit: 'working-days',
    source: 'local',
    basis:
      '本县纪检监察机关与行政执法监督机关双向协作机制：发现行政执法问题线索之日起15个工作日内，经负责人审批后移送司法行政机关',
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
