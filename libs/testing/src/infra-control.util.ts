import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const INFRA = join(__dirname, '..', '..', '..', 'tools', 'infra', 'index.mjs');

/**
 * Stops or starts one component of the test run's infrastructure (postgres, kafka, engine) keeping its
 * data. Runs in a child process because the infra tool is an ES module and jest's sandbox is not.
 */
async function infra(call: string): Promise<void> {
  const script = `import(${JSON.stringify(INFRA)}).then((m) => ${call}).catch((e) => { console.error(e); process.exit(1); })`;
  await promisify(execFile)(process.execPath, ['-e', script], { timeout: 180000 });
}

export const killComponent = (
  name: 'postgres' | 'kafka' | 'engine',
  signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL',
) => infra(`m.killComponent(${JSON.stringify(name)}, { mode: 'test', signal: ${JSON.stringify(signal)} })`);

export const startComponent = (name: 'postgres' | 'kafka' | 'engine') =>
  infra(`m.startComponent(${JSON.stringify(name)}, { mode: 'test' })`);
