import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Parse, Bind, Describe, Execute, Close, Flush: the unnamed statement and portal live until Sync. */
const EXTENDED_PROTOCOL = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/**
 * pglite-socket 0.2.x queues single protocol messages from every connection onto PGlite's one
 * session and keeps a connection's messages together only inside a transaction. Two pooled
 * connections sending Parse/Bind/Execute/Sync at once then clobber each other's unnamed
 * statement: "unnamed prepared statement does not exist", or silently wrong rows
 * (electric-sql/pglite#1046). A thrown message also left the queue stuck forever. This replaces
 * the queue's scheduler with one that keeps a connection's messages together up to its Sync.
 */
export function pinExtendedProtocolSequences(server: PGLiteSocketServer): void {
  const q = (server as unknown as { queryQueue?: QueryQueue }).queryQueue;
  if (
    !q ||
    !Array.isArray(q.queue) ||
    typeof q.processQueue !== 'function' ||
    typeof q.clearQueueForHandler !== 'function'
  ) {
    throw new Error('unexpected @electric-sql/pglite-socket internals: review pglite-socket-queue');
  }
  let midSequence = false;

  q.processQueue = async function processQueue(): Promise<void> {
    if (q.processing) return;
    q.processing = true;
    try {
      while (q.queue.length > 0) {
        const pinned = q.lastHandlerId !== null && (midSequence || q.db.isInTransaction());
        const index = pinned ? q.queue.findIndex((m) => m.handlerId === q.lastHandlerId) : 0;
        if (index === -1) break;
        const [item] = q.queue.splice(index, 1);
        let bytes = 0;
        try {
          await q.db.runExclusive(() =>
            q.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        q.lastHandlerId = item.handlerId;
        midSequence = EXTENDED_PROTOCOL.has(item.message[0]);
        item.resolve(bytes);
      }
    } finally {
      q.processing = false;
    }
  };

  const clear = q.clearQueueForHandler.bind(q);
  q.clearQueueForHandler = (handlerId: number) => {
    clear(handlerId);
    if (q.lastHandlerId === handlerId) midSequence = false;
    void q.processQueue();
  };
}
