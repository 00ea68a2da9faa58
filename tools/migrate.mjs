#!/usr/bin/env node
// Applies pending migrations of every service, or of the one named, to DATABASE_URL. Needs a build in
// dist/. What `npm run migrate` does after starting the local infrastructure, and what the container
// image's `migrate` command and the Helm pre-install/pre-upgrade Job run in production.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, dataSourceOf, services } from './services.mjs';

const require = createRequire(import.meta.url);

/** Migrates each service's schema in turn; concurrent runs wait for each other (see libs/database). */
export async function migrateAll(
  databaseUrl,
  only,
  log = (line) => process.stderr.write(`[migrate] ${line}\n`),
) {
  require('./register-paths.cjs');
  const { migrate } = require(path.join(ROOT, 'dist', 'libs', 'database', 'src', 'index.js'));
  const selected = services().filter((s) => s.migrations && (!only || s.name === only));
  if (only && selected.length === 0) throw new Error(`no service "${only}" with migrations`);
  for (const service of selected) {
    const { buildDataSourceOptions } = require(dataSourceOf(service.name));
    const applied = await migrate(buildDataSourceOptions(databaseUrl));
    log(`${service.name}: ${applied.length ? `applied ${applied.join(', ')}` : 'schema up to date'}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('[migrate] DATABASE_URL is not set\n');
    process.exit(2);
  }
  migrateAll(url, process.argv[2]).catch((error) => {
    process.stderr.write(`[migrate] ${error.message}\n`);
    process.exit(1);
  });
}
