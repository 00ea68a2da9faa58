import { CLUE_FEEDBACK_RULES } from '@oversight/clue-referral';
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
  ...CLUE_FEEDBACK_RULES,
} as const satisfies Record<string, DeadlineRule>;
