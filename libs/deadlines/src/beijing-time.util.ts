// Calendar days are plain 'YYYY-MM-DD' strings in Beijing time. China has used UTC+8 all year since 1992,
// so a fixed offset is exact and no time-zone database is needed.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a 'YYYY-MM-DD' string; throws on anything that is not a real calendar date. */
export function dayNumber(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (match) {
    const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // setUTCFullYear, unlike Date.UTC, leaves years 0-99 alone; the round trip rejects dates like 02-30.
    const epochMs = new Date(Date.UTC(2000, month - 1, date)).setUTCFullYear(year);
    if (new Date(epochMs).toISOString().slice(0, 10) === day) {
      return epochMs / DAY_MS;
    }
  }
  throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
}

/** Throws unless `day` is a real calendar day written 'YYYY-MM-DD'. */
export function assertCalendarDay(day: string): void {
  dayNumber(day);
}

/** The 'YYYY-MM-DD' string of a day number. */
export function dayFromNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The day `n` calendar days after `day` (before it when `n` is negative). */
export function addCalendarDays(day: string, n: number): string {
  return dayFromNumber(dayNumber(day) + n);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber(day) + 4) % 7) + 7) % 7;
}

/** Throws unless `instant` is a Date holding a real time. */
export function assertValidInstant(instant: Date, name = 'instant'): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`${name} is not a valid instant: ${String(instant)}`);
  }
}

/** The calendar day (YYYY-MM-DD) of `instant` in Beijing time (Asia/Shanghai, UTC+8, no DST). */
export function beijingDate(instant: Date): string {
  assertValidInstant(instant);
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant 24:00 Beijing time of `day`, i.e. 00:00 +08:00 of the following day. */
export function endOfBeijingDay(day: string): Date {
  return new Date((dayNumber(day) + 1) * DAY_MS - BEIJING_OFFSET_MS);
}

/** The Beijing day an instant closes: 24:00 of day D belongs to D, not to D + 1. */
export function closingBeijingDate(instant: Date): string {
  assertValidInstant(instant);
  return beijingDate(new Date(instant.getTime() - 1));
}

export const MS_PER_HOUR = 60 * 60 * 1000;
