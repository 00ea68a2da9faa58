import { createHash } from 'node:crypto';
import { FOLLOW_UP_CASE_KINDS, FollowUpCaseKind } from './follow-up-rules';

export interface SampleCandidate {
  id: string;
  kind: FollowUpCaseKind;
}

/** How many of `n` cases a ratio asks for: rounded up, at least one whenever there is a case. */
export function sampleSize(n: number, ratio: number): number {
  if (n <= 0 || ratio <= 0) return 0;
  return Math.min(n, Math.max(1, Math.ceil(n * ratio - 1e-9)));
}

/**
 * A reproducible draw: each case is ranked by sha256(seed:id) and the lowest ranks of each kind are taken,
 * so the same seed over the same cases always gives the same sample, and anyone can check it.
 */
export function drawSample(
  population: SampleCandidate[],
  ratios: Record<FollowUpCaseKind, number>,
  seed: string,
): Record<FollowUpCaseKind, string[]> {
  const rank = (id: string) => createHash('sha256').update(`${seed}:${id}`).digest('hex');
  const out = {} as Record<FollowUpCaseKind, string[]>;
  for (const kind of FOLLOW_UP_CASE_KINDS) {
    const ofKind = population
      .filter((c) => c.kind === kind)
      .map((c) => ({ id: c.id, rank: rank(c.id) }))
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id.localeCompare(b.id)));
    out[kind] = ofKind.slice(0, sampleSize(ofKind.length, ratios[kind])).map((c) => c.id);
  }
  return out;
}
