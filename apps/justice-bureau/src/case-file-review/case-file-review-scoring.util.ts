import { Bilingual } from '@oversight/platform';
import { gradeOf, ReviewGrade, ReviewStandard, round1 } from './case-file-review-standard';

export interface ItemScore {
  code: string;
  score: number;
  finding: string;
}

export interface ScoreSheet {
  items: ItemScore[];
  total: number;
  grade: ReviewGrade;
}

/**
 * Checks a reviewer's scores against the round's standard (every item once, each within 0..weight) and
 * totals them; returns the problems in words a reviewer understands, or the sheet.
 */
export function scoreSheet(
  standard: ReviewStandard,
  items: { code: string; score: number; finding?: string }[],
): { sheet: ScoreSheet } | { problems: Bilingual[] } {
  const problems: Bilingual[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const def = standard.items.find((i) => i.code === item.code);
    if (!def) {
      problems.push({
        zh: `评查标准中没有条目“${item.code}”。`,
        en: `The standard has no item "${item.code}".`,
      });
      continue;
    }
    if (seen.has(item.code)) {
      problems.push({ zh: `条目“${def.title}”重复评分。`, en: `Item "${item.code}" is scored twice.` });
      continue;
    }
    seen.add(item.code);
    if (!Number.isFinite(item.score) || item.score < 0 || item.score > def.weight) {
      problems.push({
        zh: `条目“${def.title}”的得分应在0至${def.weight}分之间，填写的是${item.score}分。`,
        en: `The score of "${item.code}" must be between 0 and ${def.weight}; got ${item.score}.`,
      });
    } else if (item.score < def.weight && !item.finding?.trim()) {
      // A deduction without its reason cannot be reported, rectified or checked.
      problems.push({
        zh: `条目“${def.title}”扣分的，须写明评查意见（扣分理由）。`,
        en: `Item "${item.code}" loses points: give the finding.`,
      });
    }
  }
  const missing = standard.items.filter((i) => !seen.has(i.code));
  if (missing.length > 0) {
    problems.push({
      zh: `以下条目未评分：${missing.map((i) => i.title).join('、')}。`,
      en: `Items not scored: ${missing.map((i) => i.code).join(', ')}.`,
    });
  }
  if (problems.length > 0) return { problems };
  const ordered = standard.items.map((def) => {
    const item = items.find((i) => i.code === def.code)!;
    return { code: def.code, score: item.score, finding: item.finding?.trim() ?? '' };
  });
  const total = round1(ordered.reduce((sum, i) => sum + i.score, 0));
  return { sheet: { items: ordered, total, grade: gradeOf(total, standard) } };
}

/** Checks a standard a round is opened with: items unique with positive weights, marks within the total. */
export function standardProblems(standard: ReviewStandard): Bilingual[] {
  const problems: Bilingual[] = [];
  const codes = standard.items.map((i) => i.code);
  const dup = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (dup.length > 0) {
    problems.push({
      zh: `评查条目编号重复：${dup.join('、')}。`,
      en: `Duplicate item codes: ${dup.join(', ')}.`,
    });
  }
  const total = standard.items.reduce((sum, i) => sum + i.weight, 0);
  if (standard.excellenceMark < standard.passMark) {
    problems.push({
      zh: `优秀分数线（${standard.excellenceMark}）不能低于合格分数线（${standard.passMark}）。`,
      en: `The excellence mark (${standard.excellenceMark}) cannot be below the pass mark (${standard.passMark}).`,
    });
  }
  if (standard.excellenceMark > total) {
    problems.push({
      zh: `优秀分数线（${standard.excellenceMark}）超过了评查标准总分（${total}）。`,
      en: `The excellence mark (${standard.excellenceMark}) exceeds the standard's total (${total}).`,
    });
  }
  return problems;
}

/**
 * Masks personal data in the text of a guiding case: the parties' names given by the office (张三 → 张某),
 * resident ID numbers and mobile or landline numbers.
 */
export function redactPersonalData(text: string, partyNames: string[] = []): string {
  let out = text;
  const names = [...new Set(partyNames.map((n) => n.trim()).filter((n) => n.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
  for (const name of names) out = out.split(name).join(`${[...name][0]}某`);
  return out
    .replace(
      /(?<![0-9])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?![0-9])/g,
      '[身份证号已隐去]',
    )
    .replace(/(?<![0-9])1[3-9]\d{9}(?![0-9])/g, '[电话已隐去]')
    .replace(/(?<![0-9])0\d{2,3}-?\d{7,8}(?![0-9])/g, '[电话已隐去]');
}
