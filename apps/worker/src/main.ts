import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, type AppConfig } from '@secondlook/platform';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  // A standalone application context: no HTTP server, only queue processors and log tailers.
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  // SIGTERM closes the BullMQ workers (they finish or return their active jobs) and stops the tailers.
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log('worker started');
}

void main();
