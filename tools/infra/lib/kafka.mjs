// Kafka: a single-node KRaft broker+controller run from the jars of deploy/local/kafka, or KAFKA_BROKERS.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { HOST, KAFKA_LIB, KAFKA_LOG4J, extraJvmOptions } from './config.mjs';
import { ensureKafkaJars, findJdk } from './java.mjs';
import { logFile, pidFile, portOpen, recordedPid, seconds, spawnDetached, tail, waitUntil } from './proc.mjs';

export const NAME = 'kafka';
const START_TIMEOUT_MS = 120000;
export const STOP = { signal: 'SIGTERM', timeoutMs: 30000 };
const HEAP = ['-Xmx512m', '-Xms128m'];

function properties(ctx) {
  const { kafka, kafkaController } = ctx.ports;
  return [
    '# Written by tools/infra at every start; edits here are overwritten.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${HOST}:${kafkaController}`,
    `listeners=PLAINTEXT://${HOST}:${kafka},CONTROLLER://${HOST}:${kafkaController}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${kafka}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${ctx.paths.kafkaData}`,
    'auto.create.topics.enable=true',
    'num.partitions=8',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'offsets.topic.replication.factor=1',
    // fewer internal partitions than the default 50: faster first consumer-group and transaction use
    'offsets.topic.num.partitions=6',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=6',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // after a crash (SIGKILL) the new broker incarnation is refused until the old session expires:
    // a shorter session than the default 9 s makes such a restart ready sooner
    'broker.session.timeout.ms=4000',
    'broker.heartbeat.interval.ms=1000',
    'log.retention.hours=168',
    '',
  ].join('\n');
}

function jvmArgs(ctx, jdk, extra = []) {
  return [
    ...extra,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    ...(jdk.major >= 24
      ? ['--enable-native-access=ALL-UNNAMED', '--sun-misc-unsafe-memory-access=allow']
      : []),
    ...extraJvmOptions(ctx, 'KAFKA_JAVA_OPTS'),
    `-Dlog4j2.configurationFile=${KAFKA_LOG4J}`,
    `-Dkafka.logs.dir=${ctx.paths.logs}`,
    '-cp',
    path.join(KAFKA_LIB, '*'),
  ];
}

/** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding (not starting with '-'). */
function newClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

async function formatIfNeeded(ctx, jdk) {
  if (fs.existsSync(path.join(ctx.paths.kafkaData, 'meta.properties'))) return false;
  fs.rmSync(ctx.paths.kafkaData, { recursive: true, force: true });
  const clusterId = newClusterId();
  const formatLog = logFile(ctx, 'kafka-format');
  ctx.log(`kafka: formatting storage in ${ctx.paths.kafkaData} (cluster id ${clusterId})`);
  const args = [
    '-Xmx256m',
    ...jvmArgs(ctx, jdk),
    'kafka.tools.StorageTool',
    'format',
    '--config',
    ctx.paths.kafkaProperties,
    '--cluster-id',
    clusterId,
  ];
  const out = fs.openSync(formatLog, 'w');
  const code = await new Promise((resolve, reject) => {
    const child = spawn(jdk.java, args, { stdio: ['ignore', out, out] });
    child.once('error', reject);
    child.once('exit', (c, signal) => resolve(c ?? signal));
  }).finally(() => fs.closeSync(out));
  if (code !== 0) throw new Error(`formatting Kafka storage failed (exit ${code}):\n${tail(formatLog)}`);
  return true;
}

function client(brokers, opts = {}) {
  return new Kafka({
    clientId: 'oversight-infra',
    brokers: brokers.split(',').map((b) => b.trim()),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1500,
    requestTimeout: 5000,
    ...opts,
  });
}

/** Health: the broker answers a metadata request (describeCluster) with at least one broker. */
export async function healthy(ctx) {
  const first = ctx.kafkaBrokers.split(',')[0].trim();
  const [host, port] = [
    first.slice(0, first.lastIndexOf(':')),
    Number(first.slice(first.lastIndexOf(':') + 1)),
  ];
  if (!(await portOpen(port, host))) return false;
  const admin = client(ctx.kafkaBrokers, { retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Asks for a group coordinator once, which makes the broker create __consumer_offsets now rather
 * than during the first real consumer's join (where kafkajs logs "coordinator is loading" errors).
 */
async function warmUpGroups(ctx) {
  const admin = client(ctx.kafkaBrokers, {
    retry: { retries: 20, initialRetryTime: 100, maxRetryTime: 1000 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeGroups(['oversight-infra-warmup']);
  } catch (err) {
    ctx.log(`kafka: warm-up of the consumer-group coordinator failed (${err.message}); continuing`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export function runningPid(ctx) {
  return recordedPid(ctx, NAME, ctx.paths.kafkaProperties);
}

/** Makes sure the broker runs (reusing a healthy one). Resolves { started, pid }. */
export async function start(ctx) {
  const port = ctx.ports.kafka;
  const existing = runningPid(ctx);
  const logs = [logFile(ctx, NAME), path.join(ctx.paths.logs, 'kafka-server.log')];
  if (existing) {
    if (await healthy(ctx)) {
      ctx.log(`kafka: reusing the running broker (pid ${existing}, ${ctx.kafkaBrokers})`);
      return { started: false, pid: existing };
    }
    await waitUntil({
      what: `kafka (pid ${existing}) already starting on ${ctx.kafkaBrokers}`,
      check: () => healthy(ctx),
      timeoutMs: START_TIMEOUT_MS,
      proc: { pid: existing },
      logFiles: logs,
      log: ctx.log,
    });
    return { started: false, pid: existing };
  }
  for (const p of [port, ctx.ports.kafkaController]) {
    if (await portOpen(p)) {
      throw new Error(
        `port ${p} is in use by a process that tools/infra did not start for ${ctx.dataDir}; ` +
          'stop it, or set KAFKA_BROKERS to use that broker',
      );
    }
  }
  const jdk = findJdk(ctx.env);
  await ensureKafkaJars(ctx);
  fs.mkdirSync(ctx.paths.kafka, { recursive: true });
  fs.mkdirSync(ctx.paths.logs, { recursive: true });
  fs.writeFileSync(ctx.paths.kafkaProperties, properties(ctx));
  await formatIfNeeded(ctx, jdk);

  const args = [
    ...jvmArgs(ctx, jdk, [
      ...HEAP,
      // class-data sharing archive, created on the first run: a faster start afterwards
      '-XX:+AutoCreateSharedArchive',
      `-XX:SharedArchiveFile=${path.join(ctx.paths.run, `kafka-jdk${jdk.major}.jsa`)}`,
      '-Xlog:cds=off',
      '-Xlog:cds+dynamic=off',
    ]),
    'kafka.Kafka',
    ctx.paths.kafkaProperties,
  ];
  const proc = await spawnDetached({
    cmd: jdk.java,
    args,
    env: { ...process.env, JAVA_HOME: jdk.home },
    cwd: ctx.paths.kafka,
    log: logFile(ctx, NAME),
    pidPath: pidFile(ctx, NAME),
  });
  const spawned = Date.now();
  await waitUntil({
    what: `kafka on ${ctx.kafkaBrokers}`,
    check: () => healthy(ctx),
    timeoutMs: START_TIMEOUT_MS,
    proc,
    logFiles: logs,
    log: ctx.log,
    intervalMs: 200,
  });
  await warmUpGroups(ctx);
  ctx.log(`kafka: ready in ${seconds(Date.now() - spawned)} (pid ${proc.pid}, JDK ${jdk.major})`);
  return { started: true, pid: proc.pid };
}

/** For KAFKA_BROKERS: the broker must answer; nothing is started. */
export async function checkExternal(ctx) {
  await waitUntil({
    what: `kafka at ${ctx.kafkaBrokers} (from KAFKA_BROKERS)`,
    check: () => healthy(ctx),
    timeoutMs: 30000,
    log: ctx.log,
  });
}
