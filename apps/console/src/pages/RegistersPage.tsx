import { useEffect, useState } from 'react';
import { may } from '../access/access';
import { api, Bilingual, download, Session } from '../api';
import { useBilingual, useI18n } from '../i18n/i18n';
import { MessageKey } from '../i18n/messages';
import { navigate, useRoute } from '../router';
import { ErrorLine, useFailure, useSupervisedOrgs } from './SupervisionPage';

interface Certificate {
  id: string;
  number: string;
  status: 'valid' | 'suspended' | 'revoked' | 'cancelled';
  issuedOn: string;
  expiresOn: string | null;
  statusChangedAt: string;
  name: string;
  kind: string;
  orgName: string;
  personStatus: string;
  staffingProofs: number;
}

interface TrainingCheck {
  year: number;
  requirements: { kind: string; minDays: number; basis: string }[];
  organisations: {
    org: string;
    orgName: string;
    people: number;
    met: number;
    percent: number | null;
    shortfalls: {
      personId: string;
      name: string;
      kind: string;
      days: number;
      required: number;
      shortfall: number;
    }[];
  }[];
}

interface Supervisor {
  id: string;
  name: string;
  categoryName: string;
  affiliation: string | null;
  town: string | null;
  pool: 'county' | 'town';
  termStart: string;
  termEnd: string;
  active: boolean;
}

interface CleanUp {
  year: number;
  pending: number;
  items: (Certificate & {
    findings: (Bilingual & { code: string })[];
    decision: { action: string; reason: string; decidedAt: string } | null;
  })[];
}

const TABS = ['certificates', 'cleanup', 'training', 'supervisors'] as const;
type Tab = (typeof TABS)[number];

/** Read views of the registers (登记簿): certificates, the training annual check, the supervisors pool. */
export function RegistersPage({ session }: { session: Session }) {
  const { t } = useI18n();
  const { search } = useRoute();
  // The annual clean-up is the bureau's (RULE.justiceDesk); the other registers any unit's, scoped.
  const tabs = TABS.filter((k) => k !== 'cleanup' || may.justiceDesk(session.user));
  const tab = (tabs as readonly string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as Tab)
    : 'certificates';
  return (
    <div className="page">
      <div className="toolbar">
        <h1>{t('rg.title')}</h1>
        <div className="tabs" role="tablist">
          {tabs.map((k) => (
            <button
              key={k}
              role="tab"
              data-testid={`register-${k}`}
              aria-selected={k === tab}
              className={k === tab ? 'active' : undefined}
              onClick={() => navigate(`/registers?tab=${k}`, true)}
            >
              {t(`rg.tab.${k}` as MessageKey)}
            </button>
          ))}
        </div>
      </div>
      {session.user.org !== 'sfj' && <p className="hint">{t('rg.ownOnly')}</p>}
      {tab === 'certificates' && <Certificates bureau={may.justiceDesk(session.user)} />}
      {tab === 'cleanup' && <CleanUpView />}
      {tab === 'training' && <Training />}
      {tab === 'supervisors' && <Supervisors />}
    </div>
  );
}

/** What the bureau may decide on a certificate in each state (the service refuses the rest with 409). */
const DECISIONS: Record<Certificate['status'], string[]> = {
  valid: ['suspend', 'revoke', 'cancel'],
  suspended: ['reinstate', 'revoke', 'cancel'],
  revoked: [],
  cancelled: [],
};
const DECISION_PATH: Record<string, string> = {
  suspend: 'suspension',
  reinstate: 'reinstatement',
  revoke: 'revocation',
  cancel: 'revocation',
};

function Certificates({ bureau }: { bureau: boolean }) {
  const { t, dateTime } = useI18n();
  const [status, setStatus] = useState('');
  const [rows, setRows] = useState<Certificate[] | null>(null);
  const [version, setVersion] = useState(0);
  const [acting, setActing] = useState<{ id: string; action: string } | null>(null);
  const [decision, setDecision] = useState({ reason: '', basis: '' });
  const { error, fail } = useFailure();
  const actionError = useFailure();
  const q = status ? `?status=${status}` : '';
  useEffect(() => {
    api<Certificate[]>(`/registers/certificates${q}`).then(setRows).catch(fail);
  }, [q, version]);
  const decide = async () => {
    if (!acting) return;
    actionError.clear();
    try {
      await api(`/registers/certificates/${acting.id}/${DECISION_PATH[acting.action]}`, {
        body: {
          reason: decision.reason,
          basis: decision.basis,
          ...(DECISION_PATH[acting.action] === 'revocation' ? { action: acting.action } : {}),
        },
      });
      setActing(null);
      setDecision({ reason: '', basis: '' });
      setVersion((v) => v + 1);
    } catch (e) {
      actionError.fail(e);
    }
  };
  return (
    <section className="card">
      <div className="toolbar">
        <h2>{t('rg.tab.certificates')}</h2>
        <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="certificate-status">
          <option value="">{t('sv.all')}</option>
          {['valid', 'suspended', 'revoked', 'cancelled'].map((s) => (
            <option key={s} value={s}>
              {t(`rg.cert.${s}` as MessageKey)}
            </option>
          ))}
        </select>
        <button
          className="small"
          onClick={() => download(`/registers/certificates/export${q}`, '行政执法证登记簿.xlsx').catch(fail)}
        >
          {t('rg.export')}
        </button>
      </div>
      <ErrorLine error={error} />
      {rows && rows.length === 0 ? (
        <p className="empty">{t('app.noData')}</p>
      ) : (
        <table className="grid" data-testid="certificate-table">
          <thead>
            <tr>
              <th>{t('rg.number')}</th>
              <th>{t('rg.name')}</th>
              <th>{t('rg.org')}</th>
              <th>{t('rg.status')}</th>
              <th>{t('rg.issued')}</th>
              <th>{t('rg.expires')}</th>
              <th>{t('rg.person')}</th>
              {bureau && <th>{t('rg.decide')}</th>}
            </tr>
          </thead>
          <tbody>
            {(rows ?? []).map((c) => (
              <tr key={c.id} className={c.status === 'valid' ? undefined : 'due-overdue'}>
                <td>{c.number}</td>
                <td>{c.name}</td>
                <td>{c.orgName}</td>
                <td>
                  {c.status === 'valid' ? (
                    t('rg.cert.valid')
                  ) : (
                    <strong className="bad">{t(`rg.cert.${c.status}` as MessageKey)}</strong>
                  )}
                  {c.status !== 'valid' && <small className="muted"> {dateTime(c.statusChangedAt)}</small>}
                </td>
                <td>{c.issuedOn}</td>
                <td>{c.expiresOn ?? '—'}</td>
                <td>
                  {c.personStatus === 'left' ? t('rg.left') : t('rg.active')}
                  {c.staffingProofs === 0 && <strong className="bad"> · {t('rg.noProof')}</strong>}
                </td>
                {bureau && (
                  <td>
                    {DECISIONS[c.status].length > 0 && (
                      <select
                        data-testid={`decide-${c.number}`}
                        value={acting?.id === c.id ? acting.action : ''}
                        onChange={(e) =>
                          setActing(e.target.value ? { id: c.id, action: e.target.value } : null)
                        }
                      >
                        <option value="">{t('sv.choose')}</option>
                        {DECISIONS[c.status].map((a) => (
                          <option key={a} value={a}>
                            {t(`rg.action.${a}` as MessageKey)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {acting && (
        <div className="task-form" data-testid="certificate-decision">
          <h3>
            {t(`rg.action.${acting.action}` as MessageKey)} ·{' '}
            {rows?.find((r) => r.id === acting.id)?.number ?? ''}
          </h3>
          <div className="row">
            <label>
              {t('rg.reason')}
              <input
                name="reason"
                value={decision.reason}
                onChange={(e) => setDecision({ ...decision, reason: e.target.value })}
              />
            </label>
            <label>
              {t('rg.basis')}
              <input
                name="basis"
                value={decision.basis}
                onChange={(e) => setDecision({ ...decision, basis: e.target.value })}
              />
            </label>
            <button className="primary" onClick={decide}>
              {t('sv.submitDecision')}
            </button>
          </div>
          <ErrorLine error={actionError.error} />
        </div>
      )}
    </section>
  );
}

function CleanUpView() {
  const { t } = useI18n();
  const bi = useBilingual();
  const year = new Date().getFullYear();
  const [review, setReview] = useState<CleanUp | null>(null);
  const { error, fail } = useFailure();
  useEffect(() => {
    api<CleanUp>(`/registers/certificates/annual-review?year=${year}`).then(setReview).catch(fail);
  }, [year]);
  return (
    <section className="card">
      <div className="toolbar">
        <h2>{t('rg.tab.cleanup')}</h2>
        {review && <span className="muted">{t('rg.pending', { year, n: review.pending })}</span>}
      </div>
      <ErrorLine error={error} />
      {review && review.items.length === 0 ? (
        <p className="empty">{t('rg.noFindings')}</p>
      ) : (
        <table className="grid" data-testid="cleanup-table">
          <thead>
            <tr>
              <th>{t('rg.number')}</th>
              <th>{t('rg.name')}</th>
              <th>{t('rg.org')}</th>
              <th>{t('rg.status')}</th>
              <th>{t('rg.findings')}</th>
              <th>{t('rg.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {(review?.items ?? []).map((c) => (
              <tr key={c.id} className={c.decision ? undefined : 'due-soon'}>
                <td>{c.number}</td>
                <td>{c.name}</td>
                <td>{c.orgName}</td>
                <td>{t(`rg.cert.${c.status}` as MessageKey)}</td>
                <td>{c.findings.map((f) => bi(f)).join('；')}</td>
                <td>
                  {c.decision
                    ? `${t(`rg.action.${c.decision.action}` as MessageKey)}：${c.decision.reason}`
                    : t('rg.undecided')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Training() {
  const { t } = useI18n();
  const [year, setYear] = useState(new Date().getFullYear());
  const [check, setCheck] = useState<TrainingCheck | null>(null);
  const { error, fail } = useFailure();
  useEffect(() => {
    api<TrainingCheck>(`/registers/training/annual-check?year=${year}`).then(setCheck).catch(fail);
  }, [year]);
  return (
    <section className="card">
      <div className="toolbar">
        <h2>{t('rg.tab.training')}</h2>
        <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[0, 1].map((d) => (
            <option key={d} value={new Date().getFullYear() - d}>
              {new Date().getFullYear() - d}
            </option>
          ))}
        </select>
        <button
          className="small"
          onClick={() =>
            download(`/registers/training/annual-check/export?year=${year}`, `培训考核-${year}.xlsx`).catch(
              fail,
            )
          }
        >
          {t('rg.export')}
        </button>
      </div>
      <ErrorLine error={error} />
      {check && (
        <p className="muted">
          {check.requirements
            .map((r) => t('rg.requirement', { kind: t(`rg.kind.${r.kind}` as MessageKey), n: r.minDays }))
            .join('；')}
        </p>
      )}
      {check && check.organisations.length === 0 ? (
        <p className="empty">{t('app.noData')}</p>
      ) : (
        <table className="grid" data-testid="training-table">
          <thead>
            <tr>
              <th>{t('rg.org')}</th>
              <th>{t('rg.people')}</th>
              <th>{t('rg.met')}</th>
              <th>{t('rg.percent')}</th>
              <th>{t('rg.shortfalls')}</th>
            </tr>
          </thead>
          <tbody>
            {(check?.organisations ?? []).map((o) => (
              <tr key={o.org} className={o.shortfalls.length ? 'due-soon' : undefined}>
                <td>{o.orgName}</td>
                <td>{o.people}</td>
                <td>{o.met}</td>
                <td>{o.percent === null ? '—' : `${o.percent}%`}</td>
                <td>
                  {o.shortfalls.length === 0
                    ? t('rg.allMet')
                    : o.shortfalls
                        .map((p) =>
                          t('rg.shortfall', {
                            name: p.name,
                            days: p.days,
                            required: p.required,
                            n: p.shortfall,
                          }),
                        )
                        .join('；')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Supervisors() {
  const { t } = useI18n();
  const orgs = useSupervisedOrgs();
  const [activeOnly, setActiveOnly] = useState(true);
  const [rows, setRows] = useState<Supervisor[] | null>(null);
  const { error, fail } = useFailure();
  useEffect(() => {
    api<Supervisor[]>(`/registers/supervisors${activeOnly ? '?active=true' : ''}`)
      .then(setRows)
      .catch(fail);
  }, [activeOnly]);
  return (
    <section className="card">
      <div className="toolbar">
        <h2>{t('rg.tab.supervisors')}</h2>
        <label className="check">
          <input type="checkbox" checked={activeOnly} onChange={(e) => setActiveOnly(e.target.checked)} />
          {t('rg.activeOnly')}
        </label>
      </div>
      <ErrorLine error={error} />
      {rows && rows.length === 0 ? (
        <p className="empty">{t('app.noData')}</p>
      ) : (
        <table className="grid" data-testid="supervisor-table">
          <thead>
            <tr>
              <th>{t('rg.name')}</th>
              <th>{t('rg.category')}</th>
              <th>{t('rg.affiliation')}</th>
              <th>{t('rg.pool')}</th>
              <th>{t('rg.term')}</th>
            </tr>
          </thead>
          <tbody>
            {(rows ?? []).map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{s.categoryName}</td>
                <td>{s.affiliation ?? '—'}</td>
                <td>
                  {s.pool === 'county'
                    ? t('rg.countyPool')
                    : (orgs.find((o) => o.code === s.town)?.name ?? s.town)}
                </td>
                <td>
                  {s.termStart} – {s.termEnd}
                  {!s.active && <span className="muted"> · {t('rg.inactive')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
