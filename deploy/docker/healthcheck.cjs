// Container health check: GET /health of the service on its own port (PORT, <SERVICE>_PORT, or its default).
const path = require('node:path');

const service = process.env.SERVICE || 'gateway';
const variable = `${service.toUpperCase().replace(/-/g, '_')}_PORT`;
const { DEFAULT_PORT } = require(path.join('/app', 'dist', 'libs', 'contracts', 'src', 'bodies.js'));
const port = process.env[variable] || process.env.PORT || DEFAULT_PORT[service];

fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(4000) })
  .then((response) => process.exit(response.ok ? 0 : 1))
  .catch(() => process.exit(1));
