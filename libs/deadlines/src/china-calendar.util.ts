import { CHINA_HOLIDAYS } from './china-holidays.data';
import { WorkingDayCalendar } from './working-day-calendar.util';

/** The national working-day calendar, from the State Council arrangements in `china-holidays.data.ts`. */
export const CHINA_CALENDAR: WorkingDayCalendar = new WorkingDayCalendar(CHINA_HOLIDAYS);
