export * from './config/app-config';
export * from './database/postgres-options';
export * from './logging/logger-options';
export * from './redis/redis-connection';
