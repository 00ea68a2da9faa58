import { CLUE_FEEDBACK_RULES } from '@oversight/clue-referral';
import type { DeadlineRule } from '@oversight/deadlines';

/**
 * Deadlines of joint inspections, as data with their basis. Neither the 监督法 nor the plan fixes the
 * periods, so they are county practice (`local`): a county changes `length`/`unit` here.
 */

/** An agency's rectification of a finding when the notice names no date of its own. */
export const RECTIFICATION_RULE = {
  ruleId: 'joint-inspection.rectification',
  length: 30,
  unit: 'natural-days',
  source: 'local',
  basis:
    '《阳新县行政执法协调监督工作体系先行区创建实施方案》三（一）1：联合开展行政执法检查，发现的问题督促整改；本县执法检查工作惯例：被检查单位自收到整改通知之日起30日内整改并书面报告',
} as const satisfies DeadlineRule;

/**
 * Who must sit on a joint inspection team. The plan (三（一）1) has the justice bureau inspect "jointly
 * with the people's congress and the procuratorate", so each of the three bodies sends at least one
 * member; a county that lets one body abstain changes this list (`local`).
 */
export const TEAM_RULE = {
  bodies: ['rd', 'sfj', 'jcy'] as const,
  minPerBody: 1,
  source: 'local',
  basis:
    '《阳新县行政执法协调监督工作体系先行区创建实施方案》三（一）1：县司法局联合县人大、县检察院定期开展行政执法检查',
};

/** The supervisor pool's categories (plan 三（三）6: 行政执法监督员 from these walks of life). */
export const SUPERVISOR_CATEGORIES = {
  lawyer: '律师（法律顾问、公职律师）',
  deputy: '人大代表',
  'cppcc-member': '政协委员',
  expert: '专家学者',
  journalist: '新闻工作者',
  enterprise: '重点企业职工',
  other: '其他',
} as const;

export const SEVERITY = { minor: '轻微', general: '一般', serious: '严重' } as const;
export const LEAD_BODIES = { rd: '县人大常委会', sfj: '县司法局', jcy: '县检察院' } as const;

/**
 * The feedback the congress expects from the discipline commission on a clue it refers, as the bureau's
 * table states it (county two-way cooperation mechanism, `local`); the commission's tasks are due then.
 */
export const CLUE_REFERRAL_RULES = {
  referralSending: {
    ruleId: 'joint-inspection.clue-referral.sending',
    length: 15,
    unit: 'working-days',
    source: 'local',
    basis: '本县问题线索移送工作机制：认定存在问题线索之日起15个工作日内，经负责人审批后移送纪检监察机关',
  },
  ...CLUE_FEEDBACK_RULES,
} as const satisfies Record<string, DeadlineRule>;
