// Fixed layout of the local infrastructure: ports per mode, file locations, database URLs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { URLSearchParams, fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export const KAFKA_DIR = path.join(REPO_ROOT, 'deploy', 'local', 'kafka');
export const KAFKA_POM = path.join(KAFKA_DIR, 'pom.xml');
export const KAFKA_LIB = path.join(KAFKA_DIR, 'target', 'lib');
export const KAFKA_LOG4J = path.join(KAFKA_DIR, 'log4j2.xml');

export const ENGINE_DIR = path.join(REPO_ROOT, 'deploy', 'local', 'engine');
export const ENGINE_POM = path.join(ENGINE_DIR, 'pom.xml');
export const ENGINE_JAR = path.join(ENGINE_DIR, 'target', 'oversight-engine.jar');

export const MODES = ['dev', 'test'];
export const COMPONENTS = ['postgres', 'kafka', 'engine'];

export const PORTS = {
  dev: { postgres: 15432, kafka: 19092, kafkaController: 19093, engine: 18080 },
  test: { postgres: 15433, kafka: 29092, kafkaController: 29093, engine: 28080 },
};

/**
 * `OVERSIGHT_INFRA_PORT_OFFSET` (integer, default 0) shifts every port of both modes, so that a second
 * checkout (a git worktree) on the same machine can run its own infrastructure beside the first.
 */
export function portOffset(env = process.env) {
  const raw = env.OVERSIGHT_INFRA_PORT_OFFSET;
  if (raw === undefined || raw === '') return 0;
  const offset = Number(raw);
  const all = Object.values(PORTS).flatMap((p) => Object.values(p));
  if (!Number.isInteger(offset) || Math.min(...all) + offset < 1024 || Math.max(...all) + offset > 65535) {
    throw new Error(
      `OVERSIGHT_INFRA_PORT_OFFSET must be an integer that keeps every port valid, got "${raw}"`,
    );
  }
  return offset;
}

/** The ports of `mode`, shifted by OVERSIGHT_INFRA_PORT_OFFSET. */
export function portsOf(mode, env = process.env) {
  const offset = portOffset(env);
  return Object.fromEntries(
    Object.entries(PORTS[checkMode(mode)]).map(([name, port]) => [name, port + offset]),
  );
}

export const HOST = '127.0.0.1';

/** Credentials of the embedded PostgreSQL cluster (loopback only). */
export const EMBEDDED_PG_USER = 'postgres';
export const EMBEDDED_PG_PASSWORD = 'postgres';

export const APP_DB = 'oversight';
export const ENGINE_DB = 'oversight_engine';
export const TEST_APP_DB = 'oversight_test';
export const TEST_ENGINE_DB = 'oversight_test_engine';

export function checkMode(mode) {
  if (!MODES.includes(mode)) throw new Error(`unknown mode "${mode}" (expected ${MODES.join(' or ')})`);
  return mode;
}

export function defaultDataDir(mode) {
  return path.join(REPO_ROOT, '.data', checkMode(mode));
}

export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(database);
  return u.toString();
}

export function databaseOf(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** postgres://user:pw@host:port/db -> { jdbcUrl, user, password } for the engine. */
export function toJdbc(url) {
  const u = new URL(url);
  const host = u.hostname || HOST;
  const port = u.port || '5432';
  const params = new URLSearchParams();
  for (const key of ['sslmode', 'sslrootcert', 'options']) {
    if (u.searchParams.has(key)) params.set(key, u.searchParams.get(key));
  }
  const query = params.toString();
  return {
    jdbcUrl: `jdbc:postgresql://${host}:${port}/${databaseOf(url)}${query ? '?' + query : ''}`,
    user: decodeURIComponent(u.username || 'postgres'),
    password: decodeURIComponent(u.password || ''),
  };
}

/**
 * JVM options shared by Kafka and the engine: in test mode the C1 compiler only
 * (-XX:TieredStopAtLevel=1: starts markedly faster on 2 cores and uses less memory, but lower peak
 * speed, so not in dev mode where benchmarks run), then the user's extra options from `envName`.
 */
export function extraJvmOptions(ctx, envName) {
  return [
    ...(ctx.test ? ['-XX:TieredStopAtLevel=1'] : []),
    ...(ctx.env[envName] || '').split(/\s+/).filter(Boolean),
  ];
}

/** Hides the password of a URL for printing. */
export function redact(url) {
  if (!url) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Everything a start needs to know, derived from mode, dataDir and the environment.
 * `external.*` is set when an environment variable points at a component we must not start.
 */
export function resolveContext({ dataDir, mode = 'dev', env = process.env, log } = {}) {
  checkMode(mode);
  const dir = path.resolve(dataDir || defaultDataDir(mode));
  const ports = portsOf(mode, env);
  const test = mode === 'test';

  let databaseUrl;
  let engineDatabaseUrl;
  const externalPg = Boolean(env.DATABASE_URL);
  if (externalPg) {
    const base = env.DATABASE_URL;
    if (test) {
      databaseUrl = withDatabase(base, TEST_APP_DB);
      engineDatabaseUrl = withDatabase(env.ENGINE_DATABASE_URL || base, TEST_ENGINE_DB);
    } else {
      databaseUrl = base;
      engineDatabaseUrl = env.ENGINE_DATABASE_URL || withDatabase(base, databaseOf(base) + '_engine');
    }
  } else {
    const server = `postgres://${EMBEDDED_PG_USER}:${EMBEDDED_PG_PASSWORD}@${HOST}:${ports.postgres}/`;
    databaseUrl = withDatabase(server, APP_DB);
    engineDatabaseUrl = test
      ? withDatabase(env.ENGINE_DATABASE_URL || server, env.ENGINE_DATABASE_URL ? TEST_ENGINE_DB : ENGINE_DB)
      : env.ENGINE_DATABASE_URL || withDatabase(server, ENGINE_DB);
  }

  return {
    mode,
    test,
    dataDir: dir,
    ports,
    log: log || ((msg) => process.stderr.write(`[infra] ${msg}\n`)),
    env,
    external: {
      postgres: externalPg,
      kafka: Boolean(env.KAFKA_BROKERS),
      engine: Boolean(env.ENGINE_URL),
    },
    databaseUrl,
    engineDatabaseUrl,
    kafkaBrokers: env.KAFKA_BROKERS || `${HOST}:${ports.kafka}`,
    engineUrl: (env.ENGINE_URL || `http://${HOST}:${ports.engine}`).replace(/\/+$/, ''),
    paths: {
      logs: path.join(dir, 'logs'),
      run: path.join(dir, 'run'),
      pg: pgDataDir(dir),
      kafka: path.join(dir, 'kafka'),
      kafkaData: path.join(dir, 'kafka', 'data'),
      kafkaProperties: path.join(dir, 'kafka', 'server.properties'),
      infraJson: path.join(dir, 'infra.json'),
    },
  };
}

/** True unless we are root and some ancestor of `dir` is closed to other users (as /root is). */
export function reachableByOthers(dir) {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return true;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    let mode;
    try {
      mode = fs.statSync(d).mode;
    } catch {
      mode = 0o755; // not created yet: it will be created traversable
    }
    if ((mode & 0o001) === 0) return false;
    if (d === path.dirname(d)) return true;
  }
}

/** A stable place under /var/tmp for what the OS user `postgres` must reach, named after `key`. */
export function sharedTmp(prefix, key) {
  return path.join('/var/tmp', `${prefix}-${createHash('sha1').update(key).digest('hex').slice(0, 12)}`);
}

/**
 * Where the embedded cluster keeps its data: `<dataDir>/pg`, unless the OS user `postgres` (PostgreSQL
 * refuses root) could not reach it, as in a checkout under /root; then under /var/tmp, named after the
 * data dir so each checkout and mode keeps its own cluster.
 */
function pgDataDir(dataDir) {
  const inside = path.join(dataDir, 'pg');
  return reachableByOthers(path.dirname(inside)) ? inside : sharedTmp('oversight-pg', inside);
}
