// The workflow engine: deploy/local/engine/target/oversight-engine.jar (Operaton on Spring Boot), or ENGINE_URL.
import fs from 'node:fs';
import path from 'node:path';
import { ENGINE_JAR, extraJvmOptions, toJdbc } from './config.mjs';
import { ensureEngineJar, findJdk } from './java.mjs';
import {
  logFile,
  pidFile,
  portOpen,
  recordedPid,
  removePidFile,
  seconds,
  spawnDetached,
  stopPid,
  waitUntil,
} from './proc.mjs';

export const NAME = 'engine';
const START_TIMEOUT_MS = 240000; // first start on a slow machine creates the whole engine schema
export const STOP = { signal: 'SIGTERM', timeoutMs: 20000 };

function marker(ctx) {
  return `-Doversight.infra.dataDir=${ctx.dataDir} `;
}

export async function healthy(ctx) {
  try {
    const res = await fetch(`${ctx.engineUrl}/engine-rest/engine`, { signal: AbortSignal.timeout(3000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

export function runningPid(ctx) {
  return recordedPid(ctx, NAME, marker(ctx));
}

/** Makes sure the engine runs (reusing a healthy one). Needs its database to exist. Resolves { started, pid }. */
export async function start(ctx) {
  const port = ctx.ports.engine;
  const db = toJdbc(ctx.engineDatabaseUrl);
  const configFile = path.join(ctx.paths.run, `${NAME}.json`);
  let existing = runningPid(ctx);
  const logs = [logFile(ctx, NAME)];
  if (existing) {
    let running = null;
    try {
      running = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    } catch {
      // unknown: assume it matches
    }
    if (running && running.pid === existing && running.jdbcUrl !== db.jdbcUrl) {
      ctx.log(
        `engine: the running engine (pid ${existing}) uses ${running.jdbcUrl}, this start needs ${db.jdbcUrl}; restarting it`,
      );
      await stopPid(existing, STOP);
      removePidFile(ctx, NAME, existing);
      existing = null;
    }
  }
  if (existing) {
    if (await healthy(ctx)) {
      ctx.log(`engine: reusing the running engine (pid ${existing}, ${ctx.engineUrl})`);
      return { started: false, pid: existing };
    }
    await waitUntil({
      what: `engine (pid ${existing}) already starting on ${ctx.engineUrl}`,
      check: () => healthy(ctx),
      timeoutMs: START_TIMEOUT_MS,
      proc: { pid: existing },
      logFiles: logs,
      log: ctx.log,
    });
    return { started: false, pid: existing };
  }
  if (await portOpen(port)) {
    throw new Error(
      `port ${port} is in use by a process that tools/infra did not start for ${ctx.dataDir}; ` +
        'stop it, or set ENGINE_URL to use that engine',
    );
  }
  const jdk = findJdk(ctx.env);
  await ensureEngineJar(ctx);
  fs.mkdirSync(ctx.paths.run, { recursive: true });
  const args = [
    '-Xmx384m',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    // class-data sharing archive, created on the first run: a faster start afterwards
    '-XX:+AutoCreateSharedArchive',
    `-XX:SharedArchiveFile=${path.join(ctx.paths.run, `engine-jdk${jdk.major}.jsa`)}`,
    '-Xlog:cds=off',
    '-Xlog:cds+dynamic=off',
    ...extraJvmOptions(ctx, 'ENGINE_JAVA_OPTS'),
    marker(ctx).trim(),
    '-jar',
    ENGINE_JAR,
  ];
  const env = {
    ...process.env,
    JAVA_HOME: jdk.home,
    ENGINE_PORT: String(port),
    ENGINE_JDBC_URL: db.jdbcUrl,
    ENGINE_DB_USER: db.user,
    ENGINE_DB_PASSWORD: db.password,
  };
  if (ctx.test) env.ENGINE_CLOCK_CONTROL = 'true';
  else delete env.ENGINE_CLOCK_CONTROL;
  const spawned = Date.now();
  const proc = await spawnDetached({
    cmd: jdk.java,
    args,
    env,
    cwd: ctx.dataDir,
    log: logFile(ctx, NAME),
    pidPath: pidFile(ctx, NAME),
  });
  fs.writeFileSync(configFile, JSON.stringify({ pid: proc.pid, jdbcUrl: db.jdbcUrl, user: db.user }) + '\n');
  await waitUntil({
    what: `engine on ${ctx.engineUrl} (GET /engine-rest/engine)`,
    check: () => healthy(ctx),
    timeoutMs: START_TIMEOUT_MS,
    proc,
    logFiles: logs,
    log: ctx.log,
    intervalMs: 300,
  });
  ctx.log(`engine: ready in ${seconds(Date.now() - spawned)} (pid ${proc.pid}, JDK ${jdk.major})`);
  return { started: true, pid: proc.pid };
}

/** For ENGINE_URL: the engine must answer; nothing is started. */
export async function checkExternal(ctx) {
  await waitUntil({
    what: `engine at ${ctx.engineUrl} (from ENGINE_URL)`,
    check: () => healthy(ctx),
    timeoutMs: 30000,
    log: ctx.log,
  });
}
