import { FormEvent, ReactNode, useEffect, useState } from 'react';
import { api, ApiFailure, download, Session } from '../api';
import { may } from '../access/access';
import { Deadline } from '../components/Deadline';
import { useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';
import { Link, match, navigate, useRoute } from '../router';
import { deadlineLevel } from '../tasks/deadline';

/** The sources and statuses of `SUPERVISION_SOURCE` and `SupervisionCaseStatus` (libs/contracts). */
export const SOURCES = [
  'complaint',
  'review',
  'inspection',
  'joint-inspection',
  'case-file-review',
  'follow-up-visit',
  'deputies-suggestion',
  'media',
  'other',
] as const;
export const STATUSES = [
  'filing-review',
  'investigation',
  'decision-review',
  'rectification',
  'closed',
  'dismissed',
] as const;

interface CaseRow {
  id: string;
  caseNumber: string;
  source: string;
  sourceRef: string;
  agencyCode: string;
  agencyName?: string;
  subject: string;
  facts: string;
  status: string;
  filingDueAt: string | null;
  investigationDueAt: string | null;
  decisionDueAt: string | null;
  rectificationRound: number;
  rectificationDueAt: string | null;
  result: string | null;
  overdue: boolean;
  openedAt: string;
  closedAt: string | null;
}

interface Rectification {
  round: number;
  dueAt: string;
  report: string;
  measures: string;
  late: boolean;
  submittedAt: string;
  reviewDueAt?: string | null;
  reviewDecision: 'accept' | 'reject' | null;
  reviewOpinion: string | null;
}

interface CaseFile extends CaseRow {
  findings: string | null;
  proposal: string | null;
  proposedHandling: string | null;
  instrument: string | null;
  requirements: string | null;
  filingOpinion: string | null;
  handlingOpinion: string | null;
  history: { kind: string; zh: string; en: string; actor: string | null; at: string }[];
  documents: { kind: string; name: string; number: string; issuedAt: string }[];
  deadlines: {
    step: string;
    zh: string;
    en: string;
    dueAt: string;
    overdue: boolean;
    ruleId: string;
    source: string;
    basis: string;
  }[];
  rectifications: Rectification[];
  notices: { step: string; round: number | null; toOrg: string; toRole: string; raisedAt: string }[];
}

export interface Organisation {
  code: string;
  name: string;
  kind: string;
}

/** The due date of the step a case is at (none once closed). */
export function currentDue(c: CaseRow): string | null {
  switch (c.status) {
    case 'filing-review':
      return c.filingDueAt;
    case 'investigation':
      return c.investigationDueAt;
    case 'decision-review':
      return c.decisionDueAt;
    case 'rectification':
      return c.rectificationDueAt;
    default:
      return null;
  }
}

/** The organisations a case may concern (agencies, police, towns), for the pickers. */
export function useSupervisedOrgs(): Organisation[] {
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  useEffect(() => {
    api<Organisation[]>('/organisations', { anonymous: true })
      .then((all) => setOrgs(all.filter((o) => ['agency', 'police', 'town'].includes(o.kind))))
      .catch(() => setOrgs([]));
  }, []);
  return orgs;
}

export function useFailure() {
  const { lang } = useI18n();
  // Kept as the failure itself, so the message follows a change of language.
  const [failure, setFailure] = useState<{ e: unknown } | null>(null);
  return {
    error:
      failure === null ? null : failure.e instanceof ApiFailure ? failure.e.text(lang) : String(failure.e),
    clear: () => setFailure(null),
    fail: (e: unknown) => setFailure({ e }),
  };
}

/**
 * After an action the service answers once the step is stored; the case moves on when the engine's job
 * has run. Reloads every second (at most a minute) until the case's signature changes.
 */
export function useFollowUp<T>(value: T | null, signature: (v: T) => string, reload: () => void) {
  const [pending, setPending] = useState<{ from: string; tries: number } | null>(null);
  useEffect(() => {
    if (!pending || !value) return;
    if (signature(value) !== pending.from || pending.tries >= 60) {
      setPending(null);
      return;
    }
    const timer = setTimeout(() => {
      setPending({ ...pending, tries: pending.tries + 1 });
      reload();
    }, 1000);
    return () => clearTimeout(timer);
  }, [pending?.tries, value]);
  return {
    waiting: pending !== null,
    start: () => {
      if (value) setPending({ from: signature(value), tries: 0 });
      reload();
    },
  };
}

export function ErrorLine({ error }: { error: string | null }) {
  return error ? (
    <p className="error" role="alert" data-testid="api-error">
      {error}
    </p>
  ) : null;
}

/** The supervision office's cases (监督检查案件): list with filters, opening, the case file, the steps. */
export function SupervisionPage({ session }: { session: Session }) {
  const { path } = useRoute();
  const params = match('/supervision/:id', path);
  return params ? <CaseFileView id={params.id} session={session} /> : <CaseList session={session} />;
}

function CaseList({ session }: { session: Session }) {
  const { t } = useI18n();
  const { search } = useRoute();
  const orgs = useSupervisedOrgs();
  const filters = {
    status: search.get('status') ?? '',
    agency: search.get('agency') ?? '',
    source: search.get('source') ?? '',
    overdue: search.get('overdue') === 'true',
  };
  const [cases, setCases] = useState<{ total: number; items: CaseRow[] } | null>(null);
  const [opening, setOpening] = useState(false);
  const { error, fail } = useFailure();
  const query = new URLSearchParams({ limit: '100' });
  if (filters.status) query.set('status', filters.status);
  if (filters.agency) query.set('agency', filters.agency);
  if (filters.source) query.set('source', filters.source);
  if (filters.overdue) query.set('overdue', 'true');
  const q = query.toString();
  useEffect(() => {
    api<{ total: number; items: CaseRow[] }>(`/supervision-cases?${q}`).then(setCases).catch(fail);
  }, [q]);
  const go = (change: Partial<typeof filters>) => {
    const next = { ...filters, ...change };
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) s.set(k, String(v));
    navigate(`/supervision${s.toString() ? `?${s}` : ''}`, true);
  };
  return (
    <div className="page">
      <div className="toolbar">
        <h1>{t('sv.title')}</h1>
        {may.justiceDesk(session.user) && (
          <button className="small" data-testid="open-case" onClick={() => setOpening(!opening)}>
            {t('sv.open')}
          </button>
        )}
      </div>
      {opening && <OpenCaseForm orgs={orgs} />}
      <ErrorLine error={error} />
      <section className="card">
        <div className="row">
          <label>
            {t('sv.status')}
            <select
              data-testid="filter-status"
              value={filters.status}
              onChange={(e) => go({ status: e.target.value })}
            >
              <option value="">{t('sv.all')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`sv.status.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('sv.agency')}
            <select value={filters.agency} onChange={(e) => go({ agency: e.target.value })}>
              <option value="">{t('sv.all')}</option>
              {orgs.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('sv.source')}
            <select value={filters.source} onChange={(e) => go({ source: e.target.value })}>
              <option value="">{t('sv.all')}</option>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`sv.source.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={filters.overdue}
              onChange={(e) => go({ overdue: e.target.checked })}
              data-testid="filter-overdue"
            />
            {t('sv.overdueOnly')}
          </label>
        </div>
        {cases && <p className="muted">{t('sv.total', { n: cases.total })}</p>}
        {cases && cases.items.length === 0 ? (
          <p className="empty">{t('sv.empty')}</p>
        ) : (
          <table className="grid" data-testid="case-table">
            <thead>
              <tr>
                <th>{t('sv.number')}</th>
                <th>{t('sv.subject')}</th>
                <th>{t('sv.agency')}</th>
                <th>{t('sv.source')}</th>
                <th>{t('sv.status')}</th>
                <th>{t('sv.due')}</th>
              </tr>
            </thead>
            <tbody>
              {(cases?.items ?? []).map((c) => {
                const due = currentDue(c);
                const level = c.overdue ? 'overdue' : deadlineLevel(due);
                return (
                  <tr
                    key={c.id}
                    data-testid="case-row"
                    data-case-id={c.id}
                    className={level === 'none' ? undefined : `due-${level}`}
                  >
                    <td>
                      <Link to={`/supervision/${c.id}`}>{c.caseNumber}</Link>
                    </td>
                    <td>{c.subject}</td>
                    <td>{c.agencyName ?? c.agencyCode}</td>
                    <td>{t(`sv.source.${c.source}` as MessageKey)}</td>
                    <td data-testid="case-status">
                      {t(`sv.status.${c.status}` as MessageKey)}
                      {c.overdue && <strong className="bad"> · {t('sv.overdue')}</strong>}
                    </td>
                    <td>
                      <Deadline due={due} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function OpenCaseForm({ orgs }: { orgs: Organisation[] }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    source: 'complaint',
    sourceRef: '',
    agencyCode: '',
    subject: '',
    facts: '',
  });
  const [busy, setBusy] = useState(false);
  const { error, fail, clear } = useFailure();
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    clear();
    try {
      const opened = await api<{ id: string }>('/supervision-cases', {
        body: { ...form, sourceRef: form.sourceRef || undefined },
      });
      navigate(`/supervision/${opened.id}`);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" data-testid="open-case-form" onSubmit={submit}>
      <h2>{t('sv.open')}</h2>
      <div className="row">
        <label>
          {t('sv.source')}
          <select name="source" value={form.source} onChange={set('source')}>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`sv.source.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sv.sourceRef')}
          <input name="sourceRef" value={form.sourceRef} onChange={set('sourceRef')} />
        </label>
        <label>
          {t('sv.agency')}
          <select name="agencyCode" value={form.agencyCode} onChange={set('agencyCode')}>
            <option value="">{t('sv.choose')}</option>
            {orgs.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('sv.subject')}
        <input name="subject" value={form.subject} onChange={set('subject')} />
      </label>
      <label>
        {t('sv.facts')}
        <textarea name="facts" rows={4} value={form.facts} onChange={set('facts')} />
      </label>
      <ErrorLine error={error} />
      <button className="primary" type="submit" disabled={busy}>
        {t('sv.submitOpen')}
      </button>
    </form>
  );
}

function CaseFileView({ id, session }: { id: string; session: Session }) {
  const { t, lang, dateTime } = useI18n();
  const [file, setFile] = useState<CaseFile | null>(null);
  const [version, setVersion] = useState(0);
  const { error, fail } = useFailure();
  useEffect(() => {
    api<CaseFile>(`/supervision-cases/${id}`).then(setFile).catch(fail);
  }, [id, version]);
  const followUp = useFollowUp(
    file,
    // Every step moves the case to another status, or (a rejected reply) to the next round.
    (f) => `${f.status}:${f.rectificationRound}`,
    () => setVersion((v) => v + 1),
  );
  if (!file) return error ? <ErrorLine error={error} /> : <p className="muted">{t('app.loading')}</p>;
  const reload = followUp.start;
  return (
    <div className="page supervision-case" data-testid="case-file">
      <div className="toolbar">
        <Link to="/supervision">{t('sv.back')}</Link>
        <h1>
          {file.caseNumber} {file.subject}
        </h1>
      </div>
      <ErrorLine error={error} />
      <div className="two">
        <section className="card">
          <h2>{t('sv.facts')}</h2>
          <dl className="facts">
            <dt>{t('sv.status')}</dt>
            <dd data-testid="case-status">
              {t(`sv.status.${file.status}` as MessageKey)}
              {file.result && ` · ${t(`sv.result.${file.result}` as MessageKey)}`}
              {file.overdue && <strong className="bad"> · {t('sv.overdue')}</strong>}
            </dd>
            <dt>{t('sv.agency')}</dt>
            <dd>{file.agencyName ?? file.agencyCode}</dd>
            <dt>{t('sv.source')}</dt>
            <dd>
              {t(`sv.source.${file.source}` as MessageKey)} · {file.sourceRef}
            </dd>
            <dt>{t('sv.opened')}</dt>
            <dd>{dateTime(file.openedAt)}</dd>
            <dt>{t('sv.due')}</dt>
            <dd>
              <Deadline due={currentDue(file)} />
            </dd>
          </dl>
          <p className="prose" data-testid="case-facts">
            {file.facts}
          </p>
          {file.findings && (
            <>
              <h3>{t('sv.findings')}</h3>
              <p className="prose">{file.findings}</p>
              <h3>{t('sv.proposedHandling')}</h3>
              <p className="prose">
                {file.proposal && `${t(`sv.proposal.${file.proposal}` as MessageKey)}：`}
                {file.proposedHandling}
              </p>
            </>
          )}
          {file.requirements && (
            <>
              <h3>{t('sv.requirements')}</h3>
              <p className="prose">{file.requirements}</p>
            </>
          )}
          <h3>{t('sv.documents')}</h3>
          <ul data-testid="case-documents">
            {file.documents.map((d) => (
              <li key={d.kind}>
                <button
                  className="link"
                  data-testid={`document-${d.kind}`}
                  onClick={() =>
                    download(`/supervision-cases/${id}/documents/${d.kind}`, `${d.name}.pdf`).catch(fail)
                  }
                >
                  {d.name}
                </button>{' '}
                <span className="muted">{d.number}</span>
              </li>
            ))}
          </ul>
        </section>
        <section className="card">
          <h2>{t('sv.action')}</h2>
          {followUp.waiting && <p className="notice">{t('sv.processing')}</p>}
          {!followUp.waiting && (
            <Actions
              key={`${file.status}:${file.rectificationRound}`}
              file={file}
              session={session}
              onDone={reload}
            />
          )}
          <h2>{t('sv.deadlines')}</h2>
          <table className="grid" data-testid="case-deadlines">
            <thead>
              <tr>
                <th>{t('sv.step')}</th>
                <th>{t('sv.due')}</th>
                <th>{t('sv.basis')}</th>
              </tr>
            </thead>
            <tbody>
              {file.deadlines.map((d, i) => (
                <tr key={i} className={d.overdue ? 'due-overdue' : undefined}>
                  <td>
                    {d[lang]}
                    {d.overdue && <strong className="bad"> · {t('sv.overdue')}</strong>}
                  </td>
                  <td>{dateTime(d.dueAt)}</td>
                  <td className="muted">
                    {d.basis}
                    {d.source === 'local' && ` [${t('sv.local')}]`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {file.rectifications.length > 0 && (
            <>
              <h2>{t('sv.rounds')}</h2>
              <Rounds rounds={file.rectifications} />
            </>
          )}
        </section>
      </div>
      <section className="card">
        <h2>{t('sv.history')}</h2>
        <ol className="timeline" data-testid="case-history">
          {file.history.map((h, i) => (
            <li key={i}>
              <time>{dateTime(h.at)}</time> {h[lang]}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export function Rounds({ rounds }: { rounds: Rectification[] }) {
  const { t, dateTime } = useI18n();
  return (
    <ol className="timeline" data-testid="case-rounds">
      {rounds.map((r) => (
        <li key={r.round}>
          <strong>{t('sv.round', { n: r.round })}</strong>{' '}
          <span className="muted">
            {t('sv.submitted')} {dateTime(r.submittedAt)}
            {r.late && ` · ${t('sv.late')}`}
          </span>
          <p className="prose">
            {t('sv.report')}：{r.report}
          </p>
          <p className="prose">
            {t('sv.measures')}：{r.measures}
          </p>
          <p>
            {r.reviewDecision
              ? `${t(`sv.review.${r.reviewDecision}` as MessageKey)}${r.reviewOpinion ? `：${r.reviewOpinion}` : ''}`
              : t('sv.reviewPending')}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** A small form posting one step; the API's refusal shows under it. */
function StepForm(props: {
  testId: string;
  path: string;
  build: () => Record<string, unknown>;
  children: ReactNode;
  submit: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { error, fail, clear } = useFailure();
  return (
    <form
      className="task-form"
      data-testid={props.testId}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        clear();
        try {
          await api(props.path, { body: props.build() });
          setDone(true);
          props.onDone();
        } catch (err) {
          fail(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      {props.children}
      <ErrorLine error={error} />
      {done && <p className="notice">{t('sv.saved')}</p>}
      <button className="primary" type="submit" disabled={busy}>
        {props.submit}
      </button>
    </form>
  );
}

function Actions({ file, session, onDone }: { file: CaseFile; session: Session; onDone: () => void }) {
  const { t } = useI18n();
  const head = may.justiceHead(session.user);
  const [decision, setDecision] = useState('');
  const [opinion, setOpinion] = useState('');
  const [inv, setInv] = useState({
    findings: '',
    proposal: 'fault',
    proposedHandling: '',
    instrument: '',
    requirements: '',
    rectificationDays: '',
  });
  const [days, setDays] = useState('');
  const base = `/supervision-cases/${file.id}`;
  const opinionField = (
    <label>
      {t('sv.opinion')}
      <textarea name="opinion" rows={2} value={opinion} onChange={(e) => setOpinion(e.target.value)} />
    </label>
  );
  const choice = (options: [string, MessageKey][]) => (
    <div className="row">
      {options.map(([value, label]) => (
        <label className="check" key={value}>
          <input
            type="radio"
            name="decision"
            value={value}
            checked={decision === value}
            onChange={() => setDecision(value)}
          />
          {t(label)}
        </label>
      ))}
    </div>
  );
  const headOnly = <p className="muted">{t('sv.headOnly')}</p>;
  switch (file.status) {
    case 'filing-review':
      if (!head) return headOnly;
      return (
        <StepForm
          testId="filing-form"
          path={`${base}/filing-decision`}
          build={() => ({ decision, opinion: opinion || undefined })}
          submit={t('sv.submitDecision')}
          onDone={onDone}
        >
          <h3>{t('sv.status.filing-review')}</h3>
          {choice([
            ['file', 'sv.decision.file'],
            ['dismiss', 'sv.decision.dismiss'],
          ])}
          {opinionField}
        </StepForm>
      );
    case 'investigation': {
      const set = (k: keyof typeof inv) => (e: { target: { value: string } }) =>
        setInv({ ...inv, [k]: e.target.value });
      return (
        <StepForm
          testId="investigation-form"
          path={`${base}/investigation`}
          build={() => ({
            findings: inv.findings,
            proposal: inv.proposal,
            proposedHandling: inv.proposedHandling,
            instrument: inv.instrument || undefined,
            requirements: inv.requirements || undefined,
            rectificationDays: inv.rectificationDays ? Number(inv.rectificationDays) : undefined,
          })}
          submit={t('sv.submitInvestigation')}
          onDone={onDone}
        >
          <h3>{t('sv.status.investigation')}</h3>
          <label>
            {t('sv.findings')}
            <textarea name="findings" rows={3} value={inv.findings} onChange={set('findings')} />
          </label>
          <div className="row">
            <label>
              {t('sv.proposal')}
              <select name="proposal" value={inv.proposal} onChange={set('proposal')}>
                <option value="fault">{t('sv.proposal.fault')}</option>
                <option value="no-fault">{t('sv.proposal.no-fault')}</option>
              </select>
            </label>
            <label>
              {t('sv.instrument')}
              <select name="instrument" value={inv.instrument} onChange={set('instrument')}>
                <option value="">{t('sv.choose')}</option>
                <option value="suggestion">{t('sv.instrument.suggestion')}</option>
                <option value="opinion">{t('sv.instrument.opinion')}</option>
              </select>
            </label>
            <label>
              {t('sv.rectificationDays')}
              <input
                name="rectificationDays"
                type="number"
                value={inv.rectificationDays}
                onChange={set('rectificationDays')}
              />
            </label>
          </div>
          <label>
            {t('sv.proposedHandling')}
            <textarea
              name="proposedHandling"
              rows={2}
              value={inv.proposedHandling}
              onChange={set('proposedHandling')}
            />
          </label>
          <label>
            {t('sv.requirements')}
            <textarea name="requirements" rows={2} value={inv.requirements} onChange={set('requirements')} />
          </label>
        </StepForm>
      );
    }
    case 'decision-review':
      if (!head) return headOnly;
      return (
        <StepForm
          testId="handling-form"
          path={`${base}/handling-decision`}
          build={() => ({ decision, opinion: opinion || undefined })}
          submit={t('sv.submitDecision')}
          onDone={onDone}
        >
          <h3>{t('sv.status.decision-review')}</h3>
          {choice([
            ['approve', 'sv.decision.approve'],
            ['return', 'sv.decision.return'],
          ])}
          {opinionField}
        </StepForm>
      );
    case 'rectification': {
      const pending = file.rectifications.find(
        (r) => r.round === file.rectificationRound && r.reviewDecision === null,
      );
      if (!pending) return <p className="muted">{t('sv.awaitingReply')}</p>;
      return (
        <StepForm
          testId="review-form"
          path={`${base}/rectification-review`}
          build={() => ({
            decision,
            opinion: opinion || undefined,
            rectificationDays: days ? Number(days) : undefined,
          })}
          submit={t('sv.submitDecision')}
          onDone={onDone}
        >
          <h3>{t('sv.reviewRound', { n: pending.round })}</h3>
          {choice([
            ['accept', 'sv.review.accept'],
            ['reject', 'sv.review.reject'],
          ])}
          {opinionField}
          <label>
            {t('sv.rectificationDays')}
            <input
              name="rectificationDays"
              type="number"
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          </label>
        </StepForm>
      );
    }
    default:
      return <p className="muted">{t('sv.noAction')}</p>;
  }
}
