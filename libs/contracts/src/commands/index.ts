export * from './field.schema';
export * from './command-body.schema';
export * from './open-case-command';
export * from './parse-command';
