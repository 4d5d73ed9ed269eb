// The product's zero-install database: PGlite (PostgreSQL compiled to WebAssembly)
// served over the PostgreSQL wire protocol, its data kept under .data/pglite.
// Only for `npm start` without DATABASE_URL; tests and production use a real server.
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdirSync } from 'node:fs';

const [dataDir, port] = process.argv.slice(2);
mkdirSync(dataDir, { recursive: true });
const db = await PGlite.create(dataDir);
const server = new PGLiteSocketServer({ db, port: Number(port), host: '127.0.0.1', maxConnections: 64 });
await server.start();
process.send?.({ ready: true });

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
