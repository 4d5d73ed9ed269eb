export * from './session';
export * from './users';
export * from './audit';
