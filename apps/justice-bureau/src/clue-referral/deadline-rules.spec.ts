import { dueAt } from '@oversight/deadlines';
import { feedbackSchedule } from '@oversight/clue-referral';
import { CLUE_DEADLINE_RULES } from './deadline-rules';

describe('clue referral deadline rules', () => {
  it('marks every rule as county practice with a stated basis, since the law fixes no period', () => {
    for (const rule of Object.values(CLUE_DEADLINE_RULES)) {
      expect(rule.source).toBe('local');
      expect(rule.basis.length).toBeGreaterThan(15);
    }
  });

  it('gives the sender 15 working days from the finding, skipping the weekends', () => {
    // Found Monday 2026-03-02: working days 3-6, 9-13, 16-20 and 23 March.
    const found = new Date('2026-03-02T02:00:00Z');
    expect(dueAt(CLUE_DEADLINE_RULES.referralSending, found).toISOString()).toBe('2026-03-23T16:00:00.000Z');
  });

  it('expects receipt, status and result in that order, each escalated five working days after it falls due', () => {
    const schedule = feedbackSchedule(CLUE_DEADLINE_RULES, new Date('2026-03-02T02:00:00Z'));
    expect(schedule.receipt).toMatchObject({
      dueAt: '2026-03-09T16:00:00.000Z',
      escalateAt: '2026-03-16T16:00:00.000Z',
    });
    expect(schedule.status).toMatchObject({
      dueAt: '2026-03-23T16:00:00.000Z',
      escalateAt: '2026-03-30T16:00:00.000Z',
    });
    // 90 natural days end on Sunday 31 May, so the period runs to Monday 1 June.
    expect(schedule.result).toMatchObject({
      dueAt: '2026-06-01T16:00:00.000Z',
      escalateAt: '2026-06-08T16:00:00.000Z',
    });
    expect(schedule.result.rule).toEqual({
      ruleId: 'clue-referral.result',
      length: 90,
      unit: 'natural-days',
      basis: CLUE_DEADLINE_RULES.resultFeedback.basis,
    });
    expect(schedule.escalationRule.ruleId).toBe('clue-referral.escalation');
  });
});
