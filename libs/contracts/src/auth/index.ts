export * from './csrf-header';
export * from './session';
export * from './users';
export * from './audit';
