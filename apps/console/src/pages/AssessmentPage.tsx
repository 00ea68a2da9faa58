import { useEffect, useState } from 'react';
import { api, Bilingual, download, Session } from '../api';
import { may } from '../access/access';
import { useBilingual, useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';
import { ErrorLine, useFailure } from './SupervisionPage';

interface Indicator {
  code: string;
  name: Bilingual;
  unit: string;
  direction: 'higher-is-better' | 'lower-is-better';
  computation: Bilingual;
  noData: Bilingual;
  planSection: string;
}

interface Rules {
  indicators: Indicator[];
  weightTotal: number;
  grades: { thresholds: { grade: string; label: Bilingual; min: number }[]; basis: string };
  noDataRule: Bilingual;
}

interface Weights {
  year: number;
  weights: Record<string, number>;
  source: 'office' | 'default';
  basis?: string;
  note: string | null;
  setBy: string | null;
  setAt: string | null;
}

interface UnitResult {
  code: string;
  name: string;
  indicators: { code: string; raw: number | null; score: number | null; noData: boolean; name: Bilingual }[];
  coverage: number;
  total: number | null;
  grade: string | null;
  gradeLabel: Bilingual;
  rank: number | null;
}

interface Run {
  id: string;
  year: number;
  seq: number;
  status: 'computed' | 'published' | 'superseded';
  computedAt: string;
  publishedAt: string | null;
  supersedeReason: string | null;
  summary: { units: number; graded: number; byGrade: Record<string, number>; onTimeRate: number | null };
  units: UnitResult[];
}

/** The annual assessment (执法考核): catalogue, the year's weights, runs, ranking, publication, files. */
export function AssessmentPage({ session }: { session: Session }) {
  const { t, dateTime } = useI18n();
  const bi = useBilingual();
  const head = may.justiceHead(session.user);
  const [year, setYear] = useState(new Date().getFullYear());
  const [rules, setRules] = useState<Rules | null>(null);
  const [weights, setWeights] = useState<Weights | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [runs, setRuns] = useState<Run[]>([]);
  const [run, setRun] = useState<Run | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const page = useFailure();
  const weightErr = useFailure();
  const runErr = useFailure();

  useEffect(() => {
    api<Rules>('/assessments/indicators').then(setRules).catch(page.fail);
  }, []);
  const loadWeights = () =>
    api<Weights>(`/assessments/${year}/weights`)
      .then((w) => {
        setWeights(w);
        setDraft(Object.fromEntries(Object.entries(w.weights).map(([k, v]) => [k, String(v)])));
        setNote(w.note ?? '');
      })
      .catch(page.fail);
  const loadRuns = (select?: string) =>
    api<{ items: Run[] }>(`/assessments/${year}/runs`)
      .then(async (r) => {
        setRuns(r.items);
        const id = select ?? r.items[0]?.id;
        setRun(id ? await api<Run>(`/assessments/${year}/runs/${id}`) : null);
      })
      .catch(page.fail);
  useEffect(() => {
    loadWeights();
    loadRuns();
  }, [year]);

  const act = async (work: () => Promise<void>, failure: ReturnType<typeof useFailure>) => {
    setBusy(true);
    failure.clear();
    try {
      await work();
    } catch (e) {
      failure.fail(e);
    } finally {
      setBusy(false);
    }
  };
  const saveWeights = () =>
    act(async () => {
      setSaved(false);
      // Sent as typed: the service checks them (known indicators, numbers ≥ 0, total 100).
      const body = Object.fromEntries(
        Object.entries(draft).map(([k, v]) => [k, v.trim() === '' ? v : Number(v)]),
      );
      const w = await api<Weights>(`/assessments/${year}/weights`, {
        method: 'PUT',
        body: { weights: body, note: note || undefined },
      });
      setWeights(w);
      setSaved(true);
    }, weightErr);
  const compute = () =>
    act(async () => {
      const created = await api<Run>(`/assessments/${year}/runs`, { method: 'POST' });
      await loadRuns(created.id);
    }, runErr);
  const publish = (supersede: boolean) =>
    act(async () => {
      if (!run) return;
      await api(`/assessments/${year}/runs/${run.id}/publish`, {
        body: supersede ? { supersede: true, reason: reason || undefined } : {},
      });
      await loadRuns(run.id);
    }, runErr);

  const indicators = rules?.indicators ?? [];
  const total = Object.values(draft).reduce((s, v) => s + (Number(v) || 0), 0);
  const cell = (v: number | null) => (v === null ? t('as.noData') : String(v));
  return (
    <div className="page assessment" data-testid="assessment-page">
      <div className="toolbar">
        <h1>{t('as.title')}</h1>
        <label className="inline">
          {t('as.year')}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="year">
            {[0, 1, 2].map((d) => {
              const y = new Date().getFullYear() - d;
              return (
                <option key={y} value={y}>
                  {y}
                </option>
              );
            })}
          </select>
        </label>
      </div>
      <ErrorLine error={page.error} />
      <div className="two">
        <section className="card">
          <h2>{t('as.catalogue')}</h2>
          <table className="grid" data-testid="indicator-table">
            <thead>
              <tr>
                <th>{t('as.indicator')}</th>
                <th>{t('as.computation')}</th>
                <th>{t('as.plan')}</th>
                <th>{t('as.weight')}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => (
                <tr key={i.code}>
                  <td>
                    {bi(i.name)}
                    <br />
                    <small className="muted">
                      {t(`as.direction.${i.direction}` as MessageKey)} · {i.unit}
                    </small>
                  </td>
                  <td>
                    <small>{bi(i.computation)}</small>
                  </td>
                  <td>{i.planSection}</td>
                  <td>
                    <input
                      type="number"
                      name={`weight-${i.code}`}
                      data-testid={`weight-${i.code}`}
                      style={{ width: '4.5em' }}
                      value={draft[i.code] ?? ''}
                      disabled={!head}
                      onChange={(e) => setDraft({ ...draft, [i.code]: e.target.value })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            {t('as.weightTotal', { n: total })} ·{' '}
            {weights?.source === 'office'
              ? t('as.weightsOffice', { by: weights.setBy ?? '', at: dateTime(weights.setAt) })
              : t('as.weightsDefault')}
          </p>
          {rules && <p className="hint">{bi(rules.noDataRule)}</p>}
          {head ? (
            <div className="row">
              <label>
                {t('as.note')}
                <input value={note} onChange={(e) => setNote(e.target.value)} />
              </label>
              <button className="primary" data-testid="save-weights" disabled={busy} onClick={saveWeights}>
                {t('as.saveWeights')}
              </button>
            </div>
          ) : (
            <p className="muted">{t('as.headSetsWeights')}</p>
          )}
          <ErrorLine error={weightErr.error} />
          {saved && <p className="notice">{t('sv.saved')}</p>}
        </section>
        <section className="card">
          <div className="toolbar">
            <h2>{t('as.runs')}</h2>
            <button className="primary" data-testid="compute" disabled={busy} onClick={compute}>
              {t('as.compute')}
            </button>
          </div>
          {runs.length === 0 ? (
            <p className="muted">{t('as.noRuns')}</p>
          ) : (
            <ul className="meetings" data-testid="run-list">
              {runs.map((r) => (
                <li key={r.id}>
                  <button className="link" onClick={() => loadRuns(r.id)}>
                    {t('as.run', { n: r.seq })}
                  </button>{' '}
                  <span className="muted">
                    {dateTime(r.computedAt)} · {t(`as.status.${r.status}` as MessageKey)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <ErrorLine error={runErr.error} />
          {run && (
            <>
              <p data-testid="run-status">
                {t('as.run', { n: run.seq })} · {t(`as.status.${run.status}` as MessageKey)}
                {run.publishedAt && ` · ${dateTime(run.publishedAt)}`}
              </p>
              <div className="row">
                <button
                  className="small"
                  onClick={() =>
                    download(
                      `/assessments/${year}/runs/${run.id}/report`,
                      `${year}年度行政执法监督工作报告-第${run.seq}次.pdf`,
                    ).catch(runErr.fail)
                  }
                  data-testid="download-report"
                >
                  {t('as.report')}
                </button>
                <button
                  className="small"
                  onClick={() =>
                    download(
                      `/assessments/${year}/runs/${run.id}/ledger`,
                      `${year}年度行政执法考核结果-第${run.seq}次.xlsx`,
                    ).catch(runErr.fail)
                  }
                  data-testid="download-ledger"
                >
                  {t('as.ledger')}
                </button>
              </div>
              {head && run.status === 'computed' && (
                <div className="row">
                  <button
                    className="primary"
                    data-testid="publish"
                    disabled={busy}
                    onClick={() => publish(false)}
                  >
                    {t('as.publish')}
                  </button>
                  <label>
                    {t('as.supersedeReason')}
                    <input value={reason} onChange={(e) => setReason(e.target.value)} />
                  </label>
                  <button className="small" disabled={busy} onClick={() => publish(true)}>
                    {t('as.supersede')}
                  </button>
                </div>
              )}
            </>
          )}
        </section>
      </div>
      {run && (
        <section className="card">
          <h2>{t('as.ranking', { n: run.seq })}</h2>
          <p className="muted">{t('as.summary', { units: run.summary.units, graded: run.summary.graded })}</p>
          <div style={{ overflowX: 'auto' }}>
            <table className="grid" data-testid="ranking-table">
              <thead>
                <tr>
                  <th>{t('as.rank')}</th>
                  <th>{t('as.unit')}</th>
                  {indicators.map((i) => (
                    <th key={i.code}>{bi(i.name)}</th>
                  ))}
                  <th>{t('as.total')}</th>
                  <th>{t('as.grade')}</th>
                </tr>
              </thead>
              <tbody>
                {[...run.units]
                  .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || (b.total ?? -1) - (a.total ?? -1))
                  .map((u) => (
                    <tr key={u.code} data-testid="ranking-row" data-unit={u.code}>
                      <td>{u.rank ?? '—'}</td>
                      <td>{u.name}</td>
                      {indicators.map((i) => {
                        const r = u.indicators.find((x) => x.code === i.code);
                        return (
                          <td key={i.code} className={r?.score === null ? 'muted' : undefined}>
                            {cell(r?.score ?? null)}
                          </td>
                        );
                      })}
                      <td>{cell(u.total)}</td>
                      <td data-testid="grade">{bi(u.gradeLabel)}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
