import { ValidateBy, ValidationOptions } from 'class-validator';
import { assertCalendarDay } from '@oversight/deadlines';

/**
 * The form alone (YYYY-MM-DD), for `@Matches` where the service itself checks that the day exists and
 * names the field its own way (the acceptance campaign's calendar); elsewhere use `@IsIsoDay()`.
 */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const isCalendarDay = (value: unknown): boolean => {
  if (typeof value !== 'string' || !ISO_DAY.test(value)) return false;
  try {
    assertCalendarDay(value);
    return true;
  } catch {
    return false;
  }
};

/**
 * A calendar day as the API takes it: YYYY-MM-DD (Beijing time by convention), and a day that exists, so
 * that 2026-02-30 is a 400 with a clear message rather than an error from the database.
 */
export const IsIsoDay = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isIsoDay', validator: { validate: isCalendarDay } }, options);
