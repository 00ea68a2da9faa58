// Jest global setup for integration tests: real PostgreSQL, Kafka and workflow engine, in test mode
// (fresh databases every run, the engine's clock under the tests' control).
const fs = require('node:fs');
const path = require('node:path');

const ENV_FILE = path.join(__dirname, '..', '..', '..', '.data', 'test', 'infra-env.json');

module.exports = async function globalSetup() {
  const { startInfra } = await import('../../../tools/infra/index.mjs');
  const infra = await startInfra({ mode: 'test', log: (line) => process.stderr.write(`[infra] ${line}\n`) });
  globalThis.__OVERSIGHT_INFRA__ = infra;
  fs.mkdirSync(path.dirname(ENV_FILE), { recursive: true });
  fs.writeFileSync(
    ENV_FILE,
    JSON.stringify({
      DATABASE_URL: infra.databaseUrl,
      KAFKA_BROKERS: Array.isArray(infra.kafkaBrokers) ? infra.kafkaBrokers.join(',') : infra.kafkaBrokers,
      ENGINE_URL: infra.engineUrl,
    }),
  );
};
module.exports.ENV_FILE = ENV_FILE;
