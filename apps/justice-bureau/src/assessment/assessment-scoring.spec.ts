import { DEFAULT_WEIGHTS, IndicatorCode, indicator, INDICATOR_CODES, Weights } from './assessment-indicators';
import {
  assessUnit,
  checkWeights,
  indicatorScore,
  onTimeRate,
  rankUnits,
  RawValue,
  transferOutcome,
  UnitFacts,
} from './assessment-scoring.util';

const weights: Weights = { ...DEFAULT_WEIGHTS.weights };
const none: RawValue = { value: null, detail: {} };
const v = (value: number): RawValue => ({ value, detail: {} });

function unit(code: string, raw: Partial<Record<IndicatorCode, RawValue>>): UnitFacts {
  const all = Object.fromEntries(INDICATOR_CODES.map((c) => [c, raw[c] ?? none])) as Record<
    IndicatorCode,
    RawValue
  >;
  return { code, name: code, kind: 'agency', raw: all };
}

const full = (overrides: Partial<Record<IndicatorCode, RawValue>> = {}) => ({
  'on-time-rate': v(90),
  complaints: v(2),
  corrections: v(1),
  'case-file-review': v(85),
  training: v(80),
  acceptance: v(92),
  satisfaction: v(95),
  ...overrides,
});

describe('indicator scores', () => {
  it('takes percentages and points as they are, clamped to 0–100 and kept at one decimal', () => {
    expect(indicatorScore(indicator('on-time-rate'), 66.666)).toBe(66.7);
    expect(indicatorScore(indicator('case-file-review'), 104)).toBe(100);
  });

  it('deducts per complaint (5) and per correction (10), never below 0', () => {
    expect(indicatorScore(indicator('complaints'), 3)).toBe(85);
    expect(indicatorScore(indicator('corrections'), 2)).toBe(80);
    expect(indicatorScore(indicator('corrections'), 11)).toBe(0);
    expect(indicatorScore(indicator('complaints'), 0)).toBe(100);
  });

  it('keeps no data as no data, not 0', () => {
    expect(indicatorScore(indicator('training'), null)).toBeNull();
  });
});

describe('a unit’s total', () => {
  it('is the weighted mean of the indicator scores', () => {
    // 20×90 + 15×90 + 15×90 + 20×85 + 10×80 + 10×92 + 10×95 = 8870 → 88.7
    const r = assessUnit(unit('a', full()), weights);
    expect(r.total).toBe(88.7);
    expect(r.grade).toBe('good');
    expect(r.gradeLabel.zh).toBe('良好');
    expect(r.coverage).toBe(100);
  });

  it('redistributes the weight of indicators without data over the others', () => {
    // Without training and satisfaction (weight 20): (20×90 + 15×90 + 15×90 + 20×85 + 10×92) / 80 = 7120/80 = 89
    const r = assessUnit(unit('a', full({ training: none, satisfaction: none })), weights);
    expect(r.total).toBe(89);
    const training = r.indicators.find((i) => i.code === 'training')!;
    expect(training).toMatchObject({ noData: true, score: null, raw: null, effectiveWeight: 0 });
    expect(r.indicators.find((i) => i.code === 'on-time-rate')!.effectiveWeight).toBe(25);
    expect(r.coverage).toBe(80);
  });

  it('does not grade a unit whose data carry less than half the weight', () => {
    const r = assessUnit(unit('a', { complaints: v(0), corrections: v(0) }), weights);
    expect(r.total).toBe(100);
    expect(r.coverage).toBe(30);
    expect(r.grade).toBeNull();
    expect(r.gradeLabel.zh).toBe('数据不足，不予评定');
  });

  it('grades at the thresholds: 90 excellent, 80 good, 60 pass, below fail', () => {
    const at = (score: number) =>
      assessUnit(
        unit('a', {
          'on-time-rate': v(score),
          'case-file-review': v(score),
          training: v(score),
          acceptance: v(score),
          satisfaction: v(score),
        }),
        weights,
      ).grade;
    expect(at(90)).toBe('excellent');
    expect(at(89.9)).toBe('good');
    expect(at(80)).toBe('good');
    expect(at(60)).toBe('pass');
    expect(at(59.9)).toBe('fail');
  });
});

describe('ranking', () => {
  it('shares a rank between equal totals and skips the next; ungraded units come last, unranked', () => {
    const results = rankUnits([
      assessUnit(unit('c', full({ acceptance: v(72) })), weights),
      assessUnit(unit('a', full()), weights),
      assessUnit(unit('b', full()), weights),
      assessUnit(unit('z', { complaints: v(1) }), weights),
    ]);
    expect(results.map((r) => [r.code, r.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
      ['z', null],
    ]);
  });
});

describe('weights', () => {
  it('accepts known indicators, non-negative, adding up to 100', () => {
    expect(checkWeights({ ...weights })).toEqual({ weights });
    expect(checkWeights({ ...weights, training: 0, satisfaction: 20 })).toHaveProperty('weights');
  });

  it('refuses a total other than 100, negative or missing weights, and unknown indicators', () => {
    const problems = (input: Record<string, unknown>) =>
      (checkWeights(input) as { problems: { zh: string; en: string }[] }).problems;
    expect(problems({ ...weights, training: 20 })[0].zh).toBe('各项权重合计应为100，现为110');
    expect(problems({ ...weights, training: -10, satisfaction: 30 })[0].zh).toContain('不小于0');
    expect(problems({ ...weights, bonus: 0 })[0].en).toBe('Unknown indicator: bonus');
    const without: Record<string, unknown> = { ...weights };
    delete without.training;
    expect(problems(without)[0].zh).toContain('培训达标率');
    expect(problems({ ...weights, training: '10' })[0].en).toContain('must be a number');
  });
});

describe('on-time rate of transfers', () => {
  const asOf = new Date('2026-12-01T00:00:00Z');
  const due = new Date('2026-06-01T00:00:00Z');
  const t = (closed: string | null, overdue: string | null = null) => ({
    dueAt: due,
    closedAt: closed ? new Date(closed) : null,
    overdueSince: overdue ? new Date(overdue) : null,
  });

  it('tells on time, late, overdue and pending apart', () => {
    expect(transferOutcome(t('2026-05-30T00:00:00Z'), asOf)).toBe('on-time');
    expect(transferOutcome(t('2026-06-01T00:00:00Z'), asOf)).toBe('on-time');
    expect(transferOutcome(t('2026-06-03T00:00:00Z'), asOf)).toBe('late');
    expect(transferOutcome(t('2026-05-30T00:00:00Z', '2026-05-29T00:00:00Z'), asOf)).toBe('late');
    expect(transferOutcome(t(null), asOf)).toBe('overdue');
    expect(transferOutcome(t(null), new Date('2026-05-01T00:00:00Z'))).toBe('pending');
  });

  it('counts on-time among the transfers due, without the pending ones; none due is no data', () => {
    const r = onTimeRate([t('2026-05-30T00:00:00Z'), t('2026-06-03T00:00:00Z'), t(null)], asOf);
    expect(r.value).toBeCloseTo(33.333, 2);
    expect(r.detail).toEqual({ due: 3, onTime: 1, late: 1, overdue: 1, pending: 0 });
    expect(onTimeRate([], asOf).value).toBeNull();
  });
});
