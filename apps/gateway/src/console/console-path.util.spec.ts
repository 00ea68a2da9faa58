import path from 'node:path';
import { consoleFileFor } from './console-path.util';

describe('console files served by the gateway', () => {
  const root = '/srv/console';
  const files = new Set([`${root}/index.html`, `${root}/assets/app-1a2b.js`, `${root}/favicon.svg`]);
  const exists = (f: string) => files.has(f);

  it('serves built files as they are', () => {
    expect(consoleFileFor(root, '/assets/app-1a2b.js', exists)).toBe(`${root}/assets/app-1a2b.js`);
    expect(consoleFileFor(root, '/favicon.svg', exists)).toBe(`${root}/favicon.svg`);
  });

  it('answers client-side routes with index.html', () => {
    expect(consoleFileFor(root, '/', exists)).toBe(`${root}/index.html`);
    expect(consoleFileFor(root, '/tasks/abc', exists)).toBe(`${root}/index.html`);
    expect(consoleFileFor(root, '/open/track', exists)).toBe(`${root}/index.html`);
  });

  it('never shadows the API and never leaves its folder', () => {
    expect(consoleFileFor(root, '/api/tasks', exists)).toBeNull();
    expect(consoleFileFor(root, '/health', exists)).toBeNull();
    expect(consoleFileFor(root, '/public/complaint', exists)).toBeNull();
    expect(consoleFileFor(root, '/assets/missing.js', exists)).toBeNull();
    const outside = consoleFileFor(root, '/..%2f..%2fetc%2fpasswd', () => true);
    expect(outside === null || outside.startsWith(path.resolve(root))).toBe(true);
  });
});
