import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Calls a function of an ES module of tools/deploy in a child process (jest runs CommonJS) and returns its result. */
function call<T>(module: string, fn: string, ...args: unknown[]): T {
  const url = JSON.stringify(join(__dirname, module));
  const script = `import(${url}).then(async (m) => process.stdout.write(JSON.stringify(await m.${fn}(...${JSON.stringify(args)}))))`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as T;
}

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'justice-bureau' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'jb' } },
    template: {
      metadata: { labels: { app: 'jb' } },
      spec: {
        containers: [{ name: 'jb', image: 'oversight/service:0.1.0', ports: [{ containerPort: 3101 }] }],
      },
    },
  },
};
const cluster = {
  apiVersion: 'postgresql.cnpg.io/v1',
  kind: 'Cluster',
  metadata: { name: 'oversight-pg' },
  spec: {
    instances: 3,
    storage: { size: '10Gi' },
    bootstrap: { initdb: { database: 'oversight', owner: 'oversight' } },
  },
};
type Node = Record<string | number, unknown>;
/** A copy of `base` with the value at `path` set (added when missing). */
function withValue(base: object, path: (string | number)[], value: unknown): object {
  const copy = JSON.parse(JSON.stringify(base)) as Node;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Node;
  node[path[path.length - 1]] = value;
  return copy;
}
const validate = (...docs: object[]) =>
  call<string[]>(
    'manifests.mjs',
    'validateManifests',
    docs.map((doc, i) => ({ source: `doc${i}`, doc })),
  );

describe('manifest schema checks', () => {
  it('accept a valid Deployment and a valid CloudNativePG Cluster', () => {
    expect(validate(deployment, cluster)).toEqual([]);
  });

  it('reject a field Kubernetes does not know, and a value of the wrong type', () => {
    const problems = validate(
      withValue(deployment, ['spec', 'template', 'spec', 'containers', 0, 'livenesProbe'], {}),
      withValue(
        deployment,
        ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort'],
        'http',
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/doc0: .*'"livenesProbe"' does not exist in type 'IContainer'/),
        expect.stringMatching(/doc1: .*containerPort must be integer/),
      ]),
    );
  });

  it('reject a typo in an operator resource and a kind nothing can check', () => {
    const problems = validate(
      withValue(cluster, ['spec', 'bootstrap', 'initdb', 'postInitSql'], ['SELECT 1']),
      { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaBridge', metadata: { name: 'b' }, spec: {} },
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /doc0: Cluster oversight-pg: \/spec\/bootstrap\/initdb .*additional properties \(postInitSql\)/,
      ),
      'doc1: KafkaBridge b: no schema for kafka.strimzi.io/v1 KafkaBridge',
    ]);
  });
});

describe('Dockerfile checks', () => {
  const check = (text: string) => call<string[]>('validate.mjs', 'checkDockerfile', text, 'Dockerfile');

  it('pass a multi-stage build whose final stage runs unprivileged with a health check', () => {
    expect(
      check('FROM a AS build\nRUN make\nFROM b\nUSER 10001\nHEALTHCHECK --interval=5s CMD ["true"]\n'),
    ).toEqual([]);
  });

  it('flag a single stage, a root user and a missing health check', () => {
    expect(check('FROM a\nUSER root\n')).toEqual([
      'Dockerfile: not multi-stage (1 FROM)',
      'Dockerfile: the final stage runs as root',
      'Dockerfile: the final stage has no HEALTHCHECK',
    ]);
    expect(check('FROM a AS build\nUSER 1000\nFROM b\nHEALTHCHECK CMD ["true"]\n')).toEqual([
      'Dockerfile: the final stage sets no USER (it would run as root)',
    ]);
  });
});
