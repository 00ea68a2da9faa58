import path from 'node:path';

/** Paths the gateway answers itself or forwards; the console never shadows them. */
const RESERVED = /^\/(api|open311|public|docs|health)(\/|$|\?|-)/;

export const isReserved = (requestPath: string) => RESERVED.test(requestPath);

/**
 * Which file of the console answers a request path: the file itself when it exists under `root`
 * (never outside it), index.html for client-side routes, null for reserved paths and missing assets.
 */
export function consoleFileFor(
  root: string,
  requestPath: string,
  exists: (file: string) => boolean,
): string | null {
  if (RESERVED.test(requestPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.posix.normalize(decoded)}`);
  if (file !== base && !file.startsWith(`${base}${path.sep}`)) return null;
  if (file !== base && exists(file)) return file;
  // A missing file with an extension is a missing asset, not a page of the app.
  if (path.extname(decoded) !== '') return null;
  const index = path.join(base, 'index.html');
  return exists(index) ? index : null;
}
