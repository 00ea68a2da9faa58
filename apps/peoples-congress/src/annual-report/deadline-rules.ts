import type { DeadlineRule } from '@oversight/deadlines';

/**
 * The 监督法 has the government report to the standing committee on how it handled the deliberation
 * opinions but fixes no period: the period is county practice (`local`), changed here, not in the code.
 * This is the bureau's written reply to the standing committee's deliberation opinions on an annual report.
 */
export const DELIBERATION_REPLY_RULE = {
  ruleId: 'annual-report.deliberation-reply',
  length: 60,
  unit: 'natural-days',
  source: 'local',
  basis:
    '《中华人民共和国各级人民代表大会常务委员会监督法》：审议意见交由本级人民政府研究处理，研究处理情况向常务委员会提出书面报告；期限按本县人大常委会惯例为审议意见交办之日起两个月',
} as const satisfies DeadlineRule;
