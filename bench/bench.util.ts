/** What the benchmarks share: arguments, percentiles, and the local test infrastructure. */
export const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

export const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Memory of the given processes, their descendants and this process, as "N MiB (what)": proportional set
 * size (PSS), so that memory shared by processes — PostgreSQL's shared buffers, mapped libraries — counts
 * once, not once per backend as summed RSS would.
 */
export async function systemRssMiB(roots: Record<string, number | undefined>): Promise<string> {
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
  const rssKb = (pid: number) => {
    try {
      return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const tree = (root: number): number[] => [
    root,
    ...[...parent].filter(([, p]) => p === root).flatMap(([child]) => tree(child)),
  ];
  const parts: string[] = [];
  let total = 0;
  for (const [name, pid] of Object.entries({ ...roots, 'node (bench + service)': process.pid })) {
    if (!pid) continue;
    const kb = tree(pid).reduce((n, p) => n + rssKb(p), 0);
    total += kb;
    parts.push(`${name} ${(kb / 1024).toFixed(0)}`);
  }
  return `${(total / 1024).toFixed(0)} MiB (${parts.join(', ')} MiB)`;
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
    },
    pids: Object.fromEntries(Object.entries(infra.components).map(([name, c]) => [name, c.pid])),
    stop: () => infra.stop(),
  };
}
