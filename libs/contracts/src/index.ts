export * from './commands/index';
export * from './cases/list-cases';
export * from './cases/case-write-response';
export * from './jobs/queues';
export * from './cases/open-case';
