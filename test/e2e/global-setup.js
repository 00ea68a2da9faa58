// Jest global setup for the browser tests: Debian's chromium and a CJK font (installed with apt-get when
// missing, as root or through sudo), the console built with vite, then the same real infrastructure as
// the integration tests.
const { execFileSync, spawnSync } = require('node:child_process');
const path = require('node:path');
const integrationSetup = require('../../libs/testing/src/global-setup');

const ROOT = path.join(__dirname, '..', '..');
const log = (line) => process.stderr.write(`[e2e] ${line}\n`);

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function fontInstalled() {
  return spawnSync('sh', ['-c', 'fc-list :lang=zh | grep -q .'], { stdio: 'ignore' }).status === 0;
}

function aptInstall(packages) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = root ? [] : has('sudo') ? ['sudo', '-n'] : null;
  if (!prefix) throw new Error(`install ${packages.join(' ')} (apt-get) to run the browser tests`);
  const run = (args) => {
    const [command, ...rest] = [...prefix, ...args];
    log(`$ ${command} ${rest.join(' ')}`);
    execFileSync(command, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  };
  run(['apt-get', 'update', '-q']);
  run(['apt-get', 'install', '-y', '-q', '--no-install-recommends', ...packages]);
}

module.exports = async function globalSetup() {
  const missing = [];
  if (!has('chromium')) missing.push('chromium');
  if (!fontInstalled()) missing.push('fonts-wqy-zenhei');
  if (missing.length > 0) aptInstall(missing);
  log('building the console (vite build)');
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'apps/console/vite.config.mjs',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  await integrationSetup();
};
