// Local infrastructure for Oversight: PostgreSQL, Kafka and the workflow engine on loopback.
// Programmatic API; the CLI is cli.mjs. See README.md.
import fs from 'node:fs';
import { COMPONENTS, redact, resolveContext } from './lib/config.mjs';
import * as engine from './lib/engine.mjs';
import { engineJarStale, ensureEngineJar, findJdk, kafkaJarsReady, requireMaven } from './lib/java.mjs';
import * as kafka from './lib/kafka.mjs';
import * as postgres from './lib/postgres.mjs';
import { acquireLock, isAlive, removePidFile, seconds, sleep, spawnedHere, stopPid } from './lib/proc.mjs';

const MODULES = { postgres, kafka, engine };

export { COMPONENTS, resolveContext };

function moduleOf(name) {
  const mod = MODULES[name];
  if (!mod) throw new Error(`unknown component "${name}" (expected one of ${COMPONENTS.join(', ')})`);
  return mod;
}

/** Databases the start prepares: the app's, and the engine's unless the engine is external. */
function databasesOf(ctx) {
  return ctx.external.engine ? [ctx.databaseUrl] : [ctx.databaseUrl, ctx.engineDatabaseUrl];
}

async function stopComponent(ctx, name, { signal, timeoutMs } = {}) {
  const mod = moduleOf(name);
  const pid = mod.runningPid(ctx);
  if (!pid) {
    removePidFile(ctx, name);
    return false;
  }
  ctx.log(`${name}: stopping pid ${pid}`);
  const killed = await stopPid(pid, {
    signal: signal || mod.STOP.signal,
    timeoutMs: timeoutMs ?? mod.STOP.timeoutMs,
  });
  if (killed) ctx.log(`${name}: did not stop in time, killed`);
  removePidFile(ctx, name, pid);
  spawnedHere.delete(pid);
  return true;
}

/** Stops the given components: the engine and Kafka first (in parallel), PostgreSQL last. */
async function stopComponents(ctx, names) {
  const first = names.filter((n) => n !== 'postgres');
  const results = await Promise.allSettled(first.map((n) => stopComponent(ctx, n)));
  if (names.includes('postgres'))
    results.push(...(await Promise.allSettled([stopComponent(ctx, 'postgres')])));
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) throw new Error(failed.map((r) => r.reason.message).join('\n'));
}

/**
 * Starts (or reuses) PostgreSQL, Kafka and the engine for `mode` ('dev' | 'test').
 * Components given by DATABASE_URL / KAFKA_BROKERS / ENGINE_URL are only checked, not started.
 * Resolves { databaseUrl, engineDatabaseUrl, kafkaBrokers, engineUrl, components, startupMs, stop }.
 * `stop()` stops what this call started; reused and external components are left running.
 */
export async function startInfra({ dataDir, mode = 'dev', log } = {}) {
  const t0 = Date.now();
  const ctx = resolveContext({ dataDir, mode, log });
  // Fail early and clearly if a JVM component has to run and no suitable JDK exists.
  if (!ctx.external.kafka || !ctx.external.engine) findJdk(ctx.env);
  // ... and if something has to be built, Maven must be there
  const mustBuild =
    (!ctx.external.kafka && !kafkaJarsReady() && !kafka.runningPid(ctx)) ||
    (!ctx.external.engine && engineJarStale() && (ctx.test || !engine.runningPid(ctx)));
  if (mustBuild) requireMaven(ctx.env);
  fs.mkdirSync(ctx.paths.run, { recursive: true });
  fs.mkdirSync(ctx.paths.logs, { recursive: true });
  const releaseLock = await acquireLock(ctx);
  const started = new Set();
  const components = {};
  const note = (name, result) => {
    components[name] = result.started
      ? { state: 'started', pid: result.pid }
      : { state: 'reused', pid: result.pid };
    if (result.started) started.add(name);
  };

  ctx.log(
    `starting ${mode} infrastructure in ${ctx.dataDir}` +
      (ctx.external.postgres ? ` (postgres: DATABASE_URL ${redact(ctx.env.DATABASE_URL)})` : '') +
      (ctx.external.kafka ? ` (kafka: KAFKA_BROKERS ${ctx.kafkaBrokers})` : '') +
      (ctx.external.engine ? ` (engine: ENGINE_URL ${ctx.engineUrl})` : ''),
  );
  const pgTask = (async () => {
    if (ctx.external.postgres) {
      await postgres.checkExternal(ctx);
      components.postgres = { state: 'external' };
    } else {
      note('postgres', await postgres.start(ctx));
    }
    if (ctx.test && !ctx.external.engine) {
      // the test engine database is recreated below: an engine still connected to it must go first
      if (await stopComponent(ctx, 'engine'))
        ctx.log('engine: stopped the running test engine (its database is recreated)');
    }
    await postgres.ensureDatabases(ctx, databasesOf(ctx), { recreate: ctx.test });
  })();

  const kafkaTask = (async () => {
    if (ctx.external.kafka) {
      await kafka.checkExternal(ctx);
      components.kafka = { state: 'external' };
    } else {
      if (ctx.test) {
        // A test run starts from empty topics, as it starts from empty databases: events of an
        // earlier run must not reach this run's consumers.
        if (await stopComponent(ctx, 'kafka'))
          ctx.log('kafka: stopped the running test broker (its data is wiped)');
        fs.rmSync(ctx.paths.kafkaData, { recursive: true, force: true });
      }
      note('kafka', await kafka.start(ctx));
    }
  })();

  const engineTask = (async () => {
    if (ctx.external.engine) {
      await engine.checkExternal(ctx);
      components.engine = { state: 'external' };
      return;
    }
    // build the jar (if needed) while PostgreSQL starts
    if (ctx.test || !engine.runningPid(ctx)) await ensureEngineJar(ctx);
    await pgTask;
    note('engine', await engine.start(ctx));
  })();

  const results = await Promise.allSettled([pgTask, kafkaTask, engineTask]);
  releaseLock();
  const errors = [...new Set(results.filter((r) => r.status === 'rejected').map((r) => r.reason))];
  if (errors.length) {
    if (started.size || spawnedHere.size) {
      ctx.log(`start failed; stopping what this start launched`);
      const names = COMPONENTS.filter((n) => started.has(n) || [...spawnedHere.values()].includes(n));
      await stopComponents(ctx, names).catch((err) => ctx.log(`while stopping: ${err.message}`));
    }
    const err = new Error(errors.map((e) => e.message).join('\n\n'));
    err.causes = errors;
    throw err;
  }

  const startupMs = Date.now() - t0;
  ctx.log(
    `ready in ${seconds(startupMs)}: ` +
      COMPONENTS.map(
        (n) => `${n} ${components[n].state}${components[n].pid ? ` (pid ${components[n].pid})` : ''}`,
      ).join(', '),
  );

  let stopping;
  return {
    mode,
    dataDir: ctx.dataDir,
    databaseUrl: ctx.databaseUrl,
    engineDatabaseUrl: ctx.external.engine ? null : ctx.engineDatabaseUrl,
    kafkaBrokers: ctx.kafkaBrokers,
    engineUrl: ctx.engineUrl,
    components,
    startupMs,
    /** Stops the components this call started (whatever pid they have now), engine and Kafka before PostgreSQL. */
    stop() {
      stopping ??= stopComponents(
        ctx,
        COMPONENTS.filter((n) => started.has(n)),
      );
      return stopping;
    },
  };
}

/** Stops every component recorded in the pid files of dataDir (default: the mode's). */
export async function stopAll({ dataDir, mode = 'dev', log } = {}) {
  const ctx = resolveContext({ dataDir, mode, log });
  const running = COMPONENTS.filter((n) => MODULES[n].runningPid(ctx));
  if (!running.length) {
    ctx.log(`nothing running for ${ctx.dataDir}`);
    return [];
  }
  await stopComponents(ctx, running);
  return running;
}

/**
 * Stops one component started by tools/infra, e.g. to test an outage; its data stays.
 * `signal` defaults to the component's normal stop signal; 'SIGKILL' simulates a crash.
 * Resolves true if something was running.
 */
export async function killComponent(name, { dataDir, mode = 'dev', signal, log, timeoutMs } = {}) {
  const ctx = resolveContext({ dataDir, mode, log });
  const mod = moduleOf(name);
  if (signal === 'SIGKILL') {
    const pid = mod.runningPid(ctx);
    if (!pid) return false;
    ctx.log(`${name}: killing pid ${pid} (SIGKILL)`);
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // not a group leader, or gone
      }
    }
    while (isAlive(pid)) await sleep(50);
    removePidFile(ctx, name, pid);
    return true;
  }
  return stopComponent(ctx, name, { signal, timeoutMs });
}

/**
 * Starts one component again (same ports and data as startInfra for this mode), waiting until it
 * is healthy. For the engine, its database is created if missing (never dropped).
 * Resolves { started, pid, stop }.
 */
export async function startComponent(name, { dataDir, mode = 'dev', log } = {}) {
  const ctx = resolveContext({ dataDir, mode, log });
  const mod = moduleOf(name);
  if (ctx.external[name]) throw new Error(`${name} is external here (set by environment); nothing to start`);
  if (name === 'engine') await postgres.ensureDatabases(ctx, [ctx.engineDatabaseUrl]);
  const result = await mod.start(ctx);
  return { ...result, stop: () => stopComponent(ctx, name) };
}

/** What runs for a mode: per component its pid (if started by tools/infra), health and address. */
export async function status({ dataDir, mode = 'dev', log } = {}) {
  const ctx = resolveContext({ dataDir, mode, log });
  const address = {
    postgres: redact(ctx.databaseUrl),
    kafka: ctx.kafkaBrokers,
    engine: ctx.engineUrl,
  };
  const entries = await Promise.all(
    COMPONENTS.map(async (name) => {
      const mod = MODULES[name];
      const pid = ctx.external[name] ? null : mod.runningPid(ctx);
      const healthy = await mod.healthy(ctx);
      return [name, { external: ctx.external[name], pid, healthy, address: address[name] }];
    }),
  );
  return { mode, dataDir: ctx.dataDir, components: Object.fromEntries(entries) };
}

/** Emergency stop of whatever this process spawned (e.g. Ctrl-C in the middle of a start). */
export async function stopSpawnedHere({ dataDir, mode = 'dev', log } = {}) {
  const ctx = resolveContext({ dataDir, mode, log });
  const names = COMPONENTS.filter((n) => [...spawnedHere.values()].includes(n));
  await stopComponents(ctx, names);
}
