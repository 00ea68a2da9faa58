// Stops the test run's infrastructure (test mode only: the dev system is never touched), unless
// OVERSIGHT_KEEP_INFRA=1 asks to keep it warm for the next run.
module.exports = async function globalTeardown() {
  if (process.env.OVERSIGHT_KEEP_INFRA === '1') return;
  const { stopAll } = await import('../../../tools/infra/index.mjs');
  await stopAll({ mode: 'test', log: (line) => process.stderr.write(`[infra] ${line}\n`) });
};
