import { useEffect, useState } from 'react';
import { api, ApiFailure, download } from '../api';
import { BarChart, percent } from '../components/BarChart';
import { Deadline } from '../components/Deadline';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';

interface Transfer {
  id: string;
  kind: string;
  sourceRef: string;
  sender: string | null;
  receiver: string | null;
  subject: string | null;
  dueAt: string | null;
  openedAt: string;
  closedAt: string | null;
  overdue: boolean;
}

interface Meeting {
  id: string;
  title: string;
  kind: string;
  scheduledAt: string;
  location: string | null;
  status?: string;
}

interface StatRow {
  body: string;
  quarter: number;
  total: number;
  closed: number;
  onTime: number;
  overdueOpen: number;
  onTimeRate: number | null;
}

/** The liaison board (联席会议): transfers overdue first, meetings, counts and on-time rates, exports. */
export function LiaisonPage() {
  const { t, lang, dateTime, orgName } = useI18n();
  const year = new Date().getFullYear();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [transfers, setTransfers] = useState<{ total: number; items: Transfer[] } | null>(null);
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [stats, setStats] = useState<StatRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiFailure ? e.text(lang) : String(e));
  useEffect(() => {
    api<{ total: number; items: Transfer[] }>(
      `/liaison/transfers?limit=100${overdueOnly ? '&overdue=true' : ''}`,
    )
      .then(setTransfers)
      .catch(fail);
  }, [overdueOnly]);
  useEffect(() => {
    api<Meeting[]>('/liaison/meetings')
      .then(setMeetings)
      .catch(() => setMeetings([]));
    api<{ rows: StatRow[] }>(`/liaison/statistics?year=${year}`)
      .then((s) => setStats(s.rows))
      .catch(fail);
  }, [year]);

  const kind = (k: string) => {
    const key = `kind.${k}` as MessageKey;
    return t(key) === key ? k : t(key);
  };
  const byBody = new Map<string, { total: number; closed: number; onTime: number }>();
  const byQuarter = new Map<number, { total: number; closed: number; onTime: number }>();
  for (const r of stats) {
    for (const [map, key] of [
      [byBody, r.body],
      [byQuarter, r.quarter],
    ] as [Map<string | number, { total: number; closed: number; onTime: number }>, string | number][]) {
      const acc = map.get(key) ?? { total: 0, closed: 0, onTime: 0 };
      acc.total += r.total;
      acc.closed += r.closed;
      acc.onTime += r.onTime;
      map.set(key, acc);
    }
  }
  const rate = (a: { closed: number; onTime: number }) => (a.closed === 0 ? 0 : a.onTime / a.closed);
  const tone = (r: number) => (r >= 0.9 ? 'ok' : r >= 0.7 ? 'warn' : 'bad');

  return (
    <div className="page liaison">
      <div className="toolbar">
        <h1>{t('liaison.title')}</h1>
        <button
          className="small"
          onClick={() => download(`/liaison/transfers.xlsx`, 'transfers.xlsx').catch(fail)}
          data-testid="export-transfers"
        >
          {t('liaison.exportRegister')}
        </button>
        <button
          className="small"
          onClick={() =>
            download(`/liaison/statistics.xlsx?year=${year}`, `statistics-${year}.xlsx`).catch(fail)
          }
        >
          {t('liaison.exportStatistics')}
        </button>
      </div>
      {error && <p className="error">{error}</p>}
      <div className="two">
        <section className="card">
          <h2>{t('liaison.countsByBody', { year })}</h2>
          <BarChart
            testId="chart-counts"
            rows={[...byBody].map(([b, a]) => ({ label: orgName(b || null), value: a.total }))}
          />
          <h2>{t('liaison.onTimeByBody')}</h2>
          <BarChart
            max={1}
            format={percent}
            rows={[...byBody].map(([b, a]) => ({
              label: orgName(b || null),
              value: rate(a),
              tone: tone(rate(a)),
            }))}
          />
        </section>
        <section className="card">
          <h2>{t('liaison.byQuarter', { year })}</h2>
          <BarChart
            rows={[...byQuarter].map(([q, a]) => ({ label: t('liaison.quarter', { q }), value: a.total }))}
          />
          <h2>{t('liaison.onTimeByQuarter')}</h2>
          <BarChart
            max={1}
            format={percent}
            rows={[...byQuarter].map(([q, a]) => ({
              label: t('liaison.quarter', { q }),
              value: rate(a),
              tone: tone(rate(a)),
            }))}
          />
          <h2>{t('liaison.meetings')}</h2>
          {meetings.length === 0 ? (
            <p className="muted">{t('liaison.noMeetings')}</p>
          ) : (
            <ul className="meetings">
              {meetings.slice(0, 6).map((m) => (
                <li key={m.id}>
                  <strong>{m.title}</strong>{' '}
                  <span className="muted">
                    {dateTime(m.scheduledAt)} · {m.location ?? ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="card">
        <div className="toolbar">
          <h2>{t('liaison.transfers')}</h2>
          <label className="check">
            <input
              type="checkbox"
              checked={overdueOnly}
              onChange={(e) => setOverdueOnly(e.target.checked)}
              data-testid="overdue-only"
            />
            {t('liaison.overdueOnly')}
          </label>
          {transfers && <span className="muted">{t('liaison.total', { n: transfers.total })}</span>}
        </div>
        <table className="grid" data-testid="transfer-table">
          <thead>
            <tr>
              <th>{t('liaison.kind')}</th>
              <th>{t('liaison.subject')}</th>
              <th>{t('liaison.sender')}</th>
              <th>{t('liaison.receiver')}</th>
              <th>{t('liaison.opened')}</th>
              <th>{t('liaison.due')}</th>
              <th>{t('liaison.state')}</th>
            </tr>
          </thead>
          <tbody>
            {(transfers?.items ?? []).map((tr) => (
              <tr
                key={tr.id}
                data-testid="transfer-row"
                data-source-ref={tr.sourceRef}
                className={tr.overdue ? 'due-overdue' : undefined}
              >
                <td>{kind(tr.kind)}</td>
                <td>{tr.subject ?? tr.sourceRef}</td>
                <td>{orgName(tr.sender)}</td>
                <td>{orgName(tr.receiver)}</td>
                <td>{dateTime(tr.openedAt)}</td>
                <td>
                  <Deadline due={tr.closedAt ? null : tr.dueAt} />
                </td>
                <td data-testid="transfer-state">
                  {tr.closedAt ? (
                    t('liaison.closed')
                  ) : tr.overdue ? (
                    <strong className="bad">{t('liaison.overdue')}</strong>
                  ) : (
                    t('liaison.open')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
