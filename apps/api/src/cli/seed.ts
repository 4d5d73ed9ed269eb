import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@secondlook/platform';
import { Logger } from 'nestjs-pino';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { DemoSeeder } from '../demo/demo-seeder';
import { DemoUsersSeeder } from '../demo/demo-users';

/**
 * `npm run seed -- --cases N`: synthetic demo data through the real command path.
 * `--if-empty` leaves a database that already has cases alone (how `npm start` calls it).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '120' }, 'if-empty': { type: 'boolean', default: false }, seed: { type: 'string', default: '42' } } });
  const cases = Number(values.cases);
  if (!Number.isInteger(cases) || cases < 0) throw new ConfigError('--cases must be a whole number');
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, LOG_LEVEL: 'warn' }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  try {
    await app.get(DataSource).runMigrations({ transaction: 'each' });
    const seeder = app.get(DemoSeeder);
    if (values['if-empty'] && !(await seeder.isEmpty())) {
      // Demo data seeded before sign-in existed still needs its demo sign-ins.
      await app.get(DemoUsersSeeder).ensure();
      process.stdout.write('seed: the database already has cases; leaving it as it is\n');
      return;
    }
    const started = Date.now();
    const summary = await seeder.seed({ cases, randomSeed: Number(values.seed), onProgress: (done) => done % 500 === 0 && process.stdout.write(`seed: ${done}/${cases} cases\n`) });
    process.stdout.write(`seed: ${summary.cases} cases, ${summary.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? (process.env.DEBUG ? error.stack : error.message) : String(error)}\n`);
  process.exit(1);
});
