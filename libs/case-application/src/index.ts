export * from './case-command.errors';
export * from './case-stream';
export * from './execute-case-command';
