// Resolves the @oversight/* aliases to the compiled libraries in dist/ at run time.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

tsconfigPaths.register({
  baseUrl: path.join(__dirname, '..', 'dist'),
  paths: Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
      alias,
      [target.replace(/\.ts$/, '.js')],
    ]),
  ),
});
