import { Readable } from 'node:stream';

/** Where uploaded bytes live. Keys are minted by the service and never contain client input. */
export abstract class FileStorage {
  /** Stores the stream under `key`; when it fails, nothing is left under `key`. */
  abstract put(key: string, stream: Readable): Promise<void>;
  /** The stored bytes; a missing key is a `StoredFileNotFoundError`. */
  abstract get(key: string): Promise<Readable>;
  /** Removes `key`; removing a missing key succeeds. */
  abstract delete(key: string): Promise<void>;
}
