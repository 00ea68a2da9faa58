import { useI18n } from '../i18n/i18n';

export function ProcessAdminPage() {
  const { t } = useI18n();
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
    </div>
  );
}
