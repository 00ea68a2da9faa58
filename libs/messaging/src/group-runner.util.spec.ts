import { GroupRunner } from './group-runner.util';

describe('GroupRunner', () => {
  it('runs submissions of the same turn as one group, and those made meanwhile as the next', async () => {
    const groups: number[][] = [];
    let release!: () => void;
    const firstGroupHeld = new Promise<void>((resolve) => (release = resolve));
    const runner = new GroupRunner<number>(async (items) => {
      groups.push(items);
      if (groups.length === 1) await firstGroupHeld;
    }, 100);
    const first = [runner.submit([1, 2]), runner.submit([3])];
    await new Promise((resolve) => setImmediate(resolve));
    const second = [runner.submit([4]), runner.submit([5, 6])];
    release();
    await Promise.all([...first, ...second]);
    expect(groups).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('fails every submission of a failed group, and only those', async () => {
    const runner = new GroupRunner<string>(async (items) => {
      if (items.includes('bad')) throw new Error('no');
    }, 100);
    const failed = [runner.submit(['ok']), runner.submit(['bad'])];
    await expect(failed[0]).rejects.toThrow('no');
    await expect(failed[1]).rejects.toThrow('no');
    await expect(runner.submit(['ok again'])).resolves.toBeUndefined();
  });

  it('closes a group once it holds maxItems, keeping each submission whole', async () => {
    const groups: number[][] = [];
    const runner = new GroupRunner<number>(async (items) => void groups.push(items), 3);
    await Promise.all([runner.submit([1, 2]), runner.submit([3, 4]), runner.submit([5]), runner.submit([6])]);
    expect(groups).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
  });
});
