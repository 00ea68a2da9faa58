#!/usr/bin/env node
// node tools/infra/cli.mjs up|down|status [--mode dev|test] [--data-dir DIR] [--detach]
import fs from 'node:fs';
import path from 'node:path';
import { setInterval } from 'node:timers';
import { MODES } from './lib/config.mjs';
import { startInfra, status, stopAll, stopSpawnedHere } from './index.mjs';

const USAGE = `usage: node tools/infra/cli.mjs <command> [options]

commands:
  up       start (or reuse) PostgreSQL, Kafka and the engine, print their addresses as JSON,
           write them to <dataDir>/infra.json, and stay in the foreground until Ctrl-C / SIGTERM,
           then stop what this run started
  down     stop everything recorded in <dataDir>/run/*.pid
  status   show pid, health and address of each component

options:
  --mode dev|test    default dev (status without --mode: both)
  --data-dir DIR     default <repo>/.data/<mode>
  --detach           (up) return once everything is ready and leave it running; stop with 'down'
`;

function parseArgs(argv) {
  const opts = { command: null, mode: null, dataDir: undefined, detach: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) fail(`${a} needs a value`);
      return v;
    };
    if (a === '--mode' || a.startsWith('--mode=')) opts.mode = value();
    else if (a === '--data-dir' || a.startsWith('--data-dir=')) opts.dataDir = path.resolve(value());
    else if (a === '--detach') opts.detach = true;
    else if (a === '-h' || a === '--help') opts.command = 'help';
    else if (!opts.command && !a.startsWith('-')) opts.command = a;
    else fail(`unexpected argument: ${a}`);
  }
  if (opts.mode && !MODES.includes(opts.mode)) fail(`--mode must be one of ${MODES.join(', ')}`);
  return opts;
}

function fail(message) {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const log = (msg) => process.stderr.write(`[infra] ${msg}\n`);

async function up(opts) {
  const mode = opts.mode || 'dev';
  let infra;
  let stopping = false;
  const onSignal = async (signal) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(130);
    }
    stopping = true;
    log(`${signal}: stopping`);
    try {
      if (infra) await infra.stop();
      else await stopSpawnedHere({ dataDir: opts.dataDir, mode, log });
      log('stopped');
      process.exit(0);
    } catch (err) {
      log(`stop failed: ${err.message}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  infra = await startInfra({ dataDir: opts.dataDir, mode, log });
  if (stopping) return; // a signal arrived at the very end of the start; onSignal handles it
  const info = {
    mode,
    dataDir: infra.dataDir,
    databaseUrl: infra.databaseUrl,
    engineDatabaseUrl: infra.engineDatabaseUrl,
    kafkaBrokers: infra.kafkaBrokers,
    engineUrl: infra.engineUrl,
    startupMs: infra.startupMs,
    components: infra.components,
    writtenAt: new Date().toISOString(),
    pid: opts.detach ? undefined : process.pid,
  };
  fs.writeFileSync(path.join(infra.dataDir, 'infra.json'), JSON.stringify(info, null, 2) + '\n');
  process.stdout.write(JSON.stringify(info, null, 2) + '\n');
  if (opts.detach) {
    log(`left running; stop with: node tools/infra/cli.mjs down --mode ${mode}`);
    process.exit(0);
  }
  log('running; press Ctrl-C to stop');
  setInterval(() => undefined, 1 << 30);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  switch (opts.command) {
    case 'up':
      return up(opts);
    case 'down':
      await stopAll({ dataDir: opts.dataDir, mode: opts.mode || 'dev', log });
      return;
    case 'status': {
      const modes = opts.mode ? [opts.mode] : MODES;
      const result = await Promise.all(modes.map((mode) => status({ dataDir: opts.dataDir, mode, log })));
      process.stdout.write(JSON.stringify(opts.mode ? result[0] : result, null, 2) + '\n');
      return;
    }
    case 'help':
      process.stdout.write(USAGE);
      return;
    default:
      fail(opts.command ? `unknown command: ${opts.command}` : 'no command given');
  }
}

main().catch((err) => {
  process.stderr.write(`[infra] ${err.message}\n`);
  process.exit(1);
});
