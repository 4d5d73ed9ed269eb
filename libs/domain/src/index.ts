// The public API of the case domain. Everything here is pure and browser-safe.
export * from './codes';
export * from './events/case-event';
export * from './events/event-schema-version';
export * from './commands/case-command';
export * from './case-state';
export * from './refusal';
export * from './targets';
export * from './dates';
export * from './decide';
export * from './evolve';
export * from './phase';
export * from './next-steps';
export * from './risk-flags';
export * from './labels';
export * from './describe-event';
