import type { DeadlineRule } from '@oversight/deadlines';

/**
 * Deadlines of the acceptance campaign that are periods rather than calendar dates. The plan fixes the
 * campaign's calendar (see acceptance-calendar.ts) but says nothing about how long a failing unit has
 * to rectify: that is the leading-group office's practice [local], changed here.
 */
export const ACCEPTANCE_DEADLINE_RULES = {
  rectification: {
    ruleId: 'acceptance.rectification',
    length: 15,
    unit: 'natural-days',
    source: 'local',
    basis:
      '《实施方案》五（二）、六（三）：县司法局组织验收，对任务落实不力的单位责令整改；整改期限由验收组确定，本县实践为自验收期结束（或上次整改期满）之日起15日',
  },
} as const satisfies Record<string, DeadlineRule>;
