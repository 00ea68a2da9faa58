// Three tiers: unit specs (mocks only), integration specs (real PostgreSQL, Kafka and the workflow engine)
// and browser tests of the console (e2e) on the same infrastructure.
const { pathsToModuleNameMapper } = require('./tools/jest/paths');

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};
const common = { transform, moduleNameMapper: pathsToModuleNameMapper(), testEnvironment: 'node' };

module.exports = {
  // Global, not per project: jest reads timeouts for tests and hooks only here.
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.js',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.js',
      setupFiles: ['<rootDir>/libs/testing/src/load-infra-env.js'],
      setupFilesAfterEnv: ['<rootDir>/libs/testing/src/fresh-engine.js'],
    },
    {
      ...common,
      // Browser tests of the console: chromium headless against the gateway on real infrastructure.
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.js',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.js',
      setupFiles: ['<rootDir>/libs/testing/src/load-infra-env.js'],
    },
  ],
};
