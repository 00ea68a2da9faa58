import type { AcceptanceCalendarV1, AssessmentOutcome } from '@oversight/contracts';
import { beijingDate, endOfBeijingDay } from '@oversight/deadlines';
import type { Bilingual } from '@oversight/platform';

/**
 * The campaign calendar of the plan (《实施方案》五、工作步骤), as data: month and day in the campaign's
 * year, each with the sentence it comes from. A campaign may move any of them; these are the defaults.
 */
export const PLAN_CALENDAR = {
  planDueDate: {
    monthDay: '04-30',
    label: { zh: '工作方案报送截止', en: 'work plan due' },
    basis: '《实施方案》五（一）：其他县直行政执法部门和镇（区）工作方案于4月30日前报县司法局',
  },
  creationStartDate: {
    monthDay: '04-21',
    label: { zh: '创建阶段开始', en: 'creation period starts' },
    basis: '《实施方案》五（二）：开展创建阶段（4月21日—8月25日）',
  },
  selfCheckStartDate: {
    monthDay: '08-10',
    label: { zh: '自查开始', en: 'self-check opens' },
    basis: '《实施方案》五（二）：8月10日至15日，各单位自查',
  },
  selfCheckEndDate: {
    monthDay: '08-15',
    label: { zh: '自查结束', en: 'self-check closes' },
    basis: '《实施方案》五（二）：8月10日至15日，各单位自查',
  },
  acceptanceStartDate: {
    monthDay: '08-16',
    label: { zh: '验收开始', en: 'acceptance opens' },
    basis: '《实施方案》五（二）：8月16日至25日，县司法局组织验收',
  },
  acceptanceEndDate: {
    monthDay: '08-25',
    label: { zh: '验收结束', en: 'acceptance closes' },
    basis: '《实施方案》五（二）：8月16日至25日，县司法局组织验收',
  },
  summaryStartDate: {
    monthDay: '08-26',
    label: { zh: '评估总结开始', en: 'summary opens' },
    basis: '《实施方案》五（三）：评估总结阶段（8月26日—9月15日），整理工作台帐，迎接省优化办验收',
  },
  summaryEndDate: {
    monthDay: '09-15',
    label: { zh: '评估总结结束', en: 'summary closes' },
    basis: '《实施方案》五（三）：评估总结阶段（8月26日—9月15日），整理工作台帐，迎接省优化办验收',
  },
} as const;

export type CalendarField = keyof typeof PLAN_CALENDAR;
/** The campaign's dates, Beijing calendar days 'YYYY-MM-DD'. */
export type CampaignDays = Record<CalendarField, string>;

export const CALENDAR_FIELDS = Object.keys(PLAN_CALENDAR) as CalendarField[];

/** The order the dates must keep: each pair is (earlier, later, may they be the same day). */
const ORDER: [CalendarField, CalendarField, boolean][] = [
  ['creationStartDate', 'selfCheckStartDate', false],
  ['planDueDate', 'selfCheckStartDate', false],
  ['selfCheckStartDate', 'selfCheckEndDate', true],
  ['selfCheckEndDate', 'acceptanceStartDate', false],
  ['acceptanceStartDate', 'acceptanceEndDate', true],
  ['acceptanceEndDate', 'summaryStartDate', false],
  ['summaryStartDate', 'summaryEndDate', true],
];

/** The plan's dates in `year`, with any the office chose instead. */
export function campaignDays(year: number, chosen: Partial<CampaignDays> = {}): CampaignDays {
  const days = {} as CampaignDays;
  for (const field of CALENDAR_FIELDS) {
    days[field] = chosen[field] ?? `${year}-${PLAN_CALENDAR[field].monthDay}`;
  }
  return days;
}

/** What is wrong with the order of the dates, one message per broken pair; empty when they are fine. */
export function calendarErrors(days: CampaignDays): Bilingual[] {
  const errors: Bilingual[] = [];
  for (const [earlier, later, sameDayAllowed] of ORDER) {
    const ok = sameDayAllowed ? days[earlier] <= days[later] : days[earlier] < days[later];
    if (!ok) {
      const a = PLAN_CALENDAR[earlier].label;
      const b = PLAN_CALENDAR[later].label;
      errors.push({
        zh: `${a.zh}（${days[earlier]}）应${sameDayAllowed ? '不晚于' : '早于'}${b.zh}（${days[later]}）`,
        en: `${a.en} (${days[earlier]}) must be ${sameDayAllowed ? 'on or before' : 'before'} ${b.en} (${days[later]})`,
      });
    }
  }
  return errors;
}

/** Beginning of a Beijing day: 00:00 +08:00. */
export function startOfBeijingDay(day: string): Date {
  return new Date(endOfBeijingDay(day).getTime() - 24 * 3600 * 1000);
}

/** The instants the process's timers run on: windows open at 00:00 and close at 24:00 Beijing time. */
export function calendarInstants(days: CampaignDays): AcceptanceCalendarV1 {
  return {
    planDueAt: endOfBeijingDay(days.planDueDate).toISOString(),
    creationStartsAt: startOfBeijingDay(days.creationStartDate).toISOString(),
    selfCheckStartsAt: startOfBeijingDay(days.selfCheckStartDate).toISOString(),
    selfCheckEndsAt: endOfBeijingDay(days.selfCheckEndDate).toISOString(),
    acceptanceStartsAt: startOfBeijingDay(days.acceptanceStartDate).toISOString(),
    acceptanceEndsAt: endOfBeijingDay(days.acceptanceEndDate).toISOString(),
    summaryStartsAt: startOfBeijingDay(days.summaryStartDate).toISOString(),
    summaryEndsAt: endOfBeijingDay(days.summaryEndDate).toISOString(),
  };
}

/** The last Beijing day a window (or deadline) ending at `instant` still covers. */
export function lastDay(instant: Date): string {
  return beijingDate(new Date(instant.getTime() - 1));
}

/** '2027年8月10日' for messages. */
export function chineseDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A window in both languages, from its opening and closing instants: 2027年8月10日至2027年8月15日. */
export function windowText(opens: Date, closes: Date): Bilingual {
  const from = beijingDate(opens);
  const to = lastDay(closes);
  return { zh: `${chineseDay(from)}至${chineseDay(to)}`, en: `${from} to ${to}` };
}

/**
 * The pass mark of the acceptance, as a percentage of the checklist weight that applies to the unit.
 * The plan gives none [local]; a campaign may set its own.
 */
export const PASS_SCORE = {
  value: 80,
  source: 'local',
  basis: '《实施方案》未规定验收合格分数线；由领导小组办公室在启动验收时确定，默认80分（百分制）',
} as const;

/**
 * How a unit's result feeds the annual rule-of-law assessment (法治建设考核). The plan: 对完成工作的单位…
 * 在年度的法治建设考核、评先评优中予以加分或者优先推荐；对任务落实不力，造成不良影响的单位…依法依规严肃追责.
 * "Completed" is read as accepted at the first inspection without a missed window [local].
 */
export const ASSESSMENT_RULES = {
  basis: '《实施方案》六（三）：对完成工作的单位予以加分或者优先推荐；对任务落实不力的单位依法依规严肃追责',
  outcome(
    result: 'accepted' | 'failed',
    rectificationRounds: number,
    lateWindows: number,
  ): AssessmentOutcome {
    if (result === 'failed') return 'accountability';
    return rectificationRounds === 0 && lateWindows === 0 ? 'credit' : 'none';
  },
  labels: {
    credit: '加分或优先推荐',
    none: '不加分',
    accountability: '追责',
  } satisfies Record<AssessmentOutcome, string>,
};
