import { useEffect, useState } from 'react';
import { api, ApiFailure } from '../api';
import { BarChart, percent } from '../components/BarChart';
import { useI18n } from '../i18n/i18n';

interface Statistics {
  total: number;
  outcomes: Record<'accepted' | 'rejected' | 'forwarded' | 'replied' | 'closed' | 'substantiated', number>;
  onTimeRate: number | null;
  byAgency: { org: string; name: string; total: number; replied: number; onTimeRate: number | null }[];
  byCategory: { category: string; total: number }[];
}

const OUTCOMES = ['accepted', 'rejected', 'forwarded', 'replied', 'closed', 'substantiated'] as const;

/** The public statistics of complaints (公开统计), no log-in. */
export function PublicStatisticsPage() {
  const { t, lang, orgName } = useI18n();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [stats, setStats] = useState<Statistics | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<Statistics>(`/public/complaint-statistics?from=${from}&to=${to}`, { anonymous: true })
      .then(setStats)
      .catch((e) => setError(e instanceof ApiFailure ? e.text(lang) : String(e)));
  }, [from, to, lang]);
  return (
    <div className="page">
      <h1>{t('stats.title')}</h1>
      <div className="toolbar">
        <label className="inline">
          {t('stats.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="inline">
          {t('stats.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {error && <p className="error">{error}</p>}
      {stats && (
        <>
          <div className="kpis" data-testid="stats-kpis">
            <div>
              <strong>{stats.total}</strong>
              <span>{t('stats.total')}</span>
            </div>
            {OUTCOMES.map((o) => (
              <div key={o}>
                <strong>{stats.outcomes[o]}</strong>
                <span>{t(`stats.${o}`)}</span>
              </div>
            ))}
            <div>
              <strong>{percent(stats.onTimeRate)}</strong>
              <span>{t('stats.onTimeRate')}</span>
            </div>
          </div>
          <div className="two">
            <section className="card">
              <h2>{t('stats.byAgency')}</h2>
              {stats.byAgency.length === 0 ? (
                <p className="muted">{t('app.noData')}</p>
              ) : (
                <BarChart
                  rows={stats.byAgency.map((a) => ({
                    label: orgName(a.org) === a.org ? a.name : orgName(a.org),
                    value: a.total,
                  }))}
                />
              )}
            </section>
            <section className="card">
              <h2>{t('stats.byCategory')}</h2>
              {stats.byCategory.length === 0 ? (
                <p className="muted">{t('app.noData')}</p>
              ) : (
                <BarChart
                  rows={stats.byCategory.map((c) => ({
                    label: t(`category.${c.category}` as 'category.other'),
                    value: c.total,
                  }))}
                />
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
