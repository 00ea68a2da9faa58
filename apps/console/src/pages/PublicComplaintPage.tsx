import { FormEvent, useEffect, useState } from 'react';
import { api, ApiFailure } from '../api';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router';

export const CATEGORIES = [
  'improper-enforcement',
  'inaction',
  'arbitrary-penalty',
  'abuse-of-power',
  'attitude',
  'other',
] as const;

interface Organisation {
  code: string;
  name: string;
  kind?: string;
}

interface Receipt {
  id: string;
  trackingCode: string;
  acceptanceDueAt: string;
}

/** The public complaint form (网上投诉举报): named or anonymous, no log-in. */
export function PublicComplaintPage() {
  const { t, lang, dateTime } = useI18n();
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const [anonymous, setAnonymous] = useState(false);
  const [form, setForm] = useState({
    name: '',
    phone: '',
    respondentOrg: '',
    category: 'improper-enforcement',
    summary: '',
    details: '',
  });
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api<Organisation[] | { items: Organisation[] }>('/organisations', { anonymous: true })
      .then((answer) => setOrgs(Array.isArray(answer) ? answer : answer.items))
      .catch(() => setOrgs([]));
  }, []);
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [name]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await api<Receipt>('/public/complaints', {
        anonymous: true,
        body: {
          anonymous,
          ...(anonymous ? {} : { complainant: { name: form.name, phone: form.phone } }),
          respondentOrg: form.respondentOrg,
          category: form.category,
          summary: form.summary,
          details: form.details,
        },
      });
      setReceipt(answer);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.text(lang) : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (receipt) {
    return (
      <div className="card narrow" data-testid="complaint-receipt" data-complaint-id={receipt.id}>
        <h1>{t('public.received')}</h1>
        <p>{t('public.trackingCodeIs')}</p>
        <p className="code" data-testid="tracking-code">
          {receipt.trackingCode}
        </p>
        <p>{t('public.acceptanceBy', { date: dateTime(receipt.acceptanceDueAt) })}</p>
        <p>
          <Link to={`/open/track?code=${encodeURIComponent(receipt.trackingCode)}`}>
            {t('public.trackNow')}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form className="card narrow" onSubmit={submit} data-testid="complaint-form">
      <h1>{t('public.complaintTitle')}</h1>
      <p className="hint">{t('public.complaintIntro')}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={anonymous}
          onChange={(e) => setAnonymous(e.target.checked)}
          name="anonymous"
        />
        {t('public.anonymous')}
      </label>
      {!anonymous && (
        <div className="row">
          <label>
            {t('public.name')}
            <input name="name" value={form.name} onChange={set('name')} required maxLength={50} />
          </label>
          <label>
            {t('public.phone')}
            <input name="phone" value={form.phone} onChange={set('phone')} required inputMode="tel" />
          </label>
        </div>
      )}
      <div className="row">
        <label>
          {t('public.respondent')}
          <select name="respondentOrg" value={form.respondentOrg} onChange={set('respondentOrg')} required>
            <option value="">{t('public.choose')}</option>
            {orgs.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('public.category')}
          <select name="category" value={form.category} onChange={set('category')}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('public.summary')}
        <input name="summary" value={form.summary} onChange={set('summary')} required maxLength={200} />
      </label>
      <label>
        {t('public.details')}
        <textarea
          name="details"
          value={form.details}
          onChange={set('details')}
          required
          rows={6}
          maxLength={5000}
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button className="primary" type="submit" disabled={busy}>
        {t('public.submit')}
      </button>
    </form>
  );
}
