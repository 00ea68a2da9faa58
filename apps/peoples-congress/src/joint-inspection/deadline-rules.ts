import type { DeadlineCitation } from '@oversight/contracts';
import type { DeadlineRule } from '@oversight/deadlines';

/**
 * Deadlines of joint inspections and annual reports, as data with their basis. Neither the 监督法 nor the
 * plan fixes the periods, so both are county practice (`local`): a county changes `length`/`unit` here.
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

/** The bureau's written reply to the standing committee's deliberation opinions on an annual report. */
export const DELIBERATION_REPLY_RULE = {
  ruleId: 'annual-report.deliberation-reply',
  length: 60,
  unit: 'natural-days',
  source: 'local',
  basis:
    '《中华人民共和国各级人民代表大会常务委员会监督法》：审议意见交由本级人民政府研究处理，研究处理情况向常务委员会提出书面报告；期限按本县人大常委会惯例为审议意见交办之日起两个月',
} as const satisfies DeadlineRule;

export const citation = (rule: DeadlineCitation): DeadlineCitation => ({
  ruleId: rule.ruleId,
  length: rule.length,
  unit: rule.unit,
  basis: rule.basis,
});

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
