import { ASSESSMENT_SOURCE } from '@oversight/contracts';
import type { Bilingual } from '@oversight/platform';

/**
 * The annual assessment of enforcement (执法考核精细化, plan 四（五）) as data: the indicators, how each
 * is computed and scored, the default weights, the grade thresholds, and what follows a grade. The plan
 * asks for the assessment and the report (四（五）2) but fixes no indicator, weight or threshold: every
 * number here is the leading-group office's practice [local] unless it cites the plan; weights are set
 * per year by the office through the API.
 */
const PLAN = '《实施方案》';

export const INDICATOR_CODES = [
  'on-time-rate',
  'complaints',
  'corrections',
  'case-file-review',
  'training',
  'acceptance',
  'satisfaction',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/**
 * How a raw value becomes a 0–100 score:
 * - `percentage`: the raw value is already a percentage (higher is better); score = raw.
 * - `points`: the raw value is a score on 100 (higher is better); score = raw.
 * - `deduction`: the raw value is a count (lower is better); score = max(0, 100 − perItem × count).
 */
export type Normalisation =
  | { method: 'percentage' }
  | { method: 'points' }
  | { method: 'deduction'; perItem: number; source: 'local'; basis: string };

export interface Indicator {
  code: IndicatorCode;
  name: Bilingual;
  /** What the raw value counts, in the unit shown. */
  unit: '%' | '件' | '分';
  direction: 'higher-is-better' | 'lower-is-better';
  /** Where the raw value comes from and how it is computed. */
  computation: Bilingual;
  /** When a unit has no data for it (the indicator is then left out of its total, shown as 无数据). */
  noData: Bilingual;
  normalisation: Normalisation;
  /** The plan section the indicator comes from. */
  planSection: string;
  /** `assessment_input.source` read, or the bureau's own data. */
  source: string;
}

export const INDICATORS: readonly Indicator[] = [
  {
    code: 'on-time-rate',
    name: { zh: '按时办结率', en: 'on-time rate of transfers received' },
    unit: '%',
    direction: 'higher-is-better',
    computation: {
      zh: '本年度到期的、移交给本单位的事项（含交办的投诉举报）中，在期限内办结的比例（期限以最后一次延期后的为准；到期前已被标记逾期或到期后办结为逾期；到期未办结为逾期未办）',
      en: 'of the transfers received by the unit that fell due in the year (complaints assigned to it included): the share closed by their (latest, extended) due date; closed late, flagged overdue before closing, or still open after the due date counts against',
    },
    noData: { zh: '本年度无到期移交事项', en: 'no transfer to the unit fell due in the year' },
    normalisation: { method: 'percentage' },
    planSection: `${PLAN}四（一）2、四（五）2：防止相互推诿；执法绩效考评`,
    source: 'transfer-changed',
  },
  {
    code: 'complaints',
    name: { zh: '投诉举报件数', en: 'complaints against the unit' },
    unit: '件',
    direction: 'lower-is-better',
    computation: {
      zh: '本年度登记的、以本单位为被投诉单位的行政执法投诉举报件数（不予受理和转送有权机关的除外）',
      en: 'complaints registered in the year naming the unit as respondent, except those not accepted or forwarded to another organ',
    },
    noData: {
      zh: '不适用：投诉举报由司法局统一登记，无投诉即为0件',
      en: 'not applicable: the bureau registers every complaint, none means 0',
    },
    normalisation: {
      method: 'deduction',
      perItem: 5,
      source: 'local',
      basis: `${PLAN}三（三）5、6：投诉多的执法事项纳入负面清单；本县实践每件扣5分，扣完为止`,
    },
    planSection: `${PLAN}三（三）5、四（五）2：行政执法行为投诉举报查处`,
    source: 'complaint',
  },
  {
    code: 'corrections',
    name: { zh: '纠错件数', en: 'corrections ordered by supervision' },
    unit: '件',
    direction: 'lower-is-better',
    computation: {
      zh: '本年度行政执法监督检查案件中，认定本单位有过错并责令纠正的件数（结果为corrected）',
      en: 'supervision cases of the year in which the unit was found at fault and ordered to correct (result `corrected`)',
    },
    noData: {
      zh: '本年度全县尚无监督检查案件结果；有结果时，无纠错的单位计0件',
      en: 'no supervision case result recorded in the year for any unit; once there is one, a unit without correction counts 0',
    },
    normalisation: {
      method: 'deduction',
      perItem: 10,
      source: 'local',
      basis: `${PLAN}三（三）6：纠错多的纳入负面清单；本县实践每件扣10分，扣完为止`,
    },
    planSection: `${PLAN}四（五）2：纠正撤销中发现的突出问题`,
    source: ASSESSMENT_SOURCE.supervisionCase,
  },
  {
    code: 'case-file-review',
    name: { zh: '案卷评查得分', en: 'case-file review score' },
    unit: '分',
    direction: 'higher-is-better',
    computation: {
      zh: '本年度评查的本单位案卷得分（百分制）的平均分（各次评查的平均分按案卷数加权）',
      en: 'mean score (on 100) of the unit’s case files reviewed in the year (rounds’ averages weighted by their files)',
    },
    noData: { zh: '本年度未评查本单位案卷', en: 'no case file of the unit reviewed in the year' },
    normalisation: { method: 'points' },
    planSection: `${PLAN}四（四）3：优化执法案件评查机制`,
    source: ASSESSMENT_SOURCE.caseFileReview,
  },
  {
    code: 'training',
    name: { zh: '培训达标率', en: 'training completion' },
    unit: '%',
    direction: 'higher-is-better',
    computation: {
      zh: '本单位执法人员和辅助人员中全年培训时长达标（执法人员不少于5个工作日、辅助人员不少于3天）的比例（取年度培训核查记录的达标人数和总人数）',
      en: 'share of the unit’s officers and auxiliaries who met the yearly training minimum (5 working days, auxiliaries 3 days), from the annual training check (people met ÷ people)',
    },
    noData: { zh: '本年度无本单位培训记录', en: 'no training record of the unit in the year' },
    normalisation: { method: 'percentage' },
    planSection: `${PLAN}四（二）2、3：常态化培训`,
    source: ASSESSMENT_SOURCE.training,
  },
  {
    code: 'acceptance',
    name: { zh: '创建验收结果', en: 'acceptance result' },
    unit: '分',
    direction: 'higher-is-better',
    computation: {
      zh: '本年度先行区创建验收中本单位的验收得分（百分制，多次验收活动取平均）',
      en: 'the unit’s inspection score (on 100) in the year’s creation-stage acceptance (mean if several campaigns)',
    },
    noData: { zh: '本年度未参加创建验收或尚无验收结果', en: 'no acceptance result for the unit in the year' },
    normalisation: { method: 'points' },
    planSection: `${PLAN}五（二）、六（三）：县司法局组织验收`,
    source: ASSESSMENT_SOURCE.acceptanceCampaign,
  },
  {
    code: 'satisfaction',
    name: { zh: '回访满意率', en: 'follow-up satisfaction' },
    unit: '%',
    direction: 'higher-is-better',
    computation: {
      zh: '本年度对本单位执法、复议、诉讼案件回访中，评价为满意或基本满意的比例（未联系上的不计；反映问题的计为不满意）',
      en: 'share of the year’s follow-up visits on the unit’s cases rated satisfied or basically satisfied (visits that reached nobody are left out; a reported problem counts as not satisfied)',
    },
    noData: { zh: '本年度无本单位回访评价', en: 'no rated follow-up visit of the unit in the year' },
    normalisation: { method: 'percentage' },
    planSection: `${PLAN}四（四）2：建立案件回访制度`,
    source: ASSESSMENT_SOURCE.followUpVisit,
  },
];

export const indicator = (code: IndicatorCode): Indicator => INDICATORS.find((i) => i.code === code)!;

export type Weights = Record<IndicatorCode, number>;

/** The weights used until the office sets a year's own. */
export const DEFAULT_WEIGHTS = {
  weights: {
    'on-time-rate': 20,
    complaints: 15,
    corrections: 15,
    'case-file-review': 20,
    training: 10,
    acceptance: 10,
    satisfaction: 10,
  } satisfies Weights,
  source: 'local',
  basis: `${PLAN}四（五）2未规定各项权重；由县司法局按年度确定，此为默认值（合计100）`,
} as const;

/** The weights of a year must add up to this. */
export const WEIGHT_TOTAL = 100;

/** Grades from the weighted total (on 100), best first: the first whose minimum the total reaches. */
export const GRADES = {
  thresholds: [
    { grade: 'excellent', label: { zh: '优秀', en: 'excellent' }, min: 90 },
    { grade: 'good', label: { zh: '良好', en: 'good' }, min: 80 },
    { grade: 'pass', label: { zh: '合格', en: 'pass' }, min: 60 },
    { grade: 'fail', label: { zh: '不合格', en: 'fail' }, min: 0 },
  ],
  source: 'local',
  basis: `${PLAN}四（五）1：评定结果与表彰奖励、职级晋升、干部任用相挂钩；等次分数线为本县实践`,
} as const;
export type Grade = (typeof GRADES.thresholds)[number]['grade'];

/**
 * A unit is graded only if the indicators it has data for carry at least this share of the weight;
 * below it, its total is shown but it gets no grade and no rank (数据不足，不予评定) [local].
 */
export const MIN_COVERAGE = {
  percent: 50,
  source: 'local',
  basis: '本县实践：有数据的指标权重合计不足50%的单位不予评定等次',
} as const;

/** Organisation kinds assessed: the county's enforcement departments and the towns (plan 四（五）2). */
export const ASSESSED_KINDS = ['agency', 'town'] as const;

/** What follows a 不合格 grade, for the report (plan 四（五）1 and 六（三）). */
export const FAIL_CONSEQUENCES = {
  text: '由县司法局约谈单位主要负责人，责令限期整改并报送整改报告；考核结果纳入法治建设考核和行政机关一把手“述法”报告，取消本年度评先评优资格；造成不良影响的，依法依规追究责任。',
  basis: `${PLAN}四（五）1、六（三）`,
} as const;

/** How the rows of other capabilities are read (`assessment_input.result`). */
export const INPUT_READING = {
  correctionResult: 'corrected',
  trainingMet: 'met',
  /** 满意 and 基本满意 (the follow-up visits record 3 of 5 as `neutral`, labelled 基本满意). */
  satisfied: ['satisfied', 'basically-satisfied', 'neutral'],
  /** Visits that reached the party; `unreached` is left out. */
  rated: ['satisfied', 'basically-satisfied', 'neutral', 'dissatisfied', 'problem'],
} as const;

/** Complaint statuses that do not count against the unit: not accepted, or not its matter. */
export const COMPLAINT_EXCLUDED_STATUSES = ['rejected', 'forwarded'] as const;
