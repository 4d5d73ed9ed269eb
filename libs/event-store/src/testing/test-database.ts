import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
}

async function withAdmin<T>(work: (admin: DataSource) => Promise<T>): Promise<T> {
  const admin = new DataSource({ type: 'postgres', url: adminUrl(), poolSize: 1 });
  await admin.initialize();
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}

/**
 * A fresh database with a random name per test file, so suites never share state and can run
 * beside each other (and beside a developer's own database) without truncating anything.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40);
  const name = `${safePrefix}_${randomBytes(6).toString('hex')}`;
  // Identifiers cannot be bound as parameters; the name is built from [a-z0-9_] only.
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      withAdmin(async (admin) => {
        // FORCE terminates leftover sessions (e.g. a test that failed before closing its pool).
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
}
