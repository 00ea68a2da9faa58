import { dueAt } from '@oversight/deadlines';
import { MAX_RECTIFICATION_DAYS, SUPERVISION_DEADLINE_RULES } from './deadline-rules';
import { withDays } from './workers/supervision-job.util';

describe('supervision-case deadline rules', () => {
  it('cite a basis for every period and mark the bureau’s own practice as local', () => {
    for (const rule of Object.values(SUPERVISION_DEADLINE_RULES)) {
      expect(rule.ruleId).toMatch(/^supervision\./);
      expect(rule.source).toBe('local');
      expect(rule.basis).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.length).toBeGreaterThan(0);
    }
    expect(SUPERVISION_DEADLINE_RULES.rectification.length).toBeLessThanOrEqual(MAX_RECTIFICATION_DAYS);
  });

  it('count working days over a holiday and let a decision shorten the rectification period', () => {
    // Filed on Wednesday 30 September 2026: 国庆 (1–8 October 2026 per the holiday table) is not counted.
    const start = new Date('2026-09-30T02:00:00Z');
    const filing = dueAt(SUPERVISION_DEADLINE_RULES.filingReview, start);
    expect(filing.getTime()).toBeGreaterThan(new Date('2026-10-14T00:00:00Z').getTime());
    const rectification = SUPERVISION_DEADLINE_RULES.rectification;
    const shortened = withDays(rectification, 10);
    expect(shortened).toMatchObject({ length: 10, ruleId: rectification.ruleId, basis: rectification.basis });
    expect(withDays(rectification, null)).toBe(rectification);
    // 10 natural days from Monday 2 March 2026 end at 24:00 (Beijing) on Thursday 12 March.
    expect(dueAt(shortened, new Date('2026-03-02T02:00:00Z')).toISOString()).toBe('2026-03-12T16:00:00.000Z');
  });
});
