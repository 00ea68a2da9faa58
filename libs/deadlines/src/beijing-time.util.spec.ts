import {
  addCalendarDays,
  beijingDate,
  closingBeijingDate,
  endOfBeijingDay,
  weekday,
} from './beijing-time.util';

describe('beijingDate', () => {
  it('is still the same Beijing day one millisecond before 16:00 UTC', () => {
    expect(beijingDate(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
  });

  it('turns to the next Beijing day at 16:00 UTC, eight hours before UTC midnight', () => {
    expect(beijingDate(new Date('2025-09-30T16:00:00.000Z'))).toBe('2025-10-01');
  });

  it('is already the next day at UTC midnight', () => {
    expect(beijingDate(new Date('2025-10-01T00:00:00.000Z'))).toBe('2025-10-01');
    expect(beijingDate(new Date('2025-12-31T23:59:00.000Z'))).toBe('2026-01-01');
  });

  it('reads an instant written with the +08:00 offset as that local day', () => {
    expect(beijingDate(new Date('2026-02-15T00:00:00+08:00'))).toBe('2026-02-15');
  });

  it('rejects an invalid Date', () => {
    expect(() => beijingDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('endOfBeijingDay', () => {
  it('is 24:00 Beijing time, i.e. 16:00 UTC of the same date', () => {
    expect(endOfBeijingDay('2025-09-30').toISOString()).toBe('2025-09-30T16:00:00.000Z');
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(endOfBeijingDay('2025-12-31').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(endOfBeijingDay('2028-02-29').toISOString()).toBe('2028-02-29T16:00:00.000Z');
    expect(beijingDate(endOfBeijingDay('2028-02-28'))).toBe('2028-02-29');
  });

  it('rejects impossible or malformed days', () => {
    expect(() => endOfBeijingDay('2025-02-29')).toThrow(RangeError);
    expect(() => endOfBeijingDay('2025-9-30')).toThrow(RangeError);
    expect(() => endOfBeijingDay('0099-01-01')).not.toThrow();
  });
});

describe('calendar-day helpers', () => {
  it('adds days across a leap February', () => {
    expect(addCalendarDays('2028-02-27', 3)).toBe('2028-03-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('knows the day of the week', () => {
    expect(weekday('2025-09-28')).toBe(0); // Sunday
    expect(weekday('2025-09-29')).toBe(1); // Monday
    expect(weekday('1969-12-31')).toBe(3); // Wednesday, before the epoch
  });

  it('counts 24:00 as the end of a day, not the start of the next one', () => {
    expect(closingBeijingDate(endOfBeijingDay('2025-10-09'))).toBe('2025-10-09');
    expect(closingBeijingDate(new Date('2025-10-09T10:00:00+08:00'))).toBe('2025-10-09');
  });
});
