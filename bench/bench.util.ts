/** What the benchmarks share: arguments, percentiles, identities, and the local test infrastructure. */
import { HttpConfig, identitySecret } from '@oversight/config';
import { signIdentity } from '@oversight/platform';

/**
 * Identity headers of a staff member of `org`, signed as the gateway signs them (the benchmarks call a
 * service directly, as the gateway would). Sign per request: a signature is valid for minutes only.
 */
export const signedAs = (config: HttpConfig, org: string, roles = ['clerk']): Record<string, string> =>
  signIdentity(identitySecret(config), { user: `${org}-bench`, org, roles });

export const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

export const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Each named root process (and this process) with all its descendants, read from /proc. */
async function processTrees(roots: Record<string, number | undefined>): Promise<[string, number[]][]> {
  const { readdirSync, readFileSync } = await import('node:fs');
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const named = Object.entries({ ...roots, 'node (bench + service)': process.pid }).filter(
    (e): e is [string, number] => e[1] !== undefined,
  );
  const rootPids = new Set(named.map(([, pid]) => pid));
  // A root's descendants, without another root's tree: the infrastructure may be this process's children.
  const tree = (root: number): number[] => [
    root,
    ...[...parent]
      .filter(([child, p]) => p === root && !rootPids.has(child))
      .flatMap(([child]) => tree(child)),
  ];
  return named.map(([name, pid]) => [name, tree(pid)]);
}

/**
 * Memory of the given processes, their descendants and this process, as "N MiB (what)": proportional set
 * size (PSS), so that memory shared by processes — PostgreSQL's shared buffers, mapped libraries — counts
 * once, not once per backend as summed RSS would.
 */
export async function systemRssMiB(roots: Record<string, number | undefined>): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const pssKb = (pid: number) => {
    try {
      return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const parts: string[] = [];
  let total = 0;
  for (const [name, pids] of await processTrees(roots)) {
    const kb = pids.reduce((n, p) => n + pssKb(p), 0);
    total += kb;
    parts.push(`${name} ${(kb / 1024).toFixed(0)}`);
  }
  return `${(total / 1024).toFixed(0)} MiB (${parts.join(', ')} MiB)`;
}

/** CPU time (user + system, ms) used so far by each named process tree, to profile a phase by component. */
export async function cpuMs(roots: Record<string, number | undefined>): Promise<Record<string, number>> {
  const { readFileSync } = await import('node:fs');
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  const used = (pid: number) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * tick; // utime, stime
    } catch {
      return 0;
    }
  };
  return Object.fromEntries(
    (await processTrees(roots)).map(([name, pids]) => [name, pids.reduce((n, p) => n + used(p), 0)]),
  );
}

/** "name X ms, …" per unit of work between two cpuMs readings. */
export function cpuPer(before: Record<string, number>, after: Record<string, number>, units: number): string {
  const parts = Object.keys(after).map(
    (name) => [name, (after[name]! - (before[name] ?? 0)) / units] as const,
  );
  const total = parts.reduce((n, [, ms]) => n + ms, 0);
  return `${total.toFixed(1)} ms (${parts.map(([name, ms]) => `${name} ${ms.toFixed(1)}`).join(', ')})`;
}

export async function startBenchInfra(): Promise<{
  env: Record<string, string>;
  pids: Record<string, number | undefined>;
  stop(): Promise<void>;
}> {
  // A real dynamic import: TypeScript would compile `import()` to `require()`, which cannot load ES modules.
  const { startInfra } = await (new Function('p', 'return import(p)')(
    `${__dirname}/../../tools/infra/index.mjs`,
  ) as Promise<{
    startInfra(o: object): Promise<{
      databaseUrl: string;
      kafkaBrokers: string | string[];
      engineUrl: string;
      components: Record<string, { pid?: number }>;
      stop(): Promise<void>;
    }>;
  }>);
  const infra = await startInfra({
    mode: 'test',
    log: (l: string) => process.stderr.write(`[infra] ${l}\n`),
  });
  return {
    env: {
      DATABASE_URL: infra.databaseUrl,
      KAFKA_BROKERS: ([] as string[]).concat(infra.kafkaBrokers).join(','),
      ENGINE_URL: infra.engineUrl,
      BPMN_DIR: `${__dirname}/../../bpmn`,
      LOG_LEVEL: 'warn',
      OUTBOX_POLL_MS: '100',
      // Consumer tuning (CONSUMER_FETCH_WAIT_MS and the like) may be tried from the shell.
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('CONSUMER_'))),
    },
    pids: Object.fromEntries(Object.entries(infra.components).map(([name, c]) => [name, c.pid])),
    stop: () => infra.stop(),
  };
}
