/**
 * The scoring standard of case-file review (案卷评查标准). The plan asks the county to "细化案件质量评查标准"
 * and to "探索电子执法案卷立卷和评查标准" but sets no items, weights or marks: the items below follow the usual
 * review of an administrative enforcement file and are local practice [local], configurable per round
 * (a round keeps a copy of the standard it was opened with).
 */
export interface ReviewStandardItem {
  /** Stable code of the item, e.g. `procedure`. */
  code: string;
  title: string;
  /** Maximum points of the item. */
  weight: number;
  /** What the reviewer checks. */
  checks: string;
}

export interface ReviewStandard {
  name: string;
  source: 'local';
  basis: string;
  items: ReviewStandardItem[];
  /** At or above: 合格 (pass). */
  passMark: number;
  /** At or above: 优秀 (excellent). */
  excellenceMark: number;
}

export const REVIEW_STANDARD_BASIS =
  '《实施方案》四（四）1“探索电子执法案卷立卷和评查标准”、四（四）3“细化案件质量评查标准……通过组织年度执法检查、交叉评查、聘请第三方开展执法案卷评查”；条目、分值和分数线为本县实践 [local]';

export const DEFAULT_REVIEW_STANDARD: ReviewStandard = {
  name: '阳新县行政执法案卷评查标准',
  source: 'local',
  basis: REVIEW_STANDARD_BASIS,
  items: [
    {
      code: 'subject',
      title: '执法主体',
      weight: 10,
      checks: '执法主体合法，执法人员持有效执法证件，两人以上执法',
    },
    { code: 'facts', title: '事实认定', weight: 15, checks: '违法事实清楚，当事人认定准确' },
    { code: 'evidence', title: '证据', weight: 15, checks: '证据确实充分，收集程序合法，证据之间能相互印证' },
    {
      code: 'procedure',
      title: '执法程序',
      weight: 20,
      checks: '立案、调查、告知、听证、审核、决定、送达等程序合法，期限合规',
    },
    { code: 'law', title: '法律适用', weight: 15, checks: '适用法律、法规、规章准确，引用条款完整' },
    { code: 'discretion', title: '自由裁量', weight: 10, checks: '符合裁量基准，过罚相当，裁量理由充分' },
    {
      code: 'documents',
      title: '文书制作',
      weight: 10,
      checks: '文书格式规范，内容完整，记载准确，签章齐全',
    },
    { code: 'filing', title: '立卷归档', weight: 5, checks: '案卷装订规范，目录清晰，材料齐全，按期归档' },
  ],
  passMark: 70,
  excellenceMark: 90,
};

export type ReviewGrade = 'excellent' | 'pass' | 'fail';

export const GRADE_LABEL: Record<ReviewGrade, string> = {
  excellent: '优秀',
  pass: '合格',
  fail: '不合格',
};

export function gradeOf(total: number, marks: { passMark: number; excellenceMark: number }): ReviewGrade {
  if (total >= marks.excellenceMark) return 'excellent';
  if (total >= marks.passMark) return 'pass';
  return 'fail';
}

export const maxScore = (standard: Pick<ReviewStandard, 'items'>): number =>
  standard.items.reduce((sum, item) => sum + item.weight, 0);

/** Rounds to one decimal, the precision scores are kept at. */
export const round1 = (n: number): number => Math.round(n * 10) / 10;
