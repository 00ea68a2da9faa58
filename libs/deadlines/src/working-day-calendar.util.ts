import { addCalendarDays, assertCalendarDay, dayNumber, weekday } from './beijing-time.util';

/** One year's official arrangement, as published by the State Council General Office. */
export interface HolidayYearData {
  /** Rest days of the arrangement (YYYY-MM-DD), weekend days inside a holiday block included. */
  holidays: string[];
  /** Weekend days turned into working days (调休 make-up days), YYYY-MM-DD. */
  workdays: string[];
  /** The notice the dates were read from. */
  source: string;
}

export interface HolidayCalendarData {
  years: { [year: number]: HolidayYearData };
}

/**
 * Holidays whose Gregorian dates are fixed by 全国年节及纪念日放假办法 (Art. 2), used for years without an
 * official arrangement. The lunar festivals (春节, 清明, 端午, 中秋) move and cannot be placed without one.
 */
function fixedStatutoryHolidays(year: number): string[] {
  const days = ['01-01', '05-01', '10-01', '10-02', '10-03'];
  // The 2024 revision (in force 2025-01-01) gave 劳动节 a second day, 5月1日、2日.
  if (year >= 2025) days.push('05-02');
  return days.map((monthDay) => `${String(year).padStart(4, '0')}-${monthDay}`);
}

/**
 * Chinese working days: Monday to Friday, minus statutory holidays, plus the 调休 weekend days that the
 * yearly State Council notice turns into working days. Days are Beijing calendar days ('YYYY-MM-DD').
 */
export class WorkingDayCalendar {
  private readonly holidays = new Set<string>();
  private readonly workdays = new Set<string>();
  private readonly coveredYears = new Set<number>();

  constructor(data: HolidayCalendarData) {
    for (const [key, year] of Object.entries(data.years)) {
      const yearNumber = Number(key);
      if (!/^\d{4}$/.test(key)) throw new RangeError(`Holiday data: not a year: ${key}`);
      for (const day of [...year.holidays, ...year.workdays]) {
        assertCalendarDay(day);
        // A notice may reach back into the last days of the previous December.
        const inYear = day.startsWith(`${key}-`) || day.startsWith(`${yearNumber - 1}-12-`);
        if (!inYear) throw new RangeError(`Holiday data ${key}: ${day} is outside the year`);
      }
      for (const day of year.holidays) this.holidays.add(day);
      for (const day of year.workdays) {
        if (this.holidays.has(day)) throw new RangeError(`Holiday data ${key}: ${day} is both rest and work`);
        this.workdays.add(day);
      }
      this.coveredYears.add(yearNumber);
    }
  }

  /** Whether `year` has an official arrangement; without one, only weekends and fixed-date holidays are known. */
  covers(year: number): boolean {
    return this.coveredYears.has(year);
  }

  /** Whether `day` (YYYY-MM-DD, Beijing date) is a working day. */
  isWorkingDay(day: string): boolean {
    const dayOfWeek = weekday(day);
    if (this.workdays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    const year = Number(day.slice(0, 4));
    if (!this.covers(year) && fixedStatutoryHolidays(year).includes(day)) return false;
    return dayOfWeek !== 0 && dayOfWeek !== 6;
  }

  /**
   * The `n`-th working day after `day`, `day` itself not counted; with a negative `n`, the `|n|`-th working
   * day before it. `n = 0` returns `day` unchanged.
   */
  addWorkingDays(day: string, n: number): string {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Working days must be a whole number: ${n}`);
    const step = n < 0 ? -1 : 1;
    assertCalendarDay(day);
    let current = day;
    for (let remaining = Math.abs(n); remaining > 0; ) {
      current = addCalendarDays(current, step);
      if (this.isWorkingDay(current)) remaining -= 1;
    }
    return current;
  }

  /** The first working day strictly after `day`. */
  nextWorkingDay(day: string): string {
    return this.addWorkingDays(day, 1);
  }

  /** The number of working days in (fromDay, toDay]; negative when `toDay` precedes `fromDay`. */
  workingDaysBetween(fromDay: string, toDay: string): number {
    const from = dayNumber(fromDay);
    const to = dayNumber(toDay);
    if (to < from) return -this.workingDaysBetween(toDay, fromDay);
    let count = 0;
    for (let day = fromDay; day !== toDay; ) {
      day = addCalendarDays(day, 1);
      if (this.isWorkingDay(day)) count += 1;
    }
    return count;
  }
}
