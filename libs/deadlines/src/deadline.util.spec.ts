import type { DeadlineCitation } from '@oversight/contracts';
import { dueAt, extend, remindAt } from './deadline.util';
import { WorkingDayCalendar } from './working-day-calendar.util';

const rule = (length: number, unit: DeadlineCitation['unit'], rollOverRestDays?: boolean) => ({
  ruleId: 'test-rule',
  length,
  unit,
  basis: '测试依据',
  rollOverRestDays,
});
const iso = (date: Date) => date.toISOString();

describe('dueAt', () => {
  it('adds hours exactly, holidays included', () => {
    const start = new Date('2025-09-30T10:00:00+08:00');
    expect(iso(dueAt(rule(72, 'hours'), start))).toBe('2025-10-03T02:00:00.000Z'); // 10:00 on 10-03 Beijing
  });

  it('ends a working-day period at 24:00 of the 5th working day after the start day, skipping National Day', () => {
    const start = new Date('2025-09-29T09:30:00+08:00');
    expect(iso(dueAt(rule(5, 'working-days'), start))).toBe('2025-10-13T16:00:00.000Z');
  });

  it('counts from the Beijing day of the start, not the UTC day', () => {
    const start = new Date('2025-09-28T20:00:00Z'); // 04:00 on Monday 09-29 in Beijing
    expect(iso(dueAt(rule(1, 'working-days'), start))).toBe('2025-09-30T16:00:00.000Z');
  });

  it('rolls a natural-day period whose last day is a holiday over to the next working day', () => {
    const start = new Date('2025-09-26T15:00:00+08:00'); // 5 days later is 10-01
    expect(iso(dueAt(rule(5, 'natural-days'), start))).toBe('2025-10-09T16:00:00.000Z');
  });

  it('keeps the holiday as the last day when roll-over is switched off', () => {
    const start = new Date('2025-09-26T15:00:00+08:00');
    expect(iso(dueAt(rule(5, 'natural-days', false), start))).toBe('2025-10-01T16:00:00.000Z');
  });

  it('rolls a natural-day period ending on an ordinary Sunday over to Monday', () => {
    const start = new Date('2025-09-15T11:00:00+08:00');
    expect(iso(dueAt(rule(6, 'natural-days'), start))).toBe('2025-09-22T16:00:00.000Z');
  });

  it('does not roll over when the last day is a 调休 Saturday worked', () => {
    const start = new Date('2025-10-04T11:00:00+08:00'); // 7 days later is Saturday 10-11, a working day
    expect(iso(dueAt(rule(7, 'natural-days'), start))).toBe('2025-10-11T16:00:00.000Z');
  });

  it('falls back to weekends and fixed-date holidays in a year without official data', () => {
    const start = new Date('2030-09-30T10:00:00+08:00'); // Monday; 10-01..03 are fixed holidays
    expect(iso(dueAt(rule(2, 'working-days'), start))).toBe('2030-10-07T16:00:00.000Z');
  });

  it('uses the calendar it is given', () => {
    const bare = new WorkingDayCalendar({ years: {} }); // only weekends and fixed-date holidays
    const start = new Date('2025-09-29T09:30:00+08:00');
    expect(iso(dueAt(rule(5, 'working-days'), start, bare))).toBe('2025-10-09T16:00:00.000Z');
  });

  it('rejects negative lengths, fractional days and invalid starts', () => {
    const start = new Date('2025-09-29T09:30:00+08:00');
    expect(() => dueAt(rule(-1, 'hours'), start)).toThrow(RangeError);
    expect(() => dueAt(rule(1.5, 'natural-days'), start)).toThrow(RangeError);
    expect(() => dueAt(rule(1, 'working-days'), new Date(Number.NaN))).toThrow(RangeError);
    expect(iso(dueAt(rule(1.5, 'hours'), start))).toBe('2025-09-29T03:00:00.000Z');
  });
});

describe('remindAt', () => {
  const start = new Date('2025-09-29T09:30:00+08:00');

  it('reminds 1 working day ahead at the end of the previous working day, a 调休 Saturday here', () => {
    const due = new Date('2025-10-13T16:00:00.000Z'); // 24:00 on Monday 10-13
    expect(iso(remindAt(due, start, { length: 1, unit: 'working-days' }))).toBe('2025-10-11T16:00:00.000Z');
  });

  it('brings a working-day reminder forward before a holiday instead of into it', () => {
    const due = new Date('2025-10-09T16:00:00.000Z'); // 24:00 on 10-09, the first day back
    expect(iso(remindAt(due, start, { length: 1, unit: 'working-days' }))).toBe('2025-09-30T16:00:00.000Z');
  });

  it('leaves the requested working days when the deadline itself is on a rest day', () => {
    const due = new Date('2025-10-01T16:00:00.000Z'); // 24:00 on holiday 10-01, no roll-over
    expect(iso(remindAt(due, start, { length: 1, unit: 'working-days' }))).toBe('2025-09-29T16:00:00.000Z');
  });

  it('reminds natural days ahead, holidays included', () => {
    const due = new Date('2025-10-09T16:00:00.000Z');
    expect(iso(remindAt(due, start, { length: 3, unit: 'natural-days' }))).toBe('2025-10-06T16:00:00.000Z');
  });

  it('reminds hours ahead exactly', () => {
    const due = new Date('2025-10-09T16:00:00.000Z');
    expect(iso(remindAt(due, start, { length: 24, unit: 'hours' }))).toBe('2025-10-08T16:00:00.000Z');
  });

  it('never reminds before the period started', () => {
    const lateStart = new Date('2025-10-12T09:00:00+08:00');
    const due = new Date('2025-10-13T16:00:00.000Z');
    expect(remindAt(due, lateStart, { length: 3, unit: 'natural-days' })).toEqual(lateStart);
    expect(remindAt(due, lateStart, { length: 2, unit: 'working-days' })).toEqual(lateStart);
    expect(remindAt(due, lateStart, { length: 100, unit: 'hours' })).toEqual(lateStart);
  });

  it('rejects a deadline before its start', () => {
    const due = new Date('2025-09-28T16:00:00.000Z');
    expect(() => remindAt(due, start, { length: 1, unit: 'hours' })).toThrow(/precedes start/);
  });
});

describe('extend', () => {
  it('extends by working days from the day the old deadline closes', () => {
    const due = new Date('2025-09-30T16:00:00.000Z'); // 24:00 on 09-30
    // 10-09 (1), 10-10 (2), Saturday 10-11 worked (3), 10-13 (4), 10-14 (5).
    expect(iso(extend(due, 5, 'working-days'))).toBe('2025-10-14T16:00:00.000Z');
  });

  it('rolls a natural-day extension ending on a holiday over to the next working day', () => {
    const due = new Date('2025-09-01T16:00:00.000Z'); // 24:00 on 09-01; 30 days later is 10-01
    expect(iso(extend(due, 30, 'natural-days'))).toBe('2025-10-09T16:00:00.000Z');
  });

  it('gives the same deadline as one longer period when nothing rolls over', () => {
    const start = new Date('2025-03-03T10:00:00+08:00');
    const tenDays = dueAt(rule(10, 'natural-days'), start);
    expect(extend(tenDays, 5, 'natural-days')).toEqual(dueAt(rule(15, 'natural-days'), start));
  });

  it('extends by hours exactly, across a holiday', () => {
    const due = new Date('2025-09-30T16:00:00.000Z');
    expect(iso(extend(due, 48, 'hours'))).toBe('2025-10-02T16:00:00.000Z');
  });

  it('ends a day extension of a mid-day deadline at 24:00, the starting day not counted', () => {
    const due = new Date('2025-09-30T15:00:00+08:00');
    expect(iso(extend(due, 1, 'working-days'))).toBe('2025-10-09T16:00:00.000Z');
  });

  it('rejects a negative extension', () => {
    expect(() => extend(new Date('2025-09-30T16:00:00.000Z'), -1, 'natural-days')).toThrow(RangeError);
  });
});
