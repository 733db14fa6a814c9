import { connect, createServer, NetConnectOpts, Server, Socket } from 'node:net';

export interface DbProxy {
  /** The test database URL, reached through this proxy. */
  url: string;
  /** The database becomes unreachable: open connections drop, new ones are refused. */
  cut(): Promise<void>;
  /** The database is reachable again, on the same address. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

function upstreamOf(url: URL): NetConnectOpts {
  const host = decodeURIComponent(url.hostname);
  const port = Number(url.port || 5432);
  return host.startsWith('/') ? { path: `${host}/.s.PGSQL.${port}` } : { host, port };
}

/**
 * A TCP proxy in front of the shared test database (PGlite's socket or PostgreSQL), so a test
 * can make the database unreachable for one app and bring it back, without touching the others.
 */
export async function startDbProxy(
  databaseUrl = process.env.CMS_TEST_DATABASE_URL ?? '',
): Promise<DbProxy> {
  const target = new URL(databaseUrl);
  const upstream = upstreamOf(target);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve();
      const next = createServer((client) => {
        const remote = connect(upstream);
        for (const s of [client, remote]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.on('close', () => remote.destroy());
        remote.on('close', () => client.destroy());
        client.pipe(remote).pipe(client);
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as { port: number }).port;
        server = next;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      const current = server;
      server = undefined;
      if (!current) return resolve();
      current.close(() => resolve());
    });

  await listen();
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return { url: url.toString(), cut: stop, restore: listen, close: stop };
}
