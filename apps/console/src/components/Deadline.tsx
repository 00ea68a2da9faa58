import { useI18n } from '../i18n/i18n';

const DAY = 24 * 3600 * 1000;

/** How close a due date is: overdue (red), due within two days (amber), later (green). */
export function deadlineLevel(due: string | null, now = Date.now()): 'none' | 'overdue' | 'soon' | 'ok' {
  if (!due) return 'none';
  const left = new Date(due).getTime() - now;
  if (left < 0) return 'overdue';
  if (left < 2 * DAY) return 'soon';
  return 'ok';
}

export function Deadline({ due }: { due: string | null }) {
  const { t, dateTime } = useI18n();
  const level = deadlineLevel(due);
  if (level === 'none') return <span className="muted">{t('deadline.none')}</span>;
  return (
    <span className={`deadline ${level}`} data-level={level}>
      {dateTime(due)}
      <small>{t(`deadline.${level}`)}</small>
    </span>
  );
}
