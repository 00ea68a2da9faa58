import { CLUE_FEEDBACK_RULES } from '@oversight/clue-referral';
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
  ...CLUE_FEEDBACK_RULES,
} as const satisfies Record<string, DeadlineRule>;
