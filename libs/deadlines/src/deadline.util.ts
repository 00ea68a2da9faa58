import type { DeadlineCitation } from '@oversight/contracts';
import {
  addCalendarDays,
  assertValidInstant,
  beijingDate,
  closingBeijingDate,
  endOfBeijingDay,
  MS_PER_HOUR,
} from './beijing-time.util';
import { CHINA_CALENDAR } from './china-calendar.util';
import type { WorkingDayCalendar } from './working-day-calendar.util';

type DeadlineUnit = DeadlineCitation['unit'];

/** A deadline rule of the rule table: a citation plus where it comes from and how it may be extended. */
export interface DeadlineRule extends DeadlineCitation {
  /** 'law' = read in the primary legal text; 'local' = local practice, configurable */
  source: 'law' | 'local';
  /** natural-day periods whose last day is a rest day end on the next working day (default true for natural-days) */
  rollOverRestDays?: boolean;
  extension?: { maxLength: number; unit: DeadlineUnit; approver: string; basis: string };
}

function assertLength(length: number, unit: DeadlineUnit): void {
  const whole = unit === 'hours' ? Number.isFinite(length) : Number.isSafeInteger(length);
  if (!whole || length < 0) {
    throw new RangeError(
      `A period of ${unit} must be a non-negative ${unit === 'hours' ? 'number' : 'integer'}: ${length}`,
    );
  }
}

/**
 * When the deadline falls, counted from `start` (Chinese rules: the starting day is not counted; day periods
 * end at 24:00 of the last day).
 *
 * - `hours`: exactly `length` hours after `start`, holidays included.
 * - `natural-days`: 24:00 Beijing time of the day `length` days after the start day. If that day is a rest
 *   day, the period ends on the next working day instead, unless `rollOverRestDays` is false.
 * - `working-days`: 24:00 of the `length`-th working day after the start day.
 */
export function dueAt(
  rule: DeadlineCitation & { rollOverRestDays?: boolean },
  start: Date,
  calendar: WorkingDayCalendar = CHINA_CALENDAR,
): Date {
  assertValidInstant(start, 'start');
  assertLength(rule.length, rule.unit);
  if (rule.unit === 'hours') return new Date(start.getTime() + rule.length * MS_PER_HOUR);
  return endOfDayPeriod(
    beijingDate(start),
    rule.length,
    rule.unit,
    rule.rollOverRestDays !== false,
    calendar,
  );
}

/** 24:00 of the last day of a day period whose first (uncounted) day is `startDay`. */
function endOfDayPeriod(
  startDay: string,
  length: number,
  unit: Exclude<DeadlineUnit, 'hours'>,
  rollOverRestDays: boolean,
  calendar: WorkingDayCalendar,
): Date {
  // Working-day periods (e.g. 行政处罚法 第八十五条, 行政许可法 第八十二条) skip 法定节假日 altogether.
  if (unit === 'working-days') return endOfBeijingDay(calendar.addWorkingDays(startDay, length));
  // 民法典 第二百零一条、第二百零三条; 民事诉讼法 第八十五条: the day the period starts is not counted;
  // when the last day is a 法定休假日 (weekends included in court practice), the period ends on the first
  // working day after it; the last day ends at 24:00.
  const lastDay = addCalendarDays(startDay, length);
  const rollOver = rollOverRestDays && !calendar.isWorkingDay(lastDay);
  return endOfBeijingDay(rollOver ? calendar.nextWorkingDay(lastDay) : lastDay);
}

/**
 * A reminder instant `before` (same unit semantics, e.g. 3 natural days or 1 working day) ahead of `due`,
 * never before `start`.
 *
 * Day units move the day `due` closes on and keep the time of day, so a reminder for a 24:00 deadline is at
 * 24:00 too: 3 natural days ahead of 24:00 on the 10th is 24:00 on the 7th. `n` working days ahead is the
 * same time on the `n`-th working day before the last working day of the period, so `n` working days remain
 * and a reminder that would fall in a holiday comes before the holiday instead.
 */
export function remindAt(
  due: Date,
  start: Date,
  before: { length: number; unit: DeadlineUnit },
  calendar: WorkingDayCalendar = CHINA_CALENDAR,
): Date {
  assertValidInstant(due, 'due');
  assertValidInstant(start, 'start');
  assertLength(before.length, before.unit);
  if (due.getTime() < start.getTime()) {
    throw new RangeError(`due (${due.toISOString()}) precedes start (${start.toISOString()})`);
  }
  let reminder: number;
  if (before.unit === 'hours') {
    reminder = due.getTime() - before.length * MS_PER_HOUR;
  } else {
    const dueDay = closingBeijingDate(due);
    const timeOfDay = due.getTime() - endOfBeijingDay(dueDay).getTime();
    let reminderDay: string;
    if (before.unit === 'natural-days') {
      reminderDay = addCalendarDays(dueDay, -before.length);
    } else {
      const lastWorkingDay = calendar.isWorkingDay(dueDay) ? dueDay : calendar.addWorkingDays(dueDay, -1);
      reminderDay = calendar.addWorkingDays(lastWorkingDay, -before.length);
    }
    reminder = endOfBeijingDay(reminderDay).getTime() + timeOfDay;
  }
  return new Date(Math.max(reminder, start.getTime()));
}

/**
 * Extends a due date by `length` `unit` (for approved extensions), same counting rules, from the old due
 * instant: the extension starts the day after the day `due` closes, day periods end at 24:00, and a natural-day
 * extension ending on a rest day rolls over to the next working day.
 */
export function extend(
  due: Date,
  length: number,
  unit: DeadlineUnit,
  calendar: WorkingDayCalendar = CHINA_CALENDAR,
): Date {
  assertValidInstant(due, 'due');
  assertLength(length, unit);
  if (unit === 'hours') return new Date(due.getTime() + length * MS_PER_HOUR);
  // A deadline at 24:00 of day D closes D, so the extension's first counted day is D + 1.
  return endOfDayPeriod(closingBeijingDate(due), length, unit, true, calendar);
}
