import { useEffect, useState } from 'react';
import { api, ApiFailure, Bilingual } from '../api';
import { useBilingual, useI18n } from '../i18n/i18n';
import { Deadline } from './Deadline';

interface ComplaintView {
  id: string;
  trackingCode: string;
  status: string;
  statusLabel?: Bilingual;
  category: string;
  summary: string;
  details: string;
  respondentOrg: string;
  agencyOrg: string | null;
  anonymous: boolean;
  createdAt?: string;
  registeredAt?: string;
  acceptanceDueAt: string;
  handlingDueAt: string | null;
  attachments: { id: string; filename: string; size: number; kind?: string }[];
  history: { at: string; message: Bilingual; actorOrg: string | null }[];
}

/** The business context of a complaint task: what was complained about, its documents and its history. */
export function ComplaintContext({ id }: { id: string }) {
  const { t, lang, dateTime, orgName } = useI18n();
  const bi = useBilingual();
  const [complaint, setComplaint] = useState<ComplaintView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setComplaint(null);
    api<ComplaintView>(`/complaints/${encodeURIComponent(id)}`)
      .then(setComplaint)
      .catch((e) => setError(e instanceof ApiFailure ? e.text(lang) : String(e)));
  }, [id, lang]);
  if (error) return <p className="error">{error}</p>;
  if (!complaint) return <p className="muted">{t('app.loading')}</p>;
  return (
    <section className="context" data-testid="complaint-context">
      <h3>{t('complaint.title')}</h3>
      <dl className="facts">
        <dt>{t('complaint.trackingCode')}</dt>
        <dd>{complaint.trackingCode}</dd>
        <dt>{t('complaint.status')}</dt>
        <dd>{complaint.statusLabel ? bi(complaint.statusLabel) : complaint.status}</dd>
        <dt>{t('complaint.respondent')}</dt>
        <dd>{orgName(complaint.respondentOrg)}</dd>
        <dt>{t('complaint.category')}</dt>
        <dd>{t(`category.${complaint.category}` as 'category.other')}</dd>
        <dt>{t('complaint.anonymous')}</dt>
        <dd>{complaint.anonymous ? t('app.yes') : t('app.no')}</dd>
        <dt>{t('complaint.acceptanceDue')}</dt>
        <dd>
          <Deadline due={complaint.acceptanceDueAt} />
        </dd>
      </dl>
      <h4>{t('complaint.summary')}</h4>
      <p data-testid="complaint-summary">{complaint.summary}</p>
      <h4>{t('complaint.details')}</h4>
      <p className="prose">{complaint.details}</p>
      <h4>{t('complaint.documents')}</h4>
      {complaint.attachments.length === 0 ? (
        <p className="muted">{t('complaint.noDocuments')}</p>
      ) : (
        <ul>
          {complaint.attachments.map((a) => (
            <li key={a.id}>
              {a.filename} <span className="muted">({Math.ceil(a.size / 1024)} KB)</span>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('complaint.history')}</h4>
      <ol className="timeline">
        {complaint.history.map((h, i) => (
          <li key={i}>
            <time>{dateTime(h.at)}</time> {bi(h.message)}
          </li>
        ))}
      </ol>
    </section>
  );
}
