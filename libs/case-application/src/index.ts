export * from './case-command.errors';
export * from './case-snapshot';
export * from './case-stream';
export * from './execute-case-command';
export * from './case-summary.projection';
export * from './reports/index';
