import { useI18n } from '../i18n/i18n';
import { deadlineLevel } from '../tasks/deadline';

export { deadlineLevel };

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
