import type { DataSource, QueryRunner } from 'typeorm';

/** Runs one parameterized statement and returns its rows, whatever the command tag. */
export async function queryRows<T>(runner: QueryRunner, text: string, params: unknown[] = []): Promise<T[]> {
  const result = await runner.query(text, params, true);
  return (result.records ?? []) as T[];
}

/** One statement on a pooled connection in autocommit mode. */
export async function queryOnce<T>(dataSource: DataSource, text: string, params: unknown[] = []): Promise<T[]> {
  const runner = dataSource.createQueryRunner();
  try {
    return await queryRows<T>(runner, text, params);
  } finally {
    await runner.release();
  }
}

/** Runs `work` in a transaction on one dedicated connection, committing only if it resolves. */
export async function inTransaction<T>(dataSource: DataSource, work: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      const result = await work(runner);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}

export function pgErrorCode(error: unknown): string | undefined {
  const driverError = (error as { driverError?: { code?: string } }).driverError;
  return driverError?.code ?? (error as { code?: string }).code;
}
