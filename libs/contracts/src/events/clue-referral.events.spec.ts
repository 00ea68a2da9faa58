import {
  CLUE_DISPOSALS,
  CLUE_FEEDBACK_MESSAGE,
  CLUE_TOPICS,
  missingClueReferralParts,
} from './clue-referral.events';

const complete = {
  subjects: [{ name: '王某', identity: '中共党员', rank: '一级科员' }],
  facts: '收受财物',
  legalBasis: '《中华人民共和国监察法》第三十四条',
  suggestedDisposal: '建议初步核实',
  evidenceCount: 1,
};

describe('what a clue referral letter must contain', () => {
  it('finds nothing missing in a complete letter', () => {
    expect(missingClueReferralParts(complete)).toEqual([]);
  });

  it('names every missing part, each subject’s identity and rank included, in Chinese and English', () => {
    const missing = missingClueReferralParts({
      subjects: [
        { name: '王某', rank: ' ' },
        { name: '李某', identity: '公职人员', rank: '科员' },
      ],
      facts: '',
      legalBasis: null,
      suggestedDisposal: '建议初步核实',
      evidenceCount: 0,
    });
    expect(missing.map((m) => m.field)).toEqual([
      'subjects.0.identity',
      'subjects.0.rank',
      'facts',
      'evidence',
      'legalBasis',
    ]);
    expect(missing[0]).toEqual({
      field: 'subjects.0.identity',
      zh: '被反映人1的身份：未填写',
      en: 'subjects.0.identity is missing',
    });
  });

  it('requires at least one subject', () => {
    expect(missingClueReferralParts({ ...complete, subjects: [] }).map((m) => m.field)).toEqual(['subjects']);
  });

  it('knows the four disposals, and gives each service its own topics for each feedback', () => {
    expect(Object.values(CLUE_DISPOSALS).map((d) => d.zh)).toEqual([
      '谈话函询',
      '初步核实',
      '暂存待查',
      '予以了结',
    ]);
    for (const topics of Object.values(CLUE_TOPICS)) {
      expect(new Set(Object.values(topics)).size).toBe(6);
    }
    expect(CLUE_TOPICS['justice-bureau'].sent).toBe('justice-bureau.clue-referral.sent.v1');
    expect(new Set(Object.values(CLUE_FEEDBACK_MESSAGE)).size).toBe(3);
  });
});
