import { weekday } from './beijing-time.util';
import { CHINA_HOLIDAYS } from './china-holidays.data';

const years = Object.entries(CHINA_HOLIDAYS.years);

describe('official holiday data', () => {
  it.each(years)('%s cites its State Council notice', (year, data) => {
    expect(data.source).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`);
  });

  it.each(years)('%s has 调休 working days only on weekends', (_year, data) => {
    for (const day of data.workdays) expect([0, 6]).toContain(weekday(day));
  });

  it.each(years)('%s lists each date once and in order', (_year, data) => {
    expect([...data.holidays].sort()).toEqual(data.holidays);
    expect(new Set(data.holidays).size).toBe(data.holidays.length);
  });

  it('matches the number of rest days announced in each notice', () => {
    // 2024: 1+8+3+5+1+3+7; 2025: 1+8+3+5+3+8; 2026: 3+9+3+5+3+3+7.
    expect(CHINA_HOLIDAYS.years[2024].holidays).toHaveLength(28);
    expect(CHINA_HOLIDAYS.years[2025].holidays).toHaveLength(28);
    expect(CHINA_HOLIDAYS.years[2026].holidays).toHaveLength(33);
  });

  it('agrees with the weekdays printed in the 2026 notice', () => {
    // 1月1日（周四）, 2月15日（周日）, 5月1日（周五）, 9月25日（周五）, 10月1日（周四）; 1月4日（周日）上班.
    expect(
      ['2026-01-01', '2026-02-15', '2026-05-01', '2026-09-25', '2026-10-01', '2026-01-04'].map(weekday),
    ).toEqual([4, 0, 5, 5, 4, 0]);
  });
});
