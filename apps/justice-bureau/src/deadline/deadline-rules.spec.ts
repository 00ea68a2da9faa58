import { dueAt } from '@oversight/deadlines';
import { DEADLINE_RULES } from './deadline-rules';

describe('complaint deadline rules', () => {
  it('ends the 15-day acceptance period at midnight Beijing time of the 15th day after registration', () => {
    // Thursday 2026-11-26 16:00 Beijing; the 15th day is Friday 2026-12-11, a working day.
    const start = new Date('2026-11-26T08:00:00Z');
    expect(dueAt(DEADLINE_RULES.complaintAcceptance, start).toISOString()).toBe('2026-12-11T16:00:00.000Z');
  });

  it('counts the objection window in working days, skipping the weekend', () => {
    // Assigned Friday 2026-11-27: five working days are Mon 30 Nov to Fri 4 Dec.
    const start = new Date('2026-11-27T02:00:00Z');
    expect(dueAt(DEADLINE_RULES.assignmentObjection, start).toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it('cites an article for every rule read in the law, and a basis for every local one', () => {
    for (const rule of Object.values(DEADLINE_RULES)) {
      expect(rule.basis.length).toBeGreaterThan(10);
      if (rule.source === 'law') expect(rule.basis).toMatch(/《.+》第.+条/);
    }
  });

  it('allows the handling limit to be extended by at most 30 days on the head’s approval', () => {
    expect(DEADLINE_RULES.complaintHandling.extension).toMatchObject({ maxLength: 30, approver: 'sfj:head' });
  });
});
