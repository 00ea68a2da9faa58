import { INPUT_READING } from './assessment-indicators';
import { mean, RawValue, rate } from './assessment-scoring.util';

/** One `assessment_input` row as the assessment reads it. */
export interface InputRow {
  result: string;
  score: number | null;
  detail: Record<string, unknown>;
}

const count = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;

/** Corrections (纠错): supervision cases closed as `corrected`; null when no case reported this year at all. */
export function corrections(rows: InputRow[], supervisionRunning: boolean): RawValue {
  const corrected = rows.filter((r) => r.result === INPUT_READING.correctionResult).length;
  return { value: supervisionRunning ? corrected : null, detail: { cases: rows.length, corrected } };
}

/**
 * Case-file review: one row per review round and unit, `score` the unit's average on 100 and
 * `detail.grades` the files by grade; the rounds' averages are weighted by their files (1 if not given).
 */
export function caseFileReview(rows: InputRow[]): RawValue {
  const scored = rows.filter((r) => r.score !== null);
  const files = (r: InputRow) => {
    const grades = r.detail.grades as Record<string, unknown> | undefined;
    const n = grades ? Object.values(grades).reduce<number>((s, g) => s + (count(g) ?? 0), 0) : 0;
    return n > 0 ? n : 1;
  };
  const total = scored.reduce((s, r) => s + files(r), 0);
  return {
    value: total === 0 ? null : scored.reduce((s, r) => s + r.score! * files(r), 0) / total,
    detail: { rounds: scored.length, files: total },
  };
}

/**
 * Training: the registers write one row per unit with `detail.people` and `detail.met`; a row without
 * them counts as one person, met when its result is `met`.
 */
export function training(rows: InputRow[]): RawValue {
  let people = 0;
  let met = 0;
  for (const r of rows) {
    const p = count(r.detail.people);
    const m = count(r.detail.met);
    if (p !== null && m !== null && m <= p) {
      people += p;
      met += m;
    } else {
      people += 1;
      met += r.result === INPUT_READING.trainingMet ? 1 : 0;
    }
  }
  return { value: rate(met, people), detail: { people, met } };
}

/** Follow-up satisfaction: satisfied (满意, 基本满意) among the visits that reached the party. */
export function satisfaction(rows: InputRow[]): RawValue {
  const rated = rows.filter((r) => (INPUT_READING.rated as readonly string[]).includes(r.result));
  const satisfied = rated.filter((r) =>
    (INPUT_READING.satisfied as readonly string[]).includes(r.result),
  ).length;
  return { value: rate(satisfied, rated.length), detail: { rated: rated.length, satisfied } };
}

/** Acceptance: the inspection score on 100; the mean when a unit took part in several campaigns. */
export function acceptance(rows: InputRow[]): RawValue {
  const scores = rows.filter((r) => r.score !== null).map((r) => r.score!);
  return { value: mean(scores), detail: { results: scores.length } };
}
