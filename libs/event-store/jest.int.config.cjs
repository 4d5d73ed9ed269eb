module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'event-store:integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 120000,
};
