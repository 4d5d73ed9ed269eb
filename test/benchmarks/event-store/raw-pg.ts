/** The bare `pg` pool, as the baseline: no TypeORM, no store. pg ships without types here. */
export interface RawPool {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  end(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Pool } = require('pg') as { Pool: new (config: { connectionString: string; max: number }) => RawPool };

export function rawPool(url: string, max: number): RawPool {
  return new Pool({ connectionString: url, max });
}
