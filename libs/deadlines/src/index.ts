export { assertCalendarDay, beijingDate, endOfBeijingDay } from './beijing-time.util';
export { CHINA_CALENDAR } from './china-calendar.util';
export { CHINA_HOLIDAYS } from './china-holidays.data';
export { dueAt, extend, remindAt } from './deadline.util';
export type { DeadlineRule } from './deadline.util';
export { WorkingDayCalendar } from './working-day-calendar.util';
export type { HolidayCalendarData, HolidayYearData } from './working-day-calendar.util';
