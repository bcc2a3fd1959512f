import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where file bytes live. The default keeps them under DATA_DIR/files with random names;
 * a deployment can supply an S3-compatible implementation of the same interface.
 * Several app processes on one PostgreSQL must share the folder (or use object storage).
 */
export interface FileStorage {
  /** A writable stream for a new object, and how to commit or discard it. */
  create(): Promise<{ key: string; path: string; commit(): Promise<number>; discard(): Promise<void> }>;
  stream(key: string): Readable;
  delete(key: string): Promise<void>;
}

export function createLocalStorage(root: string): FileStorage {
  const fullPath = (key: string) => {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('bad storage key');
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async create() {
      const key = randomUUID();
      const finalPath = fullPath(key);
      await mkdir(path.dirname(finalPath), { recursive: true });
      const tmpPath = `${finalPath}.part`;
      return {
        key,
        path: tmpPath,
        async commit() {
          await rename(tmpPath, finalPath);
          return (await stat(finalPath)).size;
        },
        discard: () => rm(tmpPath, { force: true }),
      };
    },
    stream: (key) => createReadStream(fullPath(key)),
    delete: (key) => rm(fullPath(key), { force: true }),
  };
}

