import { dueAt } from '@oversight/deadlines';
import { CLUE_DEADLINE_RULES } from './deadline-rules';

describe('discipline commission clue deadline rules', () => {
  it('forwards another commission’s clue within 5 working days, counting the National Day make-up Saturday', () => {
    // Registered Tuesday 2026-09-29: 30 Sep, then 8, 9, 10 (a Saturday worked) and 12 October.
    const registered = new Date('2026-09-29T02:00:00Z');
    expect(dueAt(CLUE_DEADLINE_RULES.forwardJurisdiction, registered).toISOString()).toBe(
      '2026-10-12T16:00:00.000Z',
    );
  });

  it('cites the article for the rule read in the law, and a basis for every local one', () => {
    for (const rule of Object.values(CLUE_DEADLINE_RULES)) {
      expect(rule.basis.length).toBeGreaterThan(15);
      if (rule.source === 'law') expect(rule.basis).toMatch(/《.+》第.+条/);
    }
    expect(CLUE_DEADLINE_RULES.forwardJurisdiction.source).toBe('law');
  });
});
