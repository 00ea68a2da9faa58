import { FormEvent, useEffect, useState } from 'react';
import { api, ApiFailure, Bilingual } from '../api';
import { Deadline } from '../components/Deadline';
import { useBilingual, useI18n } from '../i18n/i18n';
import { navigate, useRoute } from '../router';

interface PublicView {
  trackingCode: string;
  summary: string;
  status: string;
  statusLabel: Bilingual;
  registeredAt: string;
  dueAt: string | null;
  reply: string | null;
  repliedAt: string | null;
  history: { at: string; message: Bilingual }[];
}

/** Progress and reply by tracking code (查询码), no log-in. */
export function TrackPage() {
  const { t, lang, dateTime } = useI18n();
  const bi = useBilingual();
  const { search } = useRoute();
  const code = search.get('code') ?? '';
  const [input, setInput] = useState(code);
  const [view, setView] = useState<PublicView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setView(null);
    setError(null);
    if (!code) return;
    api<PublicView>(`/public/complaints/${encodeURIComponent(code)}`, { anonymous: true })
      .then(setView)
      .catch((e) =>
        setError(
          e instanceof ApiFailure && e.status === 404
            ? t('track.notFound')
            : e instanceof ApiFailure
              ? e.text(lang)
              : String(e),
        ),
      );
  }, [code, lang]);
  return (
    <div className="card narrow">
      <h1>{t('track.title')}</h1>
      <form
        className="row"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          navigate(`/open/track?code=${encodeURIComponent(input.trim())}`);
        }}
      >
        <label>
          {t('track.code')}
          <input name="code" value={input} onChange={(e) => setInput(e.target.value)} required />
        </label>
        <button className="primary" type="submit">
          {t('track.search')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {view && (
        <section data-testid="track-result">
          <dl className="facts">
            <dt>{t('complaint.summary')}</dt>
            <dd>{view.summary}</dd>
            <dt>{t('complaint.status')}</dt>
            <dd data-testid="track-status">{bi(view.statusLabel)}</dd>
            <dt>{t('track.registeredAt')}</dt>
            <dd>{dateTime(view.registeredAt)}</dd>
            <dt>{t('track.dueAt')}</dt>
            <dd>
              <Deadline due={view.dueAt} />
            </dd>
          </dl>
          {view.reply && (
            <>
              <h3>{t('track.reply')}</h3>
              <p className="prose">{view.reply}</p>
            </>
          )}
          <h3>{t('complaint.history')}</h3>
          <ol className="timeline">
            {view.history.map((h, i) => (
              <li key={i}>
                <time>{dateTime(h.at)}</time> {bi(h.message)}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
