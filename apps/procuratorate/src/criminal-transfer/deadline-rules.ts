import type { DeadlineRule } from '@oversight/deadlines';

/**
 * Deadlines of the criminal-case handoff (domain.md §2.2), as data with their legal basis. Decree 310
 * (《行政执法机关移送涉嫌犯罪案件的规定》, 国务院令第310号, 2020年修订) writes its periods as “日” without
 * saying working days, so they are natural days here (rolled over to the next working day when they end
 * on a rest day); a county that reads them as working days changes `unit`, not the code.
 * Each step's rule is keyed by the BPMN user task it times.
 */
export const CRIMINAL_TRANSFER_RULES = {
  'head-decision': {
    ruleId: 'criminal-transfer.head-decision',
    length: 3,
    unit: 'natural-days',
    source: 'law',
    basis:
      '《行政执法机关移送涉嫌犯罪案件的规定》第五条：正职负责人或者主持工作的负责人应当自接到报告之日起3日内作出批准移送或者不批准移送的决定',
  },
  'transfer-to-police': {
    ruleId: 'criminal-transfer.transfer',
    length: 24,
    unit: 'hours',
    source: 'law',
    basis:
      '《行政执法机关移送涉嫌犯罪案件的规定》第五条：决定批准的，应当在24小时内向同级公安机关移送；第六条：移送时应当附移送书、调查报告、涉案物品清单、检验报告或者鉴定结论等材料',
  },
  'police-receipt': {
    ruleId: 'criminal-transfer.receipt',
    length: 24,
    unit: 'hours',
    source: 'law',
    basis:
      '《行政执法机关移送涉嫌犯罪案件的规定》第七条：公安机关应当在涉嫌犯罪案件移送书的回执上签字；不属于本机关管辖的，应当在24小时内转送有管辖权的机关，并书面告知移送案件的行政执法机关',
  },
  'filing-decision': {
    ruleId: 'criminal-transfer.filing-decision',
    length: 3,
    unit: 'natural-days',
    source: 'law',
    basis:
      '《行政执法机关移送涉嫌犯罪案件的规定》第八条：公安机关应当自接受移送之日起3日内进行审查，依法作出立案或者不予立案的决定，并书面通知移送案件的行政执法机关；不予立案的，说明理由并退回案卷材料',
  },
  'exhibit-handover': {
    ruleId: 'criminal-transfer.exhibits',
    length: 3,
    unit: 'natural-days',
    source: 'law',
    basis:
      '《行政执法机关移送涉嫌犯罪案件的规定》第十二条：行政执法机关应当自接到公安机关立案通知书之日起3日内将涉案物品以及与案件有关的其他材料移交公安机关',
  },
  'agency-response': {
    ruleId: 'criminal-transfer.reconsideration-request',
    length: 3,
    unit: 'natural-days',
    source: 'law',
    basis:
      '《行政执法机关移送涉嫌犯罪案件的规定》第九条：行政执法机关接到公安机关不予立案的通知书后，认为依法应当由公安机关决定立案的，可以自接到不予立案通知书之日起3日内，提请作出不予立案决定的公安机关复议，也可以建议人民检察院依法进行立案监督',
  },
  'reconsideration-decision': {
    ruleId: 'criminal-transfer.reconsideration-decision',
    length: 3,
    unit: 'natural-days',
    source: 'law',
    basis:
      '《行政执法机关移送涉嫌犯罪案件的规定》第九条：作出不予立案决定的公安机关应当自收到行政执法机关提请复议的文件之日起3日内作出立案或者不予立案的决定，并书面通知移送案件的行政执法机关',
  },
  'supervision-proposal': {
    ruleId: 'criminal-transfer.supervision-proposal',
    length: 3,
    unit: 'natural-days',
    source: 'law',
    basis:
      '《行政执法机关移送涉嫌犯罪案件的规定》第九条：移送案件的行政执法机关对公安机关不予立案的复议决定仍有异议的，应当自收到复议决定通知书之日起3日内建议人民检察院依法进行立案监督',
  },
  'police-reasons': {
    ruleId: 'criminal-transfer.police-reasons',
    length: 7,
    unit: 'natural-days',
    source: 'law',
    basis:
      '《人民检察院办理行政执法机关移送涉嫌犯罪案件的规定》（2001年）第八条：人民检察院要求公安机关说明不立案理由的，公安机关应当在收到《要求说明不立案理由通知书》后7日内将说明情况书面答复人民检察院',
  },
  'police-open-case': {
    ruleId: 'criminal-transfer.open-case',
    length: 15,
    unit: 'natural-days',
    source: 'law',
    basis:
      '《人民检察院办理行政执法机关移送涉嫌犯罪案件的规定》（2001年）第九条：人民检察院认为公安机关不立案理由不能成立的，应当通知公安机关在收到《通知立案书》后15日内决定立案，并将立案决定书送达人民检察院',
  },
} as const satisfies Record<string, DeadlineRule>;

export type TimedStep = keyof typeof CRIMINAL_TRANSFER_RULES;

/** Overdue steps are first urged (the responsible body's head), then go to the liaison meeting. */
export const ESCALATION_RULE = {
  ruleId: 'criminal-transfer.escalation',
  length: 2,
  unit: 'working-days',
  source: 'local',
  basis:
    '本县行政执法与刑事司法衔接工作联席会议制度：衔接环节逾期的，督促责任单位负责人；督促后2个工作日内仍未办理的，提交联席会议研究督办',
} as const satisfies DeadlineRule;

/** 检察意见 (reverse handoff): the agency's written reply, ≈ 2 months in county practice (domain.md [check]). */
export const OPINION_REPLY_RULE = {
  ruleId: 'procuratorial-opinion.reply',
  length: 60,
  unit: 'natural-days',
  source: 'local',
  basis:
    '《人民检察院检察建议工作规定》第十九条参照；本县反向衔接工作机制：被建议单位应当在收到检察意见之日起两个月内书面回复办理情况',
} as const satisfies DeadlineRule;
