#!/usr/bin/env node
// Writes the access matrix of docs/security.md from the controllers' access declarations (see
// access-matrix.ts); `--check` only says whether it is up to date (`--file F` checks another copy). Runs the TypeScript sources
// directly through SWC (already a dev dependency, as jest's transformer), so no build is needed.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');

const ROOT = path.resolve(__dirname, '..', '..');
const { compilerOptions } = require(path.join(ROOT, 'tsconfig.base.json'));
tsconfigPaths.register({ baseUrl: ROOT, paths: compilerOptions.paths });
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

require('reflect-metadata');
const prettier = require('prettier');
const { renderAccessMatrix, withMatrix } = require('./access-matrix.ts');

/** The document with its reference regenerated, formatted as `prettier --write` leaves it. */
async function regenerate(markdown, file) {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(withMatrix(markdown, renderAccessMatrix()), { ...options, filepath: file });
}

const fileArg = process.argv.indexOf('--file');
const file = fileArg > 0 ? path.resolve(process.argv[fileArg + 1]) : path.join(ROOT, 'docs', 'security.md');
const current = fs.readFileSync(file, 'utf8');
regenerate(current, file).then((updated) => {
  if (process.argv.includes('--check')) {
    if (updated !== current) {
      process.stderr.write(
        `${path.relative(ROOT, file)}: the access matrix is out of date; run \`npm run docs:security\`\n`,
      );
      process.exit(1);
    }
  } else if (updated !== current) {
    fs.writeFileSync(file, updated);
    process.stderr.write('docs/security.md: access matrix updated\n');
  }
});
