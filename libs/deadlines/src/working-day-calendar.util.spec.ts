import { CHINA_CALENDAR } from './china-calendar.util';
import { WorkingDayCalendar } from './working-day-calendar.util';

describe('WorkingDayCalendar with the official arrangements', () => {
  const calendar = CHINA_CALENDAR;

  it('treats the 调休 Sunday before National Day 2025 as a working day', () => {
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true);
    expect(calendar.isWorkingDay('2025-10-11')).toBe(true); // Saturday worked after the holiday
  });

  it('treats the whole National Day and Mid-Autumn block 2025-10-01..08 as rest days', () => {
    for (let d = 1; d <= 8; d += 1) {
      expect(calendar.isWorkingDay(`2025-10-0${d}`)).toBe(false);
    }
    expect(calendar.isWorkingDay('2025-10-09')).toBe(true);
  });

  it('keeps ordinary weekends and weekdays', () => {
    expect(calendar.isWorkingDay('2025-09-27')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2025-09-29')).toBe(true); // Monday
  });

  it('counts 5 working days from Monday 2025-09-29 across National Day to Monday 2025-10-13', () => {
    // 09-30 (1), holiday 10-01..08, 10-09 (2), 10-10 (3), Saturday 10-11 worked (4), Sunday off, 10-13 (5).
    expect(calendar.addWorkingDays('2025-09-29', 5)).toBe('2025-10-13');
  });

  it('does not count the starting day, even when it is a working day', () => {
    expect(calendar.addWorkingDays('2025-09-29', 1)).toBe('2025-09-30');
    expect(calendar.addWorkingDays('2025-09-29', 0)).toBe('2025-09-29');
  });

  it('counts backwards with a negative number', () => {
    expect(calendar.addWorkingDays('2025-10-09', -1)).toBe('2025-09-30');
    expect(calendar.addWorkingDays('2025-10-13', -5)).toBe('2025-09-29');
  });

  it('finds the next working day after a holiday or onto a make-up Saturday', () => {
    expect(calendar.nextWorkingDay('2025-10-01')).toBe('2025-10-09');
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-14'); // Saturday worked before Spring Festival
    expect(calendar.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
  });

  it('counts working days in a half-open interval, signed', () => {
    expect(calendar.workingDaysBetween('2025-09-29', '2025-10-13')).toBe(5);
    expect(calendar.workingDaysBetween('2025-10-13', '2025-09-29')).toBe(-5);
    expect(calendar.workingDaysBetween('2025-10-01', '2025-10-01')).toBe(0);
    expect(calendar.workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
  });

  it('covers 2024 to 2026 and nothing else', () => {
    expect([2023, 2024, 2025, 2026, 2027].map((y) => calendar.covers(y))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('rejects a malformed day', () => {
    expect(() => calendar.isWorkingDay('2025/10/01')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2025-10-01', 1.5)).toThrow(RangeError);
  });
});

describe('WorkingDayCalendar without an official arrangement (2030)', () => {
  const calendar = CHINA_CALENDAR;

  it('reports that 2030 is not covered so callers can warn', () => {
    expect(calendar.covers(2030)).toBe(false);
  });

  it('rests on weekends and works Monday to Friday', () => {
    expect(calendar.isWorkingDay('2030-01-05')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2030-01-06')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2030-01-07')).toBe(true); // Monday
  });

  it('still rests on the holidays whose dates are fixed by law', () => {
    expect(calendar.isWorkingDay('2030-01-01')).toBe(false); // Tuesday, New Year
    expect(calendar.isWorkingDay('2030-05-01')).toBe(false); // Wednesday, Labour Day
    expect(calendar.isWorkingDay('2030-05-02')).toBe(false); // Thursday, second Labour Day since 2025
    expect(calendar.isWorkingDay('2030-05-03')).toBe(true);
    expect(['2030-10-01', '2030-10-02', '2030-10-03'].map((d) => calendar.isWorkingDay(d))).toEqual([
      false,
      false,
      false,
    ]);
    expect(calendar.isWorkingDay('2030-10-04')).toBe(true); // Friday
  });

  it('counts across the year boundary', () => {
    expect(calendar.addWorkingDays('2029-12-31', 1)).toBe('2030-01-02');
  });
});

describe('WorkingDayCalendar data checks', () => {
  const source = 'test notice';

  it('rejects a day listed both as a holiday and as a working day', () => {
    expect(
      () =>
        new WorkingDayCalendar({
          years: { 2031: { holidays: ['2031-01-04'], workdays: ['2031-01-04'], source } },
        }),
    ).toThrow(/both rest and work/);
  });

  it('rejects a day outside its year', () => {
    expect(
      () => new WorkingDayCalendar({ years: { 2031: { holidays: ['2032-01-01'], workdays: [], source } } }),
    ).toThrow(/outside the year/);
  });

  it('accepts make-up days at the end of the previous December', () => {
    const calendar = new WorkingDayCalendar({
      years: { 2031: { holidays: [], workdays: ['2030-12-28'], source } },
    });
    expect(calendar.isWorkingDay('2030-12-28')).toBe(true); // a Saturday
  });
});
