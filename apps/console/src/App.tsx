import { lazy, ReactNode, Suspense, useEffect, useState } from 'react';
import { may } from './access/access';
import { getSession, onSessionChange, Session, setSession } from './api';
import { useI18n } from './i18n/i18n';
import { AgencyCasesPage } from './pages/AgencyCasesPage';
import { AssessmentPage } from './pages/AssessmentPage';
import { LiaisonPage } from './pages/LiaisonPage';
import { LoginPage } from './pages/LoginPage';
import { PublicComplaintPage } from './pages/PublicComplaintPage';
import { PublicStatisticsPage } from './pages/PublicStatisticsPage';
import { RegistersPage } from './pages/RegistersPage';
import { SupervisionPage } from './pages/SupervisionPage';
import { TasksPage } from './pages/TasksPage';
import { TrackPage } from './pages/TrackPage';
import { Link, match, navigate, useRoute } from './router';

// The modeler is large: loaded only when a process administrator opens it.
const ProcessAdminPage = lazy(() =>
  import('./pages/ProcessAdminPage').then((m) => ({ default: m.ProcessAdminPage })),
);

function useSession(): Session | null {
  const [session, set] = useState(getSession);
  useEffect(() => onSessionChange(() => set(getSession())), []);
  return session;
}

function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <button
      className="lang"
      data-testid="lang-switch"
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
      title={t('app.language')}
    >
      {lang === 'zh' ? 'English' : '中文'}
    </button>
  );
}

function Shell(props: { session: Session | null; nav: [string, ReactNode][]; children: ReactNode }) {
  const { t, orgName } = useI18n();
  const { path } = useRoute();
  return (
    <div className="shell">
      <header className="top">
        <Link to="/" className="brand">
          <span className="logo">监</span>
          {t('app.title')}
        </Link>
        <nav>
          {props.nav.map(([to, label]) => (
            <Link key={to} to={to} className={path.startsWith(to) ? 'active' : undefined}>
              {label}
            </Link>
          ))}
        </nav>
        <div className="who">
          <LanguageSwitch />
          {props.session ? (
            <>
              <span data-testid="current-user">
                {props.session.user.name}（{orgName(props.session.user.org)}）
              </span>
              <button
                className="link"
                onClick={() => {
                  setSession(null);
                  navigate('/login');
                }}
              >
                {t('app.logout')}
              </button>
            </>
          ) : (
            <Link to="/login">{t('app.staffLogin')}</Link>
          )}
        </div>
      </header>
      <main>{props.children}</main>
    </div>
  );
}

export function App() {
  const session = useSession();
  const { t } = useI18n();
  const { path, search } = useRoute();
  const publicNav: [string, ReactNode][] = [
    ['/open/complaint', t('nav.complaint')],
    ['/open/track', t('nav.track')],
    ['/open/statistics', t('nav.statistics')],
  ];
  if (path.startsWith('/open/')) {
    return (
      <Shell session={session} nav={publicNav}>
        {match('/open/complaint', path) && <PublicComplaintPage />}
        {match('/open/track', path) && <TrackPage />}
        {match('/open/statistics', path) && <PublicStatisticsPage />}
      </Shell>
    );
  }
  if (path === '/login' || !session) {
    // Any staff page asks for a log-in first, then shows itself.
    const next = path === '/login' ? (search.get('next') ?? '/tasks') : `${path}${location.search}`;
    return (
      <Shell session={null} nav={publicNav}>
        <LoginPage next={next} />
      </Shell>
    );
  }
  const staffNav: [string, ReactNode][] = [
    ['/tasks', t('nav.tasks')],
    ['/liaison', t('nav.liaison')],
    // Issue 11's pages only for those the API admits (access/access.ts mirrors the rules).
    ...(may.justiceDesk(session.user)
      ? ([
          ['/supervision', t('nav.supervision')],
          ['/assessment', t('nav.assessment')],
        ] as [string, ReactNode][])
      : []),
    ...(may.supervisedUnit(session.user)
      ? ([['/agency/supervision', t('nav.agencyCases')]] as [string, ReactNode][])
      : []),
    ...(may.anyUnitDesk(session.user) ? ([['/registers', t('nav.registers')]] as [string, ReactNode][]) : []),
    ['/admin/processes', t('nav.processes')],
    ['/open/complaint', t('nav.public')],
  ];
  let page: ReactNode = null;
  if (path === '/' || path.startsWith('/tasks')) page = <TasksPage session={session} />;
  else if (path.startsWith('/liaison')) page = <LiaisonPage />;
  else if (path.startsWith('/supervision') && may.justiceDesk(session.user))
    page = <SupervisionPage session={session} />;
  else if (path.startsWith('/agency/supervision') && may.supervisedUnit(session.user))
    page = <AgencyCasesPage />;
  else if (path.startsWith('/assessment') && may.justiceDesk(session.user))
    page = <AssessmentPage session={session} />;
  else if (path.startsWith('/registers') && may.anyUnitDesk(session.user))
    page = <RegistersPage session={session} />;
  else if (path.startsWith('/admin/processes'))
    page = (
      <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
        <ProcessAdminPage />
      </Suspense>
    );
  else page = <p className="empty">{t('app.notFound')}</p>;
  return (
    <Shell session={session} nav={staffNav}>
      {page}
    </Shell>
  );
}
