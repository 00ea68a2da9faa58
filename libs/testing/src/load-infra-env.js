// Loads the addresses the global setup wrote into each test worker's environment.
const fs = require('node:fs');
const { ENV_FILE } = require('./global-setup');

Object.assign(process.env, JSON.parse(fs.readFileSync(ENV_FILE, 'utf8')), {
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  OUTBOX_POLL_MS: process.env.OUTBOX_POLL_MS ?? '100',
});
