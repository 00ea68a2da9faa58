import type { HolidayCalendarData } from './working-day-calendar.util';

/**
 * Official holiday arrangements of the State Council General Office, one notice a year, usually published
 * in October or November of the year before. Every rest day of a holiday block is listed, weekend days
 * included; `workdays` are the weekend days worked in exchange (调休).
 *
 * All entries below were checked against the published text of each notice (Xinhua / gov.cn reprints).
 * When a new notice comes out, add its year here; until then `covers(year)` is false for it.
 */
export const CHINA_HOLIDAYS: HolidayCalendarData = {
  years: {
    // Published 2023-10-25.
    2024: {
      source: '国务院办公厅关于2024年部分节假日安排的通知',
      holidays: [
        // New Year: 1/1, joined to the weekend.
        '2024-01-01',
        // Spring Festival: 2/10-2/17.
        '2024-02-10',
        '2024-02-11',
        '2024-02-12',
        '2024-02-13',
        '2024-02-14',
        '2024-02-15',
        '2024-02-16',
        '2024-02-17',
        // Qingming: 4/4-4/6.
        '2024-04-04',
        '2024-04-05',
        '2024-04-06',
        // Labour Day: 5/1-5/5.
        '2024-05-01',
        '2024-05-02',
        '2024-05-03',
        '2024-05-04',
        '2024-05-05',
        // Dragon Boat: 6/10, joined to the weekend.
        '2024-06-10',
        // Mid-Autumn: 9/15-9/17.
        '2024-09-15',
        '2024-09-16',
        '2024-09-17',
        // National Day: 10/1-10/7.
        '2024-10-01',
        '2024-10-02',
        '2024-10-03',
        '2024-10-04',
        '2024-10-05',
        '2024-10-06',
        '2024-10-07',
      ],
      workdays: [
        '2024-02-04', // Sun, Spring Festival
        '2024-02-18', // Sun, Spring Festival
        '2024-04-07', // Sun, Qingming
        '2024-04-28', // Sun, Labour Day
        '2024-05-11', // Sat, Labour Day
        '2024-09-14', // Sat, Mid-Autumn
        '2024-09-29', // Sun, National Day
        '2024-10-12', // Sat, National Day
      ],
    },
    // Published 2024-11-12 (国办发明电〔2024〕12号), the first under the 2024 revision of the holiday rules.
    2025: {
      source: '国务院办公厅关于2025年部分节假日安排的通知',
      holidays: [
        // New Year: 1/1 only (a Wednesday), no swap.
        '2025-01-01',
        // Spring Festival: 1/28 (New Year's Eve)-2/4.
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-02-01',
        '2025-02-02',
        '2025-02-03',
        '2025-02-04',
        // Qingming: 4/4-4/6.
        '2025-04-04',
        '2025-04-05',
        '2025-04-06',
        // Labour Day: 5/1-5/5.
        '2025-05-01',
        '2025-05-02',
        '2025-05-03',
        '2025-05-04',
        '2025-05-05',
        // Dragon Boat: 5/31-6/2.
        '2025-05-31',
        '2025-06-01',
        '2025-06-02',
        // National Day and Mid-Autumn together: 10/1-10/8.
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ],
      workdays: [
        '2025-01-26', // Sun, Spring Festival
        '2025-02-08', // Sat, Spring Festival
        '2025-04-27', // Sun, Labour Day
        '2025-09-28', // Sun, National Day
        '2025-10-11', // Sat, National Day
      ],
    },
    // Published 2025-11-04.
    2026: {
      source: '国务院办公厅关于2026年部分节假日安排的通知',
      holidays: [
        // New Year: 1/1-1/3.
        '2026-01-01',
        '2026-01-02',
        '2026-01-03',
        // Spring Festival: 2/15-2/23.
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
        // Qingming: 4/4-4/6.
        '2026-04-04',
        '2026-04-05',
        '2026-04-06',
        // Labour Day: 5/1-5/5.
        '2026-05-01',
        '2026-05-02',
        '2026-05-03',
        '2026-05-04',
        '2026-05-05',
        // Dragon Boat: 6/19-6/21.
        '2026-06-19',
        '2026-06-20',
        '2026-06-21',
        // Mid-Autumn: 9/25-9/27.
        '2026-09-25',
        '2026-09-26',
        '2026-09-27',
        // National Day: 10/1-10/7.
        '2026-10-01',
        '2026-10-02',
        '2026-10-03',
        '2026-10-04',
        '2026-10-05',
        '2026-10-06',
        '2026-10-07',
      ],
      workdays: [
        '2026-01-04', // Sun, New Year
        '2026-02-14', // Sat, Spring Festival
        '2026-02-28', // Sat, Spring Festival
        '2026-05-09', // Sat, Labour Day
        '2026-09-20', // Sun, National Day
        '2026-10-10', // Sat, National Day
      ],
    },
  },
};
