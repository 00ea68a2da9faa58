// Process helpers: detached spawning, pid files, liveness, waiting, stopping, log tails, a start lock.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

/** Servers this Node process spawned, pid -> component name (for stopping them if a start is interrupted). */
export const spawnedHere = new Map();

export function pidFile(ctx, name) {
  return path.join(ctx.paths.run, `${name}.pid`);
}

export function logFile(ctx, name) {
  return path.join(ctx.paths.logs, `${name}.log`);
}

export function readPid(file) {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** True while the process exists and is not a zombie. */
export function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
    if (state === 'Z' || state === 'X') {
      // a dead thread-group leader stays a zombie while its other threads (a JVM's) still exit
      // and hold its sockets: only count it dead once it is the last one
      try {
        return fs.readdirSync(`/proc/${pid}/task`).length > 1;
      } catch {
        return false;
      }
    }
  } catch {
    // no /proc (not Linux) or the process just went away; kill(0) said it exists
  }
  return true;
}

export function cmdlineOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

/**
 * The pid recorded for a component if that process is still alive and (where /proc exists) its
 * command line contains `marker`, so that a recycled pid is not mistaken for our process.
 */
export function recordedPid(ctx, name, marker) {
  const pid = readPid(pidFile(ctx, name));
  if (!pid || !isAlive(pid)) return null;
  const cmd = cmdlineOf(pid);
  if (cmd !== null && marker && !cmd.includes(marker)) return null;
  return pid;
}

export function removePidFile(ctx, name, pid) {
  const file = pidFile(ctx, name);
  if (pid && readPid(file) !== pid) return;
  fs.rmSync(file, { force: true });
}

/**
 * Starts a long-running process in its own session (it survives this Node process), stdout and
 * stderr appended to `log`, pid written to `pidPath`. Returns the pid and a function telling
 * whether (and how) it has exited, as seen by this process.
 */
export async function spawnDetached({ cmd, args, env, cwd, log, pidPath, uid, gid }) {
  await fsp.mkdir(path.dirname(log), { recursive: true });
  await fsp.mkdir(path.dirname(pidPath), { recursive: true });
  const fd = fs.openSync(log, 'a');
  fs.writeSync(fd, `\n===== ${new Date().toISOString()} starting: ${cmd} ${args.join(' ')}\n`);
  let child;
  try {
    child = spawn(cmd, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', fd, fd],
      ...(uid !== undefined ? { uid, gid } : {}),
    });
  } finally {
    fs.closeSync(fd);
  }
  const state = { exit: null };
  await new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  child.on('exit', (code, signal) => {
    state.exit = { code, signal };
  });
  child.unref();
  fs.writeFileSync(pidPath, `${child.pid}\n`);
  spawnedHere.set(child.pid, path.basename(pidPath, '.pid'));
  return { pid: child.pid, exited: () => state.exit };
}

export function tail(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text
      .split('\n')
      .slice(-lines - 1)
      .join('\n')
      .trimEnd();
  } catch {
    return `(no log at ${file})`;
  }
}

function describeTails(files) {
  return files
    .filter((f) => fs.existsSync(f))
    .map((f) => `--- last lines of ${f} ---\n${tail(f)}`)
    .join('\n');
}

/**
 * Polls `check` (an async function returning true when ready; throwing counts as not ready) until
 * it succeeds, the process dies, or the timeout passes. Fails with the tail of the given logs.
 */
export async function waitUntil({ what, check, timeoutMs, proc, logFiles = [], log, intervalMs = 250 }) {
  const start = Date.now();
  log?.(`waiting for ${what} (timeout ${Math.round(timeoutMs / 1000)}s)`);
  let lastError;
  let nextNote = start + 15000;
  for (;;) {
    try {
      if (await check()) return Date.now() - start;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    const exit = proc?.exited?.() ?? (proc?.pid && !isAlive(proc.pid) ? { code: '?' } : null);
    if (exit) {
      throw new Error(
        `${what}: the process exited (code ${exit.code ?? '-'}, signal ${exit.signal ?? '-'}) before it was ready\n` +
          describeTails(logFiles),
      );
    }
    const elapsed = Date.now() - start;
    if (elapsed > timeoutMs) {
      throw new Error(
        `${what}: not ready after ${Math.round(elapsed / 1000)}s` +
          (lastError ? ` (last error: ${lastError.message})` : '') +
          '\n' +
          describeTails(logFiles),
      );
    }
    if (Date.now() > nextNote) {
      log?.(`still waiting for ${what} (${Math.round(elapsed / 1000)}s)`);
      nextNote += 15000;
    }
    await sleep(intervalMs);
  }
}

/**
 * Sends `signal`, waits up to timeoutMs for the process to go away, then SIGKILLs its process
 * group. Resolves true if it had to kill.
 */
export async function stopPid(pid, { signal = 'SIGTERM', timeoutMs = 20000 } = {}) {
  if (!isAlive(pid)) return false;
  try {
    process.kill(pid, signal);
  } catch {
    return false;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return false;
    await sleep(100);
  }
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone, or not a group leader
    }
  }
  const killDeadline = Date.now() + 5000;
  while (isAlive(pid) && Date.now() < killDeadline) await sleep(100);
  return true;
}

/** True if something accepts TCP connections on host:port. */
export function portOpen(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Directory-wide start lock, so that two starts on one dataDir do not race (e.g. on first init). */
export async function acquireLock(ctx, { timeoutMs = 15 * 60 * 1000 } = {}) {
  await fsp.mkdir(ctx.paths.run, { recursive: true });
  const file = path.join(ctx.paths.run, 'start.lock');
  const start = Date.now();
  let told = false;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      const release = () => {
        process.removeListener('exit', release);
        if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return release;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const owner = readPid(file);
    if (!owner || !isAlive(owner) || owner === process.pid) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (!told) {
      ctx.log(`another tools/infra start (pid ${owner}) holds ${file}; waiting for it`);
      told = true;
    }
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for the start lock ${file}`);
    await sleep(300);
  }
}

/** Finds an executable on PATH. */
export function which(name, envPath = process.env.PATH || '') {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}
