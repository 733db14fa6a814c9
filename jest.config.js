/** One PGlite (or the PostgreSQL in TEST_DATABASE_URL) is shared by every worker; see test/support. */
module.exports = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testRegex: '(src|test)/.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', astTransformers: { before: ['<rootDir>/test/support/swagger-plugin-transformer.js'] } }],
  },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Every response an in-process test app sends is checked against /docs-json.
  setupFilesAfterEnv: ['<rootDir>/test/support/contract-hooks.ts'],
  maxWorkers: 2,
  testTimeout: 60000,
};
