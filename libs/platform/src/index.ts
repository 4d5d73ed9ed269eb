export * from './config/app-config';
export * from './config/jwt-secret';
export * from './database/postgres-options';
export * from './logging/logger-options';
export * from './redis/redis-connection';
export * from './storage/document-storage';
export * from './storage/local-document.storage';
