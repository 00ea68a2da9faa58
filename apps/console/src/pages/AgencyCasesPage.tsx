import { FormEvent, useEffect, useState } from 'react';
import { api, download } from '../api';
import { Deadline } from '../components/Deadline';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';
import { Link, match, useRoute } from '../router';
import { ErrorLine, Rounds, useFailure, useFollowUp } from './SupervisionPage';

interface AgencyCase {
  id: string;
  caseNumber: string;
  subject: string;
  status: string;
  rectificationRound: number;
  rectificationDueAt: string | null;
  rectified: boolean;
  overdue: boolean;
  closedAt: string | null;
}

interface AgencyFile extends AgencyCase {
  requirements: string | null;
  documents: { kind: string; name: string; number: string }[];
  rectifications: {
    round: number;
    dueAt: string;
    report: string;
    measures: string;
    late: boolean;
    submittedAt: string;
    reviewDecision: 'accept' | 'reject' | null;
    reviewOpinion: string | null;
  }[];
}

/** A supervised agency's own supervision cases (once served a decision) and its rectification replies. */
export function AgencyCasesPage() {
  const { path } = useRoute();
  const params = match('/agency/supervision/:id', path);
  return params ? <AgencyFileView id={params.id} /> : <AgencyList />;
}

function AgencyList() {
  const { t } = useI18n();
  const [cases, setCases] = useState<AgencyCase[] | null>(null);
  const { error, fail } = useFailure();
  useEffect(() => {
    api<{ items: AgencyCase[] }>('/agency/supervision-cases')
      .then((r) => setCases(r.items))
      .catch(fail);
  }, []);
  return (
    <div className="page">
      <h1>{t('ag.title')}</h1>
      <p className="hint">{t('ag.intro')}</p>
      <ErrorLine error={error} />
      {cases && cases.length === 0 ? (
        <p className="empty">{t('sv.empty')}</p>
      ) : (
        <table className="grid" data-testid="agency-case-table">
          <thead>
            <tr>
              <th>{t('sv.number')}</th>
              <th>{t('sv.subject')}</th>
              <th>{t('sv.status')}</th>
              <th>{t('ag.round')}</th>
              <th>{t('ag.due')}</th>
            </tr>
          </thead>
          <tbody>
            {(cases ?? []).map((c) => (
              <tr key={c.id} data-testid="agency-case-row" className={c.overdue ? 'due-overdue' : undefined}>
                <td>
                  <Link to={`/agency/supervision/${c.id}`}>{c.caseNumber}</Link>
                </td>
                <td>{c.subject}</td>
                <td>
                  {t(`sv.status.${c.status}` as MessageKey)}
                  {c.overdue && <strong className="bad"> · {t('sv.overdue')}</strong>}
                </td>
                <td>{t('sv.round', { n: c.rectificationRound })}</td>
                <td>
                  <Deadline due={c.status === 'rectification' ? c.rectificationDueAt : null} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function AgencyFileView({ id }: { id: string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<AgencyFile | null>(null);
  const [version, setVersion] = useState(0);
  const [form, setForm] = useState({ report: '', measures: '' });
  const [busy, setBusy] = useState(false);
  const { error, fail, clear } = useFailure();
  useEffect(() => {
    api<AgencyFile>(`/agency/supervision-cases/${id}`).then(setFile).catch(fail);
  }, [id, version]);
  const followUp = useFollowUp(
    file,
    (f) => `${f.status}:${f.rectificationRound}:${f.rectifications.length}`,
    () => setVersion((v) => v + 1),
  );
  if (!file) return error ? <ErrorLine error={error} /> : <p className="muted">{t('app.loading')}</p>;
  const replied = file.rectifications.some(
    (r) => r.round === file.rectificationRound && r.reviewDecision === null,
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    clear();
    try {
      await api(`/agency/supervision-cases/${id}/rectification`, { body: form });
      setForm({ report: '', measures: '' });
      followUp.start();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page" data-testid="agency-case-file">
      <div className="toolbar">
        <Link to="/agency/supervision">{t('sv.back')}</Link>
        <h1>
          {file.caseNumber} {file.subject}
        </h1>
      </div>
      <div className="two">
        <section className="card">
          <dl className="facts">
            <dt>{t('sv.status')}</dt>
            <dd data-testid="case-status">
              {t(`sv.status.${file.status}` as MessageKey)}
              {file.overdue && <strong className="bad"> · {t('sv.overdue')}</strong>}
            </dd>
            <dt>{t('ag.round')}</dt>
            <dd>{t('sv.round', { n: file.rectificationRound })}</dd>
            <dt>{t('ag.due')}</dt>
            <dd>
              <Deadline due={file.status === 'rectification' ? file.rectificationDueAt : null} />
            </dd>
          </dl>
          <h3>{t('sv.requirements')}</h3>
          <p className="prose" data-testid="agency-requirements">
            {file.requirements}
          </p>
          <h3>{t('ag.documents')}</h3>
          <ul>
            {file.documents.map((d) => (
              <li key={d.kind}>
                <button
                  className="link"
                  data-testid={`document-${d.kind}`}
                  onClick={() =>
                    download(`/agency/supervision-cases/${id}/documents/${d.kind}`, `${d.name}.pdf`).catch(
                      fail,
                    )
                  }
                >
                  {d.name}
                </button>{' '}
                <span className="muted">{d.number}</span>
              </li>
            ))}
          </ul>
          {file.rectifications.length > 0 && (
            <>
              <h3>{t('sv.rounds')}</h3>
              <Rounds rounds={file.rectifications} />
            </>
          )}
        </section>
        <section className="card">
          <h2>{t('ag.reply')}</h2>
          {file.status !== 'rectification' ? (
            <p className="muted">{t('sv.noAction')}</p>
          ) : replied ? (
            <p className="notice">{t('ag.replied')}</p>
          ) : (
            <form className="task-form" data-testid="reply-form" onSubmit={submit}>
              <label>
                {t('sv.report')}
                <textarea
                  name="report"
                  rows={4}
                  value={form.report}
                  onChange={(e) => setForm({ ...form, report: e.target.value })}
                />
              </label>
              <label>
                {t('sv.measures')}
                <textarea
                  name="measures"
                  rows={3}
                  value={form.measures}
                  onChange={(e) => setForm({ ...form, measures: e.target.value })}
                />
              </label>
              <ErrorLine error={error} />
              <button className="primary" type="submit" disabled={busy}>
                {t('ag.submitReply')}
              </button>
            </form>
          )}
        </section>
      </div>
    </div>
  );
}
