import { FormEvent, useState } from 'react';
import { ApiFailure, login, setSession, User } from '../api';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';

/** Demo identities of the pilot (password in docs/security.md); offered as one-click log-ins. */
export const DEMO_USERS: (User & { password: string })[] = [
  { username: 'sfj-clerk', password: 'oversight-demo', name: '王晓明', org: 'sfj', roles: ['staff'] },
  { username: 'sfj-head', password: 'oversight-demo', name: '李建国', org: 'sfj', roles: ['staff', 'head'] },
  { username: 'sfj-admin', password: 'oversight-demo', name: '赵敏', org: 'sfj', roles: ['staff', 'admin'] },
  {
    username: 'sfj-secretary',
    password: 'oversight-demo',
    name: '陈静',
    org: 'sfj',
    roles: ['staff', 'secretary'],
  },
  { username: 'jcy-staff', password: 'oversight-demo', name: '周检察官', org: 'jcy', roles: ['staff'] },
  { username: 'scjg-staff', password: 'oversight-demo', name: '刘科长', org: 'scjg', roles: ['staff'] },
];

export function LoginPage({ next }: { next: string }) {
  const { t, lang, orgName } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (user: string, pass: string) => {
    setBusy(true);
    setError(null);
    try {
      await login(user, pass);
      navigate(next, true);
    } catch (e) {
      const demo = DEMO_USERS.find((d) => d.username === user && d.password === pass);
      if (e instanceof ApiFailure && e.status === 404 && demo) {
        // No log-in API behind this gateway: the demo identity goes out as x-oversight-* headers.
        const profile = { username: demo.username, name: demo.name, org: demo.org, roles: demo.roles };
        setSession({ token: null, expiresAt: null, user: profile });
        navigate(next, true);
      } else {
        setError(e instanceof ApiFailure && e.status !== 404 ? e.text(lang) : t('login.failed'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form
        className="card"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          submit(username, password);
        }}
      >
        <h1>{t('login.title')}</h1>
        <label>
          {t('login.username')}
          <input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="primary" disabled={busy || !username || !password} type="submit">
          {t('login.submit')}
        </button>
      </form>
      <section className="card demo">
        <h2>{t('login.demo')}</h2>
        <p className="hint">{t('login.demoHint')}</p>
        <ul>
          {DEMO_USERS.map((d) => (
            <li key={d.username}>
              <button
                className="link"
                data-testid={`demo-${d.username}`}
                onClick={() => submit(d.username, d.password)}
              >
                {d.name}
              </button>
              <span className="muted">
                {orgName(d.org)} · {d.roles.map((r) => t(`role.${r}` as 'role.staff')).join('、')} ·{' '}
                {d.username}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
