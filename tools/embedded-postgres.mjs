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
keepExtendedQueriesTogether(server.queryQueue);
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

/**
 * pglite-socket funnels every connection into PGlite's one session and queues
 * their protocol messages one by one. Outside a transaction it interleaves the
 * Parse/Bind/Execute/Sync messages of different connections, so one client's
 * unnamed statement or portal is replaced by another's ("portal does not exist",
 * or worse, rows answered to the wrong query). This keeps each connection's
 * extended-protocol sequence together until its Sync, as the queue already does
 * for a whole transaction.
 */
function keepExtendedQueriesTogether(queue) {
  const SEQUENCE = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // Parse Bind Describe Execute Close Flush
  const ENDS = new Set([0x53, 0x51, 0x58]); // Sync, simple Query, Terminate
  let pinned = null;

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    if (pinned === handlerId) pinned = null;
    clear(handlerId);
    void queue.processQueue();
  };

  queue.processQueue = async function processQueue() {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = pinned ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        if (index === -1) break; // the owner's next message has not arrived yet
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        const type = item.message[0];
        if (ENDS.has(type)) pinned = null;
        else if (SEQUENCE.has(type)) pinned = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
}
