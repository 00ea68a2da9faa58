#!/usr/bin/env node
// The project's two front doors: `start` (the whole system on its embedded defaults) and `test` (the
// whole suite on real infrastructure). Also `migrate`, `build` and `bench`. Uses only Node built-ins
// until dependencies are installed, so it works on a fresh clone.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { migrateAll } from './migrate.mjs';
import { ROOT, entryOf, services } from './services.mjs';

const log = (line) => process.stderr.write(`[oversight] ${line}\n`);

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (result.status !== 0) {
    const error = new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status}`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
}

/** npm ci when node_modules is missing or older than the lock file. */
function ensureInstalled() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function build() {
  run(process.execPath, [
    path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    'tsconfig.build.json',
  ]);
}

/** The web console (apps/console) into dist/console, which the gateway serves at `/`. */
function buildConsole() {
  run(process.execPath, [
    path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    'apps/console/vite.config.mjs',
  ]);
}

async function waitHealthy(name, url, child, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}; see its log`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} did not become healthy at ${url}/health within ${timeoutMs / 1000}s`);
}

async function start() {
  ensureInstalled();
  build();
  buildConsole();
  const { startInfra } = await import('./infra/index.mjs');
  const infra = await startInfra({ mode: 'dev', log });
  const env = {
    ...process.env,
    DATABASE_URL: infra.databaseUrl,
    KAFKA_BROKERS: [].concat(infra.kafkaBrokers).join(','),
    ENGINE_URL: infra.engineUrl,
    BPMN_DIR: path.join(ROOT, 'bpmn'),
    // The local demo signs in with the demonstration accounts of docs/security.md (never in production).
    DEMO_ACCOUNTS: process.env.DEMO_ACCOUNTS ?? 'true',
  };
  await migrateAll(env.DATABASE_URL, undefined, log);
  const logDir = path.join(ROOT, '.data', 'dev', 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const children = [];
  const stopAll = async (code) => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
    );
    await infra.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
  try {
    for (const service of services()) {
      const out = fs.openSync(path.join(logDir, `${service.name}.log`), 'a');
      const child = spawn(
        process.execPath,
        ['-r', path.join(ROOT, 'tools', 'register-paths.cjs'), entryOf(service.name)],
        {
          cwd: ROOT,
          env,
          stdio: ['ignore', out, out],
        },
      );
      children.push(child);
      await waitHealthy(service.name, `http://127.0.0.1:${service.port}`, child);
      log(`${service.name} is up on http://127.0.0.1:${service.port} (API docs: /docs)`);
    }
  } catch (error) {
    log(error.message);
    await stopAll(1);
  }
  const gateway = services().find((s) => s.name === 'gateway');
  process.stdout.write(
    [
      '',
      'Oversight is running (Ctrl-C stops everything; data stays in .data/dev):',
      `  web console                       http://127.0.0.1:${gateway.port}/   (public pages: /open/complaint)`,
      `  gateway (public and console API)  http://127.0.0.1:${gateway.port}/api`,
      `  e.g. file a complaint             POST http://127.0.0.1:${gateway.port}/api/public/complaints`,
      `  open tasks of the justice bureau  GET  http://127.0.0.1:${gateway.port}/api/tasks?candidateGroup=sfj`,
      `  transfer register                 GET  http://127.0.0.1:${gateway.port}/api/liaison/transfers`,
      ...services().map((s) => `  ${s.name.padEnd(22)} http://127.0.0.1:${s.port}/docs   /health`),
      `  workflow engine REST              ${infra.engineUrl}/engine-rest`,
      `  logs                              ${logDir}`,
      '',
    ].join('\n'),
  );
}

function test(args) {
  ensureInstalled();
  // The module-boundary rule needs Nx's project graph; without it the rule silently skips.
  run('npx', ['nx', 'show', 'projects'], {
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stdio: 'ignore',
  });
  run('npx', ['prettier', '--check', '.', '--log-level', 'warn']);
  run('npx', ['eslint', '--max-warnings', '0', 'apps', 'libs', 'tools', 'test', 'bench']);
  run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  run('npx', ['tsc', '-p', 'apps/console/tsconfig.json', '--noEmit']);
  run('npx', ['bpmnlint', ...bpmnFiles()]);
  // Helm charts, compose file and Dockerfiles of deploy/, checked without a cluster or Docker engine.
  run(process.execPath, [path.join(ROOT, 'tools', 'deploy', 'validate.mjs')]);
  run('npx', ['jest', '--selectProjects', 'unit', ...args]);
  run('npx', ['jest', '--selectProjects', 'integration', '--runInBand', '--forceExit', ...args]);
  // The console in a browser (chromium headless; the e2e setup installs it and builds the console).
  run('npx', ['jest', '--selectProjects', 'e2e', '--runInBand', '--forceExit', ...args]);
}

function bpmnFiles() {
  const dir = path.join(ROOT, 'bpmn');
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.bpmn'))
    .map((f) => path.join('bpmn', f));
}

async function main() {
  const [command = 'start', ...args] = process.argv.slice(2);
  switch (command) {
    case 'start':
      return start();
    case 'test':
      return test(args);
    case 'build':
      ensureInstalled();
      build();
      return buildConsole();
    case 'migrate': {
      ensureInstalled();
      build();
      const { startInfra } = await import('./infra/index.mjs');
      const infra = await startInfra({ mode: 'dev', log });
      try {
        await migrateAll(infra.databaseUrl, args[0], log);
      } finally {
        await infra.stop();
      }
      return;
    }
    case 'bench':
      ensureInstalled();
      build();
      // One after the other: each starts and stops the test infrastructure and wants the machine alone.
      for (const bench of ['intake.bench.js', 'tasklist.bench.js', 'liaison-register.bench.js']) {
        run(process.execPath, [
          '-r',
          path.join(ROOT, 'tools', 'register-paths.cjs'),
          path.join(ROOT, 'dist', 'bench', bench),
          ...args,
        ]);
      }
      return;
    case 'faults':
      // The fault harness: the system as separate processes under load, components killed mid-run.
      ensureInstalled();
      build();
      run(process.execPath, [
        '-r',
        path.join(ROOT, 'tools', 'register-paths.cjs'),
        path.join(ROOT, 'dist', 'bench', 'faults.js'),
        ...args,
      ]);
      return;
    default:
      throw new Error(`unknown command "${command}": use start, test, build, migrate, bench or faults`);
  }
}

main().catch((error) => {
  log(error.message);
  process.exit(error.exitCode ?? 1);
});
