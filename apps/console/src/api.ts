// The console's HTTP client: every call goes to the gateway's /api on the same origin.
export interface User {
  username: string;
  name: string;
  org: string;
  roles: string[];
}

export interface Session {
  /** Bearer token from POST /api/auth/login. */
  token: string;
  expiresAt: string;
  user: User;
}

export interface Bilingual {
  zh: string;
  en: string;
}

const KEY = 'oversight.session';
const listeners = new Set<() => void>();

export function getSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (session.expiresAt && new Date(session.expiresAt).getTime() < Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

export function setSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: { message?: Bilingual | string; fields?: (Bilingual & { field: string })[] } | null,
  ) {
    super(typeof body?.message === 'string' ? body.message : (body?.message?.en ?? `HTTP ${status}`));
  }

  /** The server's message in the user's language. */
  text(lang: 'zh' | 'en'): string {
    const m = this.body?.message;
    const main = typeof m === 'string' ? m : m ? m[lang] : `HTTP ${this.status}`;
    const fields = (this.body?.fields ?? []).map((f) => f[lang]);
    return [main, ...fields].join(' ');
  }
}

/** Who is calling: the bearer token of the sign-in; the gateway turns it into the services' identity. */
export function identityHeaders(session: Session | null = getSession()): Record<string, string> {
  return session ? { authorization: `Bearer ${session.token}` } : {};
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; anonymous?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (!init.anonymous) Object.assign(headers, identityHeaders());
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = { message: text.slice(0, 200) };
  }
  // An expired or revoked token: back to the sign-in page.
  if (response.status === 401 && !init.anonymous && getSession()) setSession(null);
  if (!response.ok) throw new ApiFailure(response.status, parsed as ApiFailure['body']);
  return parsed as T;
}

/** Downloads a file of the API (Excel exports) with the caller's identity, as the browser's download. */
export async function download(path: string, fileName: string): Promise<void> {
  const response = await fetch(`/api${path}`, { headers: identityHeaders() });
  if (!response.ok) throw new ApiFailure(response.status, null);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export async function login(username: string, password: string): Promise<Session> {
  const answer = await api<{ token: string; expiresAt: string; user: User }>('/auth/login', {
    body: { username, password },
    anonymous: true,
  });
  const session = { token: answer.token, expiresAt: answer.expiresAt, user: answer.user };
  setSession(session);
  return session;
}
