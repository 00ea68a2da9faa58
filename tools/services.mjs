// The back-end services in start order (gateway last) and where their compiled entry points live.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Services with their ports, read from the compiled contracts (the one place ports are declared). */
export function services() {
  const { DEFAULT_PORT } = require(path.join(ROOT, 'dist', 'libs', 'contracts', 'src', 'bodies.js'));
  // Gateway last: it fronts the others.
  const order = Object.keys(DEFAULT_PORT).sort((a, b) => (a === 'gateway') - (b === 'gateway'));
  return order.map((name) => ({ name, port: DEFAULT_PORT[name], migrations: name !== 'gateway' }));
}

export const entryOf = (name) => path.join(ROOT, 'dist', 'apps', name, 'src', 'main.js');
export const dataSourceOf = (name) => path.join(ROOT, 'dist', 'apps', name, 'src', `${name}.datasource.js`);
