import type { DeadlineRule } from '@oversight/deadlines';

/**
 * Complaint deadlines as data, each with its legal basis. `source: 'law'` was read in the regulation;
 * `'local'` is county practice (domain.md marks it [local]): the county changes the table, not the code.
 */
export const DEADLINE_RULES = {
  complaintAcceptance: {
    ruleId: 'complaint.acceptance',
    length: 15,
    unit: 'natural-days',
    source: 'law',
    basis: '《信访工作条例》第二十二条、第二十三条：收到之日起15日内决定是否受理并告知',
  },
  assignmentObjection: {
    ruleId: 'complaint.assignment-objection',
    length: 5,
    unit: 'working-days',
    source: 'law',
    basis: '《信访工作条例》第二十三条：承办机关认为交办不当的，应当在5个工作日内提出异议',
  },
  complaintHandling: {
    ruleId: 'complaint.handling',
    length: 60,
    unit: 'natural-days',
    source: 'law',
    basis: '《信访工作条例》第三十四条：自受理之日起60日内办结',
    extension: {
      maxLength: 30,
      unit: 'natural-days',
      approver: 'sfj:head',
      basis:
        '《信访工作条例》第三十四条：情况复杂的，经本机关负责人批准，可以适当延长办理期限，但延长期限不得超过30日，并告知信访人延期理由',
    },
  },
  handlingReminder: {
    ruleId: 'complaint.handling-reminder',
    length: 5,
    unit: 'natural-days',
    source: 'local',
    basis: '本县投诉举报督办制度：办理期限届满前5日临期提醒',
  },
  handlingCircular: {
    ruleId: 'complaint.handling-circular',
    length: 7,
    unit: 'natural-days',
    source: 'local',
    basis: '本县投诉举报督办制度：逾期督办后7日仍未办结的予以通报',
  },
  followUpVisit: {
    ruleId: 'complaint.follow-up',
    length: 15,
    unit: 'natural-days',
    source: 'local',
    basis: '本县投诉举报回访制度：答复后15日内回访并听取评价',
  },
  appealRequest: {
    ruleId: 'complaint.appeal-request',
    length: 30,
    unit: 'natural-days',
    source: 'law',
    basis: '《信访工作条例》第三十五条：信访人对处理意见不服的，可以自收到书面答复之日起30日内请求复查',
  },
  appealReview: {
    ruleId: 'complaint.appeal-review',
    length: 30,
    unit: 'natural-days',
    source: 'law',
    basis: '《信访工作条例》第三十五条：收到复查请求之日起30日内提出复查意见',
  },
  recheckRequest: {
    ruleId: 'complaint.recheck-request',
    length: 30,
    unit: 'natural-days',
    source: 'law',
    basis: '《信访工作条例》第三十六条：信访人对复查意见不服的，可以自收到书面复查意见之日起30日内请求复核',
  },
  appealRecheck: {
    ruleId: 'complaint.appeal-recheck',
    length: 30,
    unit: 'natural-days',
    source: 'law',
    basis: '《信访工作条例》第三十六条：收到复核请求之日起30日内提出复核意见',
  },
} as const satisfies Record<string, DeadlineRule>;

export type DeadlineRuleName = keyof typeof DEADLINE_RULES;
