import type { DeadlineCitation } from '@oversight/contracts';

/**
 * Statutory deadlines as data, each with its legal basis. Lengths are the law's; where local practice
 * differs (domain.md marks it [local]) the county changes the table, not the code.
 */
export const DEADLINE_RULES = {
  complaintAcceptance: {
    ruleId: 'complaint.acceptance',
    length: 15,
    unit: 'natural-days',
    basis: '《信访工作条例》第二十二条、第二十三条：收到之日起15日内决定是否受理并告知',
  },
  complaintHandling: {
    ruleId: 'complaint.handling',
    length: 60,
    unit: 'natural-days',
    basis: '《信访工作条例》第三十四条：自受理之日起60日内办结，可延长不超过30日',
  },
} as const satisfies Record<string, DeadlineCitation>;

const HOUR_MS = 3600 * 1000;

/** When a deadline falls, counted from `start`. Working days need the holiday calendar (not yet built). */
export function dueAt(rule: DeadlineCitation, start: Date): Date {
  switch (rule.unit) {
    case 'hours':
      return new Date(start.getTime() + rule.length * HOUR_MS);
    case 'natural-days':
      return new Date(start.getTime() + rule.length * 24 * HOUR_MS);
    case 'working-days':
      throw new Error(
        `rule ${rule.ruleId}: working-day deadlines need the holiday calendar, which is not built yet`,
      );
  }
}
