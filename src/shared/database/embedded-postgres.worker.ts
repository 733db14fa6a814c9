import { parentPort, workerData } from 'node:worker_threads';
import { EmbeddedPostgres } from './embedded-postgres';
import type { HostMessage } from './embedded-postgres-host';

/**
 * The worker thread of `EmbeddedPostgresHost`: opens the embedded database on `workerData.dataDir`,
 * serves it on its socket, and closes it (checkpointing the data directory) when asked to stop.
 */
const port = parentPort!;
const send = (message: HostMessage) => port.postMessage(message);

EmbeddedPostgres.start((workerData as { dataDir: string }).dataDir).then(
  (embedded) => {
    port.once('message', () => {
      embedded.stop().then(
        () => send({ type: 'stopped' }),
        (error: unknown) => send({ type: 'failed', error: describe(error) }),
      );
    });
    send({ type: 'ready', connection: embedded.connection, origin: embedded.origin });
  },
  (error: unknown) => send({ type: 'failed', error: describe(error) }),
);

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
