import type { SupervisionCaseStatus } from '@oversight/contracts';
import { isLaterChange } from './supervision-link.util';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 8, minute));
const change = (status: SupervisionCaseStatus, minute: number) => ({ status, at: at(minute) });

describe('isLaterChange (a requester keeps the latest status of its supervision case)', () => {
  it('takes the first change, then only later ones', () => {
    expect(isLaterChange(null, change('filing-review', 0))).toBe(true);
    expect(isLaterChange(change('investigation', 5), change('filing-review', 0))).toBe(false);
    expect(isLaterChange(change('filing-review', 0), change('investigation', 5))).toBe(true);
    // A handling decision returned for more investigation is a later change, though an earlier stage.
    expect(isLaterChange(change('decision-review', 5), change('investigation', 6))).toBe(true);
    // The same instant: the one delivered last (a redelivery changes nothing).
    expect(isLaterChange(change('rectification', 5), change('rectification', 5))).toBe(true);
  });

  it('never leaves a final status, whatever the order of arrival', () => {
    expect(isLaterChange(change('closed', 5), change('rectification', 9))).toBe(false);
    expect(isLaterChange(change('rectification', 9), change('closed', 5))).toBe(true);
    expect(isLaterChange(change('dismissed', 1), change('filing-review', 2))).toBe(false);
  });

  it('ends at the same status for every order of the same changes', () => {
    const changes = [
      change('filing-review', 0),
      change('investigation', 1),
      change('rectification', 3),
      change('closed', 4),
    ];
    const orders = [changes, [...changes].reverse(), [changes[2], changes[0], changes[3], changes[1]]];
    const finals = orders.map((order) =>
      order.reduce<{ status: SupervisionCaseStatus; at: Date } | null>(
        (stored, next) => (isLaterChange(stored, next) ? next : stored),
        null,
      ),
    );
    expect(finals.map((f) => f?.status)).toEqual(['closed', 'closed', 'closed']);
  });
});
