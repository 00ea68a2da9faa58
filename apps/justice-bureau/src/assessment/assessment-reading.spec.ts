import {
  acceptance,
  caseFileReview,
  corrections,
  InputRow,
  satisfaction,
  training,
} from './assessment-reading.util';

const row = (
  result: string,
  score: number | null = null,
  detail: Record<string, unknown> = {},
): InputRow => ({
  result,
  score,
  detail,
});

describe('reading the other capabilities’ assessment inputs', () => {
  it('counts corrections only once supervision cases report results at all', () => {
    const rows = [row('corrected'), row('no-fault'), row('dismissed'), row('corrected')];
    expect(corrections(rows, true)).toEqual({ value: 2, detail: { cases: 4, corrected: 2 } });
    expect(corrections([], true).value).toBe(0);
    expect(corrections([], false).value).toBeNull();
  });

  it('weights the case-file review rounds’ averages by their files', () => {
    const r = caseFileReview([
      row('pass', 80, { grades: { excellent: 0, pass: 2, fail: 0 } }),
      row('excellent', 95, { grades: { excellent: 1 } }),
    ]);
    expect(r.value).toBe(85); // (2 × 80 + 1 × 95) / 3
    expect(r.detail).toEqual({ rounds: 2, files: 3 });
    expect(caseFileReview([row('pass', 70), row('pass', 90)]).value).toBe(80);
    expect(caseFileReview([]).value).toBeNull();
  });

  it('reads training from the annual check’s people and met, else one person per row', () => {
    expect(training([row('shortfall', 75, { people: 4, met: 3 })])).toEqual({
      value: 75,
      detail: { people: 4, met: 3 },
    });
    expect(training([row('met'), row('not-met')]).value).toBe(50);
    expect(training([row('met', null, { people: 2, met: 5 })]).value).toBe(100); // inconsistent counts: one person
    expect(training([]).value).toBeNull();
  });

  it('takes satisfied and basically satisfied among the visits that reached the party', () => {
    const r = satisfaction([
      row('satisfied', 5),
      row('neutral', 3),
      row('dissatisfied', 1),
      row('problem', 4),
      row('unreached'),
    ]);
    expect(r).toEqual({ value: 50, detail: { rated: 4, satisfied: 2 } });
    expect(satisfaction([row('unreached')]).value).toBeNull();
  });

  it('averages the acceptance scores and ignores rows without one', () => {
    expect(acceptance([row('accepted', 92), row('failed', 60), row('accepted')]).value).toBe(76);
    expect(acceptance([row('accepted')]).value).toBeNull();
  });
});
