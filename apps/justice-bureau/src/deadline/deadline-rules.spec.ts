import { DEADLINE_RULES, dueAt } from './deadline-rules';

describe('deadline rules', () => {
  it('puts complaint acceptance 15 natural days after registration', () => {
    const start = new Date('2026-11-26T08:00:00Z');
    expect(dueAt(DEADLINE_RULES.complaintAcceptance, start).toISOString()).toBe('2026-12-11T08:00:00.000Z');
  });

  it('cites a legal basis for every rule', () => {
    for (const rule of Object.values(DEADLINE_RULES)) expect(rule.basis).toMatch(/第.+条/);
  });

  it('refuses working-day rules until the holiday calendar exists', () => {
    expect(() => dueAt({ ruleId: 'x', length: 5, unit: 'working-days', basis: 'test' }, new Date())).toThrow(
      /holiday calendar/,
    );
  });
});
