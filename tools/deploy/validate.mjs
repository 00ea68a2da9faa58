#!/usr/bin/env node
// Validates everything in deploy/ without a cluster or a Docker engine, as one step of `npm test`:
//   1. each Helm chart with each of its values files: `helm lint --strict` (values against
//      values.schema.json) and `helm template`, whose every rendered object must pass the schema checks
//      of manifests.mjs;
//   2. the compose file: dclint (the Compose Specification's JSON schema plus lint rules), and
//      `docker compose config` too where the compose plugin is installed (it is not on our machines);
//   3. the Dockerfiles: multi-stage, a non-root final user, a health check.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { helmBinary } from './helm.mjs';
import { validateManifests } from './manifests.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HELM_DIR = path.join(ROOT, 'deploy', 'helm');
const COMPOSE = path.join(ROOT, 'deploy', 'compose', 'compose.yaml');
const DOCKER_DIR = path.join(ROOT, 'deploy', 'docker');

/** Extra renders that switch on what no values file does, so those templates are checked too. */
const EXTRA_RENDERS = {
  oversight: [
    [
      '--set',
      'console.enabled=true',
      '--set',
      'ingress.enabled=true',
      '--set',
      'ingress.tlsSecret=oversight-tls',
      '--set',
      'engine.enabled=false',
      '--set',
      'engine.externalUrl=https://engine.example.gov.cn',
    ],
  ],
};

const log = (line) => process.stderr.write(`[deploy] ${line}\n`);
const relative = (file) => path.relative(ROOT, file);

/** Parses a multi-document YAML stream into objects, skipping empty documents. */
export function parseDocuments(text, source) {
  return YAML.parseAllDocuments(text).flatMap((d) => {
    if (d.errors.length) throw new Error(`${source}: ${d.errors.map((e) => e.message).join('; ')}`);
    const doc = d.toJSON();
    return doc ? [{ source, doc }] : [];
  });
}

/** Static checks of a Dockerfile's final stage. Returns problems. */
export function checkDockerfile(text, source) {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const froms = lines.filter((l) => /^FROM\s/i.test(l));
  const problems = [];
  if (froms.length < 2) problems.push(`${source}: not multi-stage (${froms.length} FROM)`);
  const final = lines.slice(lines.lastIndexOf(froms.at(-1)));
  const user = final.filter((l) => /^USER\s/i.test(l)).at(-1);
  if (!user) problems.push(`${source}: the final stage sets no USER (it would run as root)`);
  else if (/^USER\s+(root|0)(:|\s|$)/i.test(user)) problems.push(`${source}: the final stage runs as root`);
  if (!final.some((l) => /^HEALTHCHECK\s+(--\S+\s+)*CMD\s/i.test(l))) {
    problems.push(`${source}: the final stage has no HEALTHCHECK`);
  }
  return problems;
}

function helmCharts(helm) {
  const problems = [];
  let objects = 0;
  for (const chart of fs
    .readdirSync(HELM_DIR)
    .filter((d) => fs.existsSync(path.join(HELM_DIR, d, 'Chart.yaml')))) {
    const dir = path.join(HELM_DIR, chart);
    const variants = [
      [],
      ...fs
        .readdirSync(dir)
        .filter((f) => /^values-.+\.yaml$/.test(f))
        .map((f) => ['-f', path.join(dir, f)]),
      ...(EXTRA_RENDERS[chart] ?? []),
    ];
    for (const args of variants) {
      const label = [chart, ...args.map((a) => (a.startsWith('/') ? path.basename(a) : a))].join(' ');
      const lint = spawnSync(helm, ['lint', '--strict', dir, ...args], { encoding: 'utf8' });
      if (lint.status !== 0) {
        problems.push(`helm lint ${label}:\n${lint.stdout}${lint.stderr}`);
        continue;
      }
      const rendered = spawnSync(helm, ['template', chart, dir, '--namespace', 'oversight', ...args], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      if (rendered.status !== 0) {
        problems.push(`helm template ${label}:\n${rendered.stderr}`);
        continue;
      }
      const docs = parseDocuments(rendered.stdout, label);
      objects += docs.length;
      problems.push(...validateManifests(docs));
      log(`${label}: lint ok, ${docs.length} objects rendered`);
    }
  }
  return { problems, objects };
}

function compose() {
  const problems = [];
  const dclint = path.join(ROOT, 'node_modules', '.bin', 'dclint');
  const config = path.join(ROOT, 'deploy', 'compose', '.dclintrc');
  const lint = spawnSync(dclint, ['-c', config, '--max-warnings', '0', COMPOSE], { encoding: 'utf8' });
  if (lint.status !== 0) problems.push(`dclint ${relative(COMPOSE)}:\n${lint.stdout}${lint.stderr}`);
  else log(`${relative(COMPOSE)}: valid against the Compose Specification (dclint)`);

  const plugin = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  if (plugin.status === 0) {
    const config = spawnSync('docker', ['compose', '-f', COMPOSE, 'config', '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, POSTGRES_PASSWORD: 'validation-only' },
    });
    if (config.status !== 0) problems.push(`docker compose config:\n${config.stderr}`);
    else log(`${relative(COMPOSE)}: docker compose config ok`);
  } else {
    log('docker compose config: skipped, the compose plugin is not installed here');
  }
  return problems;
}

function dockerfiles() {
  return fs
    .readdirSync(DOCKER_DIR)
    .filter((f) => f.endsWith('.Dockerfile'))
    .flatMap((f) => checkDockerfile(fs.readFileSync(path.join(DOCKER_DIR, f), 'utf8'), `deploy/docker/${f}`));
}

function main() {
  const helm = helmBinary();
  log(`helm: ${execFileSync(helm, ['version', '--short'], { encoding: 'utf8' }).trim()}`);
  const charts = helmCharts(helm);
  const problems = [...charts.problems, ...compose(), ...dockerfiles()];
  for (const problem of problems) process.stderr.write(`[deploy] FAIL ${problem}\n`);
  log(
    `${charts.objects} rendered objects, 1 compose file, ${fs.readdirSync(DOCKER_DIR).filter((f) => f.endsWith('.Dockerfile')).length} Dockerfiles: ` +
      (problems.length ? `${problems.length} problems` : 'all valid'),
  );
  process.exit(problems.length ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
