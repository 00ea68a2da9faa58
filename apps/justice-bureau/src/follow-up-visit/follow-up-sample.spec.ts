import { FOLLOW_UP_RULES } from './follow-up-rules';
import { drawSample, sampleSize } from './follow-up-sample.util';

const cases = (kind: 'enforcement' | 'reconsideration' | 'litigation', n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `${kind}-${i}`, kind }));

describe('follow-up visit sample', () => {
  it('takes the ratio rounded up, at least one case when there is any', () => {
    expect(sampleSize(0, 0.1)).toBe(0);
    expect(sampleSize(3, 0.1)).toBe(1);
    expect(sampleSize(10, 0.1)).toBe(1);
    expect(sampleSize(11, 0.1)).toBe(2);
    expect(sampleSize(20, 0.1)).toBe(2);
    expect(sampleSize(5, 1)).toBe(5);
    expect(sampleSize(5, 0)).toBe(0);
  });

  it('draws the same cases from the same seed, other cases from another seed', () => {
    const population = [
      ...cases('enforcement', 30),
      ...cases('reconsideration', 5),
      ...cases('litigation', 0),
    ];
    const a = drawSample(population, FOLLOW_UP_RULES.ratios, 'seed-1');
    expect(a.enforcement).toHaveLength(3);
    expect(a.reconsideration).toHaveLength(1);
    expect(a.litigation).toEqual([]);
    expect(drawSample([...population].reverse(), FOLLOW_UP_RULES.ratios, 'seed-1')).toEqual(a);
    const others = ['seed-2', 'seed-3', 'seed-4'].map((s) =>
      drawSample(population, FOLLOW_UP_RULES.ratios, s),
    );
    expect(others.some((o) => o.enforcement.join() !== a.enforcement.join())).toBe(true);
  });
});
