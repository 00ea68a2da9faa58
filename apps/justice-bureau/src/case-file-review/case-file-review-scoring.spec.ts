import { DEFAULT_REVIEW_STANDARD, gradeOf } from './case-file-review-standard';
import { redactPersonalData, scoreSheet, standardProblems } from './case-file-review-scoring.util';

const full = () => DEFAULT_REVIEW_STANDARD.items.map((i) => ({ code: i.code, score: i.weight, finding: '' }));

describe('case-file review scoring', () => {
  it('totals a complete sheet and grades it against the marks', () => {
    const items = full();
    Object.assign(items.find((i) => i.code === 'procedure')!, { score: 5, finding: '未告知听证权利' });
    const result = scoreSheet(DEFAULT_REVIEW_STANDARD, items);
    expect(result).toEqual({ sheet: expect.objectContaining({ total: 85, grade: 'pass' }) });
  });

  it('refuses a score above the weight, a negative score, an unknown item and a missing item', () => {
    const items = full().filter((i) => i.code !== 'filing');
    items[0].score = 11;
    items[1].score = -1;
    items.push({ code: 'mood', score: 1, finding: '' });
    const result = scoreSheet(DEFAULT_REVIEW_STANDARD, items);
    expect('problems' in result && result.problems.map((p) => p.en)).toEqual([
      'The score of "subject" must be between 0 and 10; got 11.',
      'The score of "facts" must be between 0 and 15; got -1.',
      'The standard has no item "mood".',
      'Items not scored: filing.',
    ]);
  });

  it('asks for the finding of every deduction', () => {
    const items = full();
    items.find((i) => i.code === 'filing')!.score = 4;
    const result = scoreSheet(DEFAULT_REVIEW_STANDARD, items);
    expect('problems' in result && result.problems.map((p) => p.zh)).toEqual([
      '条目“立卷归档”扣分的，须写明评查意见（扣分理由）。',
    ]);
  });

  it('grades at the marks inclusively', () => {
    expect(gradeOf(90, DEFAULT_REVIEW_STANDARD)).toBe('excellent');
    expect(gradeOf(89.9, DEFAULT_REVIEW_STANDARD)).toBe('pass');
    expect(gradeOf(70, DEFAULT_REVIEW_STANDARD)).toBe('pass');
    expect(gradeOf(69.9, DEFAULT_REVIEW_STANDARD)).toBe('fail');
  });

  it('refuses marks the standard cannot reach or in the wrong order', () => {
    expect(standardProblems({ ...DEFAULT_REVIEW_STANDARD, passMark: 95, excellenceMark: 90 })).toHaveLength(
      1,
    );
    expect(standardProblems({ ...DEFAULT_REVIEW_STANDARD, excellenceMark: 101 })).toHaveLength(1);
    expect(standardProblems(DEFAULT_REVIEW_STANDARD)).toEqual([]);
  });

  it('masks parties, ID numbers and telephone numbers in a guiding case', () => {
    expect(
      redactPersonalData(
        '当事人张三丰（身份证420222199001011234，电话13912345678，0714-7321234）经营……张三丰称',
        ['张三丰'],
      ),
    ).toBe('当事人张某（身份证[身份证号已隐去]，电话[电话已隐去]，[电话已隐去]）经营……张某称');
  });
});
