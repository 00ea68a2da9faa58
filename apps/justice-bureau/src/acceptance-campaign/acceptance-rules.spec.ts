import {
  ASSESSMENT_RULES,
  calendarErrors,
  calendarInstants,
  campaignDays,
  windowText,
} from './acceptance-calendar';
import { ACCEPTANCE_CHECKLIST, applicableItems } from './acceptance-checklist';
import { scoreSheet, ScoreEntry } from './acceptance-scoring.util';

const full = (kind: 'agency' | 'town', evidence = ['e1']): ScoreEntry[] =>
  applicableItems(ACCEPTANCE_CHECKLIST, kind).map((i) => ({
    itemCode: i.code,
    score: i.weight,
    evidenceIds: evidence,
  }));

describe('acceptance checklist', () => {
  it('covers each of the plan’s five task areas with items that cite their section', () => {
    expect(ACCEPTANCE_CHECKLIST.areas.map((a) => a.planSection)).toEqual([
      '四（一）',
      '四（二）',
      '四（三）',
      '四（四）',
      '四（五）',
    ]);
    for (const area of ACCEPTANCE_CHECKLIST.areas) {
      const items = ACCEPTANCE_CHECKLIST.items.filter((i) => i.area === area.code);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.planSection.startsWith(area.planSection)).toBe(true);
        expect(item.evidence.length).toBeGreaterThan(0);
        expect(item.weight).toBeGreaterThan(0);
      }
    }
    expect(new Set(ACCEPTANCE_CHECKLIST.items.map((i) => i.code)).size).toBe(
      ACCEPTANCE_CHECKLIST.items.length,
    );
  });

  it('weighs 100 for a town and leaves the town-only items out for a county department', () => {
    const weight = (kind: 'agency' | 'town') =>
      applicableItems(ACCEPTANCE_CHECKLIST, kind).reduce((sum, i) => sum + i.weight, 0);
    expect(weight('town')).toBe(100);
    const townOnly = ACCEPTANCE_CHECKLIST.items.filter(
      (i) => i.appliesTo?.includes('town') && !i.appliesTo.includes('agency'),
    );
    expect(townOnly.map((i) => i.planSection)).toEqual(['四（三）3', '四（四）7']);
    expect(weight('agency')).toBe(100 - townOnly.reduce((s, i) => s + i.weight, 0));
  });
});

describe('campaign calendar', () => {
  it('defaults to the plan’s dates in the campaign year and opens/closes windows at Beijing midnight', () => {
    const days = campaignDays(2027);
    expect(days).toMatchObject({
      planDueDate: '2027-04-30',
      selfCheckStartDate: '2027-08-10',
      selfCheckEndDate: '2027-08-15',
      acceptanceStartDate: '2027-08-16',
      acceptanceEndDate: '2027-08-25',
      summaryStartDate: '2027-08-26',
      summaryEndDate: '2027-09-15',
    });
    const instants = calendarInstants(days);
    expect(instants.planDueAt).toBe('2027-04-30T16:00:00.000Z'); // 24:00 on 4/30 in Beijing
    expect(instants.selfCheckStartsAt).toBe('2027-08-09T16:00:00.000Z'); // 00:00 on 8/10
    expect(instants.selfCheckEndsAt).toBe('2027-08-15T16:00:00.000Z');
    expect(instants.acceptanceStartsAt).toBe(instants.selfCheckEndsAt);
    expect(windowText(new Date(instants.selfCheckStartsAt), new Date(instants.selfCheckEndsAt))).toEqual({
      zh: '2027年8月10日至2027年8月15日',
      en: '2027-08-10 to 2027-08-15',
    });
  });

  it('keeps the dates the office chose and says which pairs are out of order', () => {
    expect(calendarErrors(campaignDays(2027, { selfCheckEndDate: '2027-08-20' }))).toEqual([
      {
        zh: '自查结束（2027-08-20）应早于验收开始（2027-08-16）',
        en: 'self-check closes (2027-08-20) must be before acceptance opens (2027-08-16)',
      },
    ]);
    expect(
      calendarErrors(campaignDays(2027, { summaryStartDate: '2027-08-20', summaryEndDate: '2027-08-19' })),
    ).toHaveLength(2);
    expect(calendarErrors(campaignDays(2028))).toEqual([]);
  });
});

describe('score sheet', () => {
  it('totals a complete sheet as a percentage of the weight that applies to the unit', () => {
    const entries = full('agency');
    entries[0] = { ...entries[0], score: entries[0].score - 2.5 };
    const { errors, sheet } = scoreSheet(ACCEPTANCE_CHECKLIST, 'agency', entries, true);
    expect(errors).toEqual([]);
    expect(sheet.max).toBe(93);
    expect(sheet.total).toBe(90.5);
    expect(sheet.percent).toBe(97.3);
  });

  it('names the items without evidence, missing, unknown, repeated or out of range', () => {
    const entries = full('town');
    entries[1] = { ...entries[1], evidenceIds: [] };
    entries[2] = { ...entries[2], score: 99 };
    entries.splice(3, 1);
    entries.push({ itemCode: '9.9', score: 1, evidenceIds: ['e'] }, { ...entries[0] });
    const { errors } = scoreSheet(ACCEPTANCE_CHECKLIST, 'town', entries, true);
    const text = errors.map((e) => e.zh).join('\n');
    expect(text).toContain('不在本单位适用的验收清单中：9.9');
    expect(text).toContain('重复填报：1.1');
    expect(text).toContain('未评分：1.4');
    expect(text).toContain('得分超出范围');
    expect(text).toContain('1.3（99/4）');
    expect(text).toContain('缺少佐证材料：1.2 执法协作与衔接机制');
  });

  it('does not ask the acceptance team for evidence, nor a county department for town items', () => {
    const team = scoreSheet(ACCEPTANCE_CHECKLIST, 'agency', full('agency', []), false);
    expect(team.errors).toEqual([]);
    const withTownItem = [...full('agency'), { itemCode: '3.3', score: 1, evidenceIds: ['e'] }];
    expect(scoreSheet(ACCEPTANCE_CHECKLIST, 'agency', withTownItem, true).errors[0].en).toContain('3.3');
  });
});

describe('assessment outcome', () => {
  it('credits a unit accepted at once and on time, not one that needed rectification or was late', () => {
    expect(ASSESSMENT_RULES.outcome('accepted', 0, 0)).toBe('credit');
    expect(ASSESSMENT_RULES.outcome('accepted', 1, 0)).toBe('none');
    expect(ASSESSMENT_RULES.outcome('accepted', 0, 1)).toBe('none');
    expect(ASSESSMENT_RULES.outcome('failed', 2, 0)).toBe('accountability');
  });
});
