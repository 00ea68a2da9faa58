const DAY = 24 * 3600 * 1000;

/** How close a due date is: overdue (red), due within two days (amber), later (green). */
export function deadlineLevel(due: string | null, now = Date.now()): 'none' | 'overdue' | 'soon' | 'ok' {
  if (!due) return 'none';
  const left = new Date(due).getTime() - now;
  if (left < 0) return 'overdue';
  if (left < 2 * DAY) return 'soon';
  return 'ok';
}
