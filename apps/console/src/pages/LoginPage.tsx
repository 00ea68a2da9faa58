import { FormEvent, useState } from 'react';
import { ApiFailure, login, User } from '../api';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router';

/**
 * The demonstration accounts of the pilot (docs/security.md; the gateway accepts them only with
 * DEMO_ACCOUNTS=true, never in production). Offered as one-click sign-ins on the demo system.
 */
export const DEMO_PASSWORD = 'oversight-demo-2026';
export const DEMO_USERS: User[] = [
  { username: 'sfj-clerk', name: '王晓明', org: 'sfj', roles: ['clerk'] },
  { username: 'sfj-reviewer', name: '李红', org: 'sfj', roles: ['reviewer'] },
  { username: 'sfj-head', name: '刘建国', org: 'sfj', roles: ['head'] },
  { username: 'sfj-process-admin', name: '赵磊', org: 'sfj', roles: ['process-admin'] },
  { username: 'liaison-secretary', name: '周敏', org: 'sfj', roles: ['secretary'] },
  { username: 'jcy-staff', name: '吴芳', org: 'jcy', roles: ['clerk'] },
  { username: 'scjg-clerk', name: '马超', org: 'scjg', roles: ['clerk'] },
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
      setError(e instanceof ApiFailure && e.status !== 401 ? e.text(lang) : t('login.failed'));
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
                onClick={() => submit(d.username, DEMO_PASSWORD)}
              >
                {d.name}
              </button>
              <span className="muted">
                {orgName(d.org)} · {d.roles.map((r) => t(`role.${r}` as 'role.clerk')).join('、')} ·{' '}
                {d.username}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
