// Finding a JDK >= 21 and building the Java pieces (Kafka's jars, the engine jar) with Maven.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ENGINE_DIR, ENGINE_JAR, ENGINE_POM, KAFKA_LIB, KAFKA_POM, REPO_ROOT } from './config.mjs';
import { seconds, tail, which } from './proc.mjs';

export const MIN_JAVA = 21;
const JVM_DIR = '/usr/lib/jvm';

/** Major version of the JDK at `home`, from its `release` file (or by asking its java). */
export function javaMajor(home) {
  try {
    const release = fs.readFileSync(path.join(home, 'release'), 'utf8');
    const m = /^JAVA_VERSION="?([^"\n]+)"?/m.exec(release);
    if (m) return parseMajor(m[1]);
  } catch {
    // no release file; fall through
  }
  const java = path.join(home, 'bin', 'java');
  if (!fs.existsSync(java)) return null;
  const r = spawnSync(java, ['-XshowSettings:properties', '-version'], { encoding: 'utf8', timeout: 20000 });
  const m = /java\.specification\.version = (\S+)/.exec(`${r.stderr}${r.stdout}`);
  return m ? parseMajor(m[1]) : null;
}

function parseMajor(version) {
  const parts = version.split(/[.+-]/).map((p) => Number.parseInt(p, 10));
  return parts[0] === 1 ? parts[1] : parts[0];
}

let cachedJdk;

/** The JDK to run Kafka, the engine and Maven with: JAVA_HOME if >= 21, else the newest one installed. */
export function findJdk(env = process.env) {
  if (cachedJdk) return cachedJdk;
  const seen = [];
  const consider = (home, origin) => {
    if (!home || !fs.existsSync(path.join(home, 'bin', 'java'))) return null;
    const major = javaMajor(home);
    seen.push(`${origin}${home} (Java ${major ?? '?'})`);
    return major && major >= MIN_JAVA ? { home, major, java: path.join(home, 'bin', 'java') } : null;
  };

  let found = consider(env.JAVA_HOME, 'JAVA_HOME=');
  if (!found && fs.existsSync(JVM_DIR)) {
    const candidates = fs
      .readdirSync(JVM_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() || d.isSymbolicLink())
      .map((d) => path.join(JVM_DIR, d.name))
      .map((home) => ({ home, major: javaMajor(home) }))
      .filter((c) => c.major)
      .sort((a, b) => b.major - a.major || a.home.localeCompare(b.home));
    for (const c of candidates) {
      found = consider(c.home, '');
      if (found) break;
    }
  }
  if (!found) {
    const onPath = which('java', env.PATH);
    if (onPath) found = consider(path.resolve(fs.realpathSync(onPath), '..', '..'), 'java on PATH: ');
  }
  if (!found) {
    throw new Error(
      `Kafka and the workflow engine need a Java ${MIN_JAVA}+ JDK, and none was found.\n` +
        `  looked at: ${seen.length ? seen.join('; ') : `JAVA_HOME (unset), ${JVM_DIR}/* (none), java on PATH (none)`}\n` +
        `  fix: install one, e.g. \`apt-get install openjdk-21-jdk-headless\` (Debian 13 / Ubuntu 24.04) or\n` +
        `       \`apt-get install temurin-21-jdk\` (Adoptium's apt repository), then retry or set JAVA_HOME to it;\n` +
        `  or skip the Java components with KAFKA_BROKERS=host:port and ENGINE_URL=http://host:port.`,
    );
  }
  cachedJdk = found;
  return found;
}

export function requireMaven(env) {
  const mvn = which('mvn', env.PATH);
  if (!mvn) {
    throw new Error(
      'Maven (`mvn`) is needed to fetch the Kafka jars / build the engine jar, and it is not on PATH.\n' +
        '  fix: `apt-get install maven` (or put Apache Maven 3.8+ on PATH), then retry; or set KAFKA_BROKERS / ENGINE_URL\n' +
        '  to use an already running Kafka / engine.',
    );
  }
  return mvn;
}

// Builds run one at a time: two Maven processes filling ~/.m2 at once can corrupt downloads.
let buildChain = Promise.resolve();
function serialized(fn) {
  const run = buildChain.then(fn, fn);
  buildChain = run.catch(() => undefined);
  return run;
}

async function runMaven({ args, jdk, logPath, what, log, env = process.env }) {
  const mvn = requireMaven(env);
  fs.mkdirSync(path.dirname(logPath), { recursive: true });
  const out = fs.openSync(logPath, 'w');
  const started = Date.now();
  log(`building ${what}: mvn ${args.join(' ')} (JDK ${jdk.major}; output in ${logPath})`);
  const code = await new Promise((resolve, reject) => {
    const child = spawn(mvn, args, {
      cwd: REPO_ROOT,
      stdio: ['ignore', out, out],
      env: {
        ...env,
        JAVA_HOME: jdk.home,
        PATH: `${path.join(jdk.home, 'bin')}${path.delimiter}${env.PATH || ''}`,
      },
    });
    child.once('error', reject);
    child.once('exit', (c, signal) => resolve(c ?? signal));
  }).finally(() => fs.closeSync(out));
  if (code !== 0) {
    throw new Error(`building ${what} failed (mvn exit ${code}):\n${tail(logPath, 60)}`);
  }
  log(`built ${what} in ${seconds(Date.now() - started)}`);
}

function sha1(file) {
  return crypto.createHash('sha1').update(fs.readFileSync(file)).digest('hex');
}

const KAFKA_STAMP = path.join(KAFKA_LIB, '.pom.sha1');

export function kafkaJarsReady() {
  try {
    return (
      fs.readFileSync(KAFKA_STAMP, 'utf8').trim() === sha1(KAFKA_POM) &&
      fs.readdirSync(KAFKA_LIB).some((f) => /^kafka_2\.13-.*\.jar$/.test(f))
    );
  } catch {
    return false;
  }
}

/** Copies Kafka and its dependencies into deploy/local/kafka/target/lib unless they are there for this pom. */
export function ensureKafkaJars(ctx) {
  return serialized(async () => {
    if (kafkaJarsReady()) return false;
    const jdk = findJdk(ctx.env);
    fs.rmSync(KAFKA_LIB, { recursive: true, force: true });
    await runMaven({
      args: ['-q', '-B', '-f', path.relative(REPO_ROOT, KAFKA_POM), 'package'],
      jdk,
      logPath: path.join(ctx.paths.logs, 'build-kafka.log'),
      what: 'the Kafka broker jars',
      log: ctx.log,
      env: ctx.env,
    });
    if (!fs.existsSync(KAFKA_LIB)) throw new Error(`the Kafka build produced no ${KAFKA_LIB}`);
    fs.writeFileSync(KAFKA_STAMP, sha1(KAFKA_POM) + '\n');
    return true;
  });
}

function newestMtime(p) {
  let newest = 0;
  const visit = (file) => {
    let st;
    try {
      st = fs.statSync(file);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    } else {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  visit(p);
  return newest;
}

/** Why the engine jar has to be (re)built, or null if it is up to date. */
export function engineJarStale() {
  if (!fs.existsSync(ENGINE_JAR)) return 'it does not exist yet';
  const jarTime = fs.statSync(ENGINE_JAR).mtimeMs;
  const srcTime = Math.max(newestMtime(ENGINE_POM), newestMtime(path.join(ENGINE_DIR, 'src')));
  return srcTime > jarTime ? 'its sources changed since it was built' : null;
}

/** Builds deploy/local/engine/target/oversight-engine.jar if it is missing or older than its sources. */
export function ensureEngineJar(ctx) {
  return serialized(async () => {
    const why = engineJarStale();
    if (!why) return false;
    if (!fs.existsSync(ENGINE_POM)) {
      throw new Error(`the engine jar is missing and so is its build file ${ENGINE_POM}`);
    }
    ctx.log(`engine jar: ${why}`);
    await runMaven({
      args: ['-q', '-B', '-f', path.relative(REPO_ROOT, ENGINE_POM), 'package', '-DskipTests'],
      jdk: findJdk(ctx.env),
      logPath: path.join(ctx.paths.logs, 'build-engine.log'),
      what: 'the engine jar',
      log: ctx.log,
      env: ctx.env,
    });
    if (!fs.existsSync(ENGINE_JAR)) throw new Error(`the engine build produced no ${ENGINE_JAR}`);
    return true;
  });
}
