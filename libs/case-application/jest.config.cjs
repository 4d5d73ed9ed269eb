module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'case-application',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
