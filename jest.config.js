// Two tiers: unit specs (mocks only) and integration specs (real PostgreSQL, Kafka and the workflow engine).
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
  ],
};
