module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts', '<rootDir>/browser/**/*.browser-spec.ts'],
  testTimeout: 180000,
};
