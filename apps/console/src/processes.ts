// The processes the console knows by name (the BPMN's process ids); unknown ids are shown as they are.
const NAMES: Record<string, { zh: string; en: string }> = {
  'justice-bureau-complaint-handling': { zh: '投诉举报办理', en: 'Complaint handling' },
  'justice-bureau-acceptance-campaign': { zh: '先行区创建验收', en: 'Pilot-zone acceptance campaign' },
  'justice-bureau-clue-handling': { zh: '问题线索办理（司法局）', en: 'Problem clues (justice bureau)' },
  'justice-bureau-clue-referral-sending': {
    zh: '问题线索移送（司法局移送纪委监委）',
    en: 'Clue referral to the discipline commission',
  },
  'discipline-commission-clue-handling': {
    zh: '问题线索办理（纪委监委）',
    en: 'Problem clues (discipline commission)',
  },
  'discipline-commission-clue-referral-sending': {
    zh: '问题线索移送（纪委监委移送司法局）',
    en: 'Clue referral to the justice bureau',
  },
};

export const PROCESS_KEYS = Object.keys(NAMES);

export function processName(key: string, lang: 'zh' | 'en'): string {
  return NAMES[key]?.[lang] ?? key;
}
