#!/usr/bin/env node
// `npm run audit:verify`: walks the hash chain of every service's audit log (each schema's audit_entry) in
// DATABASE_URL and reports the first altered, removed or inserted entry. Exit status 0 when every chain
// holds, 1 when one is broken, 2 when the database cannot be read. Loads the chain rules from their one
// TypeScript source through SWC (as the docs generators do), so no build is needed.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');
const { Client } = require('pg');

const ROOT = path.resolve(__dirname, '..', '..');
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
const { verifyAuditTable } = require(path.join(ROOT, 'libs', 'platform', 'src', 'audit', 'audit-chain.ts'));

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('[audit:verify] DATABASE_URL is not set\n');
    return 2;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'audit_entry' ORDER BY 1",
    );
    let broken = 0;
    for (const { schema } of rows) {
      const verdict = await verifyAuditTable(
        { query: async (sql, params) => (await client.query(sql, params)).rows },
        schema,
      );
      if (verdict.ok) process.stdout.write(`${schema}: ok, ${verdict.checked} entries\n`);
      else {
        broken += 1;
        process.stdout.write(
          `${schema}: TAMPERED at entry seq ${verdict.seq} (${verdict.reason}); ${verdict.checked} entries before it hold\n`,
        );
      }
    }
    if (rows.length === 0) process.stdout.write('no audit logs found\n');
    return broken > 0 ? 1 : 0;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[audit:verify] ${error.message}\n`);
    process.exit(2);
  },
);
