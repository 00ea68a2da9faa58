import type { Bilingual } from '@oversight/platform';
import {
  Grade,
  GRADES,
  INDICATOR_CODES,
  IndicatorCode,
  INDICATORS,
  Indicator,
  MIN_COVERAGE,
  WEIGHT_TOTAL,
  Weights,
} from './assessment-indicators';

/** Scores, totals and rates are kept at one decimal. */
export const round1 = (n: number): number => Math.round((n + Number.EPSILON) * 10) / 10;

/** A unit's raw value for one indicator; `value` null means no data (无数据), never 0. */
export interface RawValue {
  value: number | null;
  /** The counts behind the value, for the audit trail and the report. */
  detail: Record<string, number>;
}

export interface UnitFacts {
  code: string;
  name: string;
  kind: string;
  raw: Record<IndicatorCode, RawValue>;
}

export interface IndicatorResult {
  code: IndicatorCode;
  raw: number | null;
  detail: Record<string, number>;
  /** 0–100, null when there is no data. */
  score: number | null;
  /** The weight the office set. */
  weight: number;
  /** The weight after redistributing the weights of indicators without data (two decimals). */
  effectiveWeight: number;
  noData: boolean;
}

export interface UnitResult {
  code: string;
  name: string;
  kind: string;
  indicators: IndicatorResult[];
  /** Share of the weight with data (0–100). */
  coverage: number;
  /** Weighted total on 100, null when no indicator has data. */
  total: number | null;
  /** Null when the coverage is below MIN_COVERAGE (不予评定). */
  grade: Grade | null;
  gradeLabel: Bilingual;
  rank: number | null;
}

/** The 0–100 score of a raw value, by the indicator's normalisation; null stays null. */
export function indicatorScore(indicator: Indicator, raw: number | null): number | null {
  if (raw === null) return null;
  const n = indicator.normalisation;
  if (n.method === 'deduction') return round1(Math.max(0, 100 - n.perItem * raw));
  return round1(Math.min(100, Math.max(0, raw)));
}

export function gradeOf(total: number): Grade {
  return GRADES.thresholds.find((t) => total >= t.min)!.grade;
}

export const gradeLabel = (grade: Grade | null): Bilingual =>
  grade === null
    ? { zh: '数据不足，不予评定', en: 'not graded: too little data' }
    : GRADES.thresholds.find((t) => t.grade === grade)!.label;

/**
 * One unit's assessment. Indicators without data are left out and their weight is shared among the
 * others in proportion to their weights: total = Σ(weight × score) / Σ(weight of indicators with data),
 * from the one-decimal scores shown, so the published figures reproduce the total.
 */
export function assessUnit(facts: UnitFacts, weights: Weights): Omit<UnitResult, 'rank'> {
  const scored = INDICATORS.map((ind) => {
    const raw = facts.raw[ind.code] ?? { value: null, detail: {} };
    return { ind, raw, score: indicatorScore(ind, raw.value), weight: weights[ind.code] ?? 0 };
  });
  const covered = scored.filter((s) => s.score !== null).reduce((sum, s) => sum + s.weight, 0);
  const total =
    covered > 0 ? round1(scored.reduce((sum, s) => sum + s.weight * (s.score ?? 0), 0) / covered) : null;
  const graded = total !== null && covered >= MIN_COVERAGE.percent * (WEIGHT_TOTAL / 100);
  const grade = graded ? gradeOf(total) : null;
  return {
    code: facts.code,
    name: facts.name,
    kind: facts.kind,
    indicators: scored.map((s) => ({
      code: s.ind.code,
      raw: s.raw.value === null ? null : round1(s.raw.value),
      detail: s.raw.detail,
      score: s.score,
      weight: s.weight,
      effectiveWeight:
        s.score === null || covered === 0 ? 0 : Math.round((s.weight * WEIGHT_TOTAL * 100) / covered) / 100,
      noData: s.score === null,
    })),
    coverage: round1((covered * 100) / WEIGHT_TOTAL),
    total,
    grade,
    gradeLabel: gradeLabel(grade),
  };
}

/**
 * Ranks graded units by total, best first; equal totals share a rank and the next rank skips
 * (1, 2, 2, 4). Ungraded units get no rank and come last; ties are listed by code.
 */
export function rankUnits(units: Omit<UnitResult, 'rank'>[]): UnitResult[] {
  const graded = units
    .filter((u) => u.grade !== null)
    .sort((a, b) => b.total! - a.total! || a.code.localeCompare(b.code));
  const ranked: UnitResult[] = graded.map((u) => ({
    ...u,
    rank: graded.findIndex((g) => g.total === u.total) + 1,
  }));
  const rest = units
    .filter((u) => u.grade === null)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((u) => ({ ...u, rank: null }));
  return [...ranked, ...rest];
}

/** Checks the weights the office sends: every known indicator once, non-negative numbers, summing to 100. */
export function checkWeights(
  input: Record<string, unknown>,
): { weights: Weights } | { problems: Bilingual[] } {
  const problems: Bilingual[] = [];
  for (const key of Object.keys(input)) {
    if (!(INDICATOR_CODES as readonly string[]).includes(key)) {
      problems.push({ zh: `未知的考核指标：${key}`, en: `Unknown indicator: ${key}` });
    }
  }
  const weights = {} as Weights;
  for (const ind of INDICATORS) {
    const value = input[ind.code];
    if (value === undefined) {
      problems.push({
        zh: `缺少指标“${ind.name.zh}”（${ind.code}）的权重；不计分的指标请填0`,
        en: `The weight of "${ind.name.en}" (${ind.code}) is missing; give 0 to leave it out`,
      });
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      problems.push({
        zh: `指标“${ind.name.zh}”的权重应为不小于0的数字，填写的是${JSON.stringify(value)}`,
        en: `The weight of "${ind.name.en}" must be a number of 0 or more; got ${JSON.stringify(value)}`,
      });
    } else {
      weights[ind.code] = value;
    }
  }
  if (problems.length === 0) {
    const sum = round1(Object.values(weights).reduce((a, b) => a + b, 0));
    if (Math.abs(sum - WEIGHT_TOTAL) > 1e-9) {
      problems.push({
        zh: `各项权重合计应为${WEIGHT_TOTAL}，现为${sum}`,
        en: `The weights must add up to ${WEIGHT_TOTAL}; they add up to ${sum}`,
      });
    }
  }
  return problems.length > 0 ? { problems } : { weights };
}

/** A transfer to a unit as the projection holds it. */
export interface TransferTimes {
  dueAt: Date;
  closedAt: Date | null;
  overdueSince: Date | null;
}

export type TransferOutcome = 'on-time' | 'late' | 'overdue' | 'pending';

/**
 * On time: closed by the due date and never flagged overdue before it closed. Late: closed otherwise.
 * Overdue: still open after the due date (or flagged overdue). Pending: open and not yet due, left out.
 */
export function transferOutcome(t: TransferTimes, asOf: Date): TransferOutcome {
  if (t.closedAt) {
    const flaggedFirst = t.overdueSince !== null && t.overdueSince.getTime() <= t.closedAt.getTime();
    return t.closedAt.getTime() <= t.dueAt.getTime() && !flaggedFirst ? 'on-time' : 'late';
  }
  return t.dueAt.getTime() < asOf.getTime() || t.overdueSince !== null ? 'overdue' : 'pending';
}

/** The on-time rate's raw value from the transfers due in the year. */
export function onTimeRate(transfers: TransferTimes[], asOf: Date): RawValue {
  const counts = { onTime: 0, late: 0, overdue: 0, pending: 0 };
  for (const t of transfers) {
    const o = transferOutcome(t, asOf);
    if (o === 'on-time') counts.onTime += 1;
    else if (o === 'late') counts.late += 1;
    else if (o === 'overdue') counts.overdue += 1;
    else counts.pending += 1;
  }
  const due = counts.onTime + counts.late + counts.overdue;
  return { value: due === 0 ? null : (counts.onTime * 100) / due, detail: { due, ...counts } };
}

/** A share in percent of `part` in `whole`, null when `whole` is 0. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : (part * 100) / whole;
}

export function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
