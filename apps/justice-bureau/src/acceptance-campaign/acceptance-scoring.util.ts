import type { Bilingual } from '@oversight/platform';
import { applicableItems, Checklist, ChecklistItem, UnitKind } from './acceptance-checklist';

/** One scored item as a unit (self-check) or the acceptance team (inspection) sends it. */
export interface ScoreEntry {
  itemCode: string;
  score: number;
  evidenceIds?: string[];
  note?: string;
}

export interface ScoreSheet {
  /** Points given, summed over the applicable items. */
  total: number;
  /** The applicable items' weight. */
  max: number;
  /** total / max × 100, one decimal. */
  percent: number;
  items: { itemCode: string; score: number; weight: number; evidenceIds: string[]; note: string | null }[];
}

const codes = (items: ChecklistItem[]) => items.map((i) => i.code).join('、');
/** Scores are whole or half points. */
const onHalfPoints = (n: number) => Number.isFinite(n) && Math.round(n * 2) === n * 2;

export const roundPercent = (total: number, max: number) =>
  max === 0 ? 0 : Math.round((total / max) * 1000) / 10;

/**
 * Checks a score sheet against the checklist for a unit of `kind`: every applicable item once, nothing
 * else, each score between 0 and the item's weight in half points, and — when `evidenceRequired` — at
 * least one piece of evidence per item. Returns the problems (empty when none) and the sheet.
 */
export function scoreSheet(
  checklist: Checklist,
  kind: UnitKind,
  entries: ScoreEntry[],
  evidenceRequired: boolean,
): { errors: Bilingual[]; sheet: ScoreSheet } {
  const applicable = applicableItems(checklist, kind);
  const byCode = new Map(applicable.map((i) => [i.code, i]));
  const errors: Bilingual[] = [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const unknown: string[] = [];
  for (const entry of entries) {
    if (seen.has(entry.itemCode)) duplicates.add(entry.itemCode);
    seen.add(entry.itemCode);
    if (!byCode.has(entry.itemCode)) unknown.push(entry.itemCode);
  }
  if (unknown.length > 0) {
    errors.push({
      zh: `以下条目不在本单位适用的验收清单中：${unknown.join('、')}`,
      en: `These items are not on the checklist for this unit: ${unknown.join(', ')}`,
    });
  }
  if (duplicates.size > 0) {
    errors.push({
      zh: `以下条目重复填报：${[...duplicates].join('、')}`,
      en: `These items were sent more than once: ${[...duplicates].join(', ')}`,
    });
  }
  const missing = applicable.filter((i) => !seen.has(i.code));
  if (missing.length > 0) {
    errors.push({
      zh: `以下条目未评分：${codes(missing)}`,
      en: `These items have no score: ${missing.map((i) => i.code).join(', ')}`,
    });
  }
  const outOfRange = entries.filter((e) => {
    const item = byCode.get(e.itemCode);
    return item && (!onHalfPoints(e.score) || e.score < 0 || e.score > item.weight);
  });
  if (outOfRange.length > 0) {
    errors.push({
      zh: `以下条目得分超出范围（0至该条目分值，最小单位0.5分）：${outOfRange
        .map((e) => `${e.itemCode}（${e.score}/${byCode.get(e.itemCode)?.weight}）`)
        .join('、')}`,
      en: `Scores out of range (0 to the item's weight, in half points): ${outOfRange
        .map((e) => `${e.itemCode} (${e.score}/${byCode.get(e.itemCode)?.weight})`)
        .join(', ')}`,
    });
  }
  if (evidenceRequired) {
    const bare = applicable.filter((i) =>
      entries.some((e) => e.itemCode === i.code && (e.evidenceIds ?? []).length === 0),
    );
    if (bare.length > 0) {
      errors.push({
        zh: `以下条目缺少佐证材料：${bare.map((i) => `${i.code} ${i.title}（应附：${i.evidence.join('、')}）`).join('；')}`,
        en: `These items have no evidence attached: ${bare.map((i) => i.code).join(', ')}`,
      });
    }
  }
  const items = applicable.map((item) => {
    const entry = entries.find((e) => e.itemCode === item.code);
    return {
      itemCode: item.code,
      score: entry?.score ?? 0,
      weight: item.weight,
      evidenceIds: entry?.evidenceIds ?? [],
      note: entry?.note ?? null,
    };
  });
  const total = items.reduce((sum, i) => sum + i.score, 0);
  const max = applicable.reduce((sum, i) => sum + i.weight, 0);
  return { errors, sheet: { total, max, percent: roundPercent(total, max), items } };
}
