// Shared jest setup for every project: SWC compiles TypeScript (with decorator
// metadata, which NestJS dependency injection needs) and the libs resolve
// through the same aliases as tsconfig.base.json.
const path = require('node:path');

const lib = (name) => path.join(__dirname, 'libs', name, 'src', 'index.ts');

module.exports = {
  testEnvironment: 'node',
  reporters: ['default', path.join(__dirname, 'tools', 'jest-summary-reporter.cjs')],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true, decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@secondlook/domain$': lib('domain'),
    '^@secondlook/event-store$': lib('event-store'),
    '^@secondlook/contracts$': lib('contracts'),
    '^@secondlook/platform$': lib('platform'),
    '^@secondlook/case-application$': lib('case-application'),
  },
};
