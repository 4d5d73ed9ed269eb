import 'reflect-metadata';
import { ConfigError, loadConfig, resolveJwtSecret, type AppConfig } from '@secondlook/platform';
import { createApp } from './bootstrap/create-app';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
    // Fail with one line before Nest starts, not with a stack trace from inside it.
    resolveJwtSecret(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.PORT);
}

void main();
