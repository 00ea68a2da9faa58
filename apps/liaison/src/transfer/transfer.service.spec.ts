import { isOverdue } from './transfer.service';

const now = new Date('2026-12-01T00:00:00Z');

describe('isOverdue', () => {
  it('is overdue when open past its due date, or flagged by its owner', () => {
    expect(
      isOverdue({ closedAt: null, overdueSince: null, dueAt: new Date('2026-11-30T00:00:00Z') }, now),
    ).toBe(true);
    expect(
      isOverdue({ closedAt: null, overdueSince: new Date('2026-11-29T00:00:00Z'), dueAt: null }, now),
    ).toBe(true);
  });

  it('is not overdue once closed, or while still within time', () => {
    expect(
      isOverdue({ closedAt: now, overdueSince: now, dueAt: new Date('2026-11-01T00:00:00Z') }, now),
    ).toBe(false);
    expect(
      isOverdue({ closedAt: null, overdueSince: null, dueAt: new Date('2026-12-02T00:00:00Z') }, now),
    ).toBe(false);
  });
});
