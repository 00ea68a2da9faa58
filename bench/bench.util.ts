/** What the benchmarks share: arguments, percentiles, and the local test infrastructure. */
export const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

export const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function startBenchInfra(): Promise<{ env: Record<string, string>; stop(): Promise<void> }> {
  // A real dynamic import: TypeScript would compile `import()` to `require()`, which cannot load ES modules.
  const { startInfra } = await (new Function('p', 'return import(p)')(
    `${__dirname}/../../tools/infra/index.mjs`,
  ) as Promise<{
    startInfra(o: object): Promise<{
      databaseUrl: string;
      kafkaBrokers: string | string[];
      engineUrl: string;
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
    stop: () => infra.stop(),
  };
}
