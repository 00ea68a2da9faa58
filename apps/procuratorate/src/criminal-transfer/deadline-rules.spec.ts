import { dueAt } from '@oversight/deadlines';
import { CRIMINAL_TRANSFER_RULES, ESCALATION_RULE, OPINION_REPLY_RULE } from './deadline-rules';
import { stepDue } from './due.util';
import { noticeOfActivity, RESPONSIBLE } from './workers/raise-transfer-notice.worker';

describe('criminal transfer deadline rules', () => {
  it('cites Decree 310 or the procuratorate rules for every statutory step', () => {
    for (const rule of Object.values(CRIMINAL_TRANSFER_RULES)) {
      expect(rule.source).toBe('law');
      expect(rule.basis).toMatch(
        /《(行政执法机关移送涉嫌犯罪案件的规定|人民检察院办理行政执法机关移送涉嫌犯罪案件的规定)》/,
      );
    }
    expect(ESCALATION_RULE.source).toBe('local');
    expect(OPINION_REPLY_RULE.source).toBe('local');
  });

  it('has the periods of domain.md §2.2', () => {
    const periods = Object.fromEntries(
      Object.entries(CRIMINAL_TRANSFER_RULES).map(([k, r]) => [k, `${r.length} ${r.unit}`]),
    );
    expect(periods).toEqual({
      'head-decision': '3 natural-days',
      'transfer-to-police': '24 hours',
      'police-receipt': '24 hours',
      'filing-decision': '3 natural-days',
      'exhibit-handover': '3 natural-days',
      'agency-response': '3 natural-days',
      'reconsideration-decision': '3 natural-days',
      'supervision-proposal': '3 natural-days',
      'police-reasons': '7 natural-days',
      'police-open-case': '15 natural-days',
    });
  });

  it('counts the 24 hours exactly, holidays included', () => {
    const approved = new Date('2026-10-01T03:00:00Z'); // National Day
    expect(dueAt(CRIMINAL_TRANSFER_RULES['transfer-to-police'], approved).toISOString()).toBe(
      '2026-10-02T03:00:00.000Z',
    );
  });

  it('rolls a 3-day period ending on a rest day to the next working day, then escalates 2 working days later', () => {
    // Report on Wednesday 2026-03-04: day 3 is Saturday 7 March, so the head has until Monday 9 March.
    const due = stepDue('head-decision', new Date('2026-03-04T02:00:00Z'));
    expect(due.dueAt.toISOString()).toBe('2026-03-09T16:00:00.000Z');
    expect(due.escalateAt.toISOString()).toBe('2026-03-11T16:00:00.000Z');
    expect(due.rule.ruleId).toBe('criminal-transfer.head-decision');
  });

  it('gives the police 15 days to open a case on notice', () => {
    const due = stepDue('police-open-case', new Date('2026-03-02T02:00:00Z'));
    expect(due.dueAt.toISOString()).toBe('2026-03-17T16:00:00.000Z');
  });

  it('maps every timer activity of the BPMN to its step and level, with someone responsible', () => {
    expect(noticeOfActivity('filing-decision-overdue')).toEqual({
      step: 'filing-decision',
      level: 'overdue',
    });
    expect(noticeOfActivity('police-open-case-escalation')).toEqual({
      step: 'police-open-case',
      level: 'escalation',
    });
    expect(noticeOfActivity('unknown-overdue')).toBeNull();
    expect(Object.keys(RESPONSIBLE).sort()).toEqual(Object.keys(CRIMINAL_TRANSFER_RULES).sort());
  });
});
