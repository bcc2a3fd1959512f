import { hostname } from 'node:os';
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite corrupts a data folder that two processes open at once, so the process that opens it
 * holds a lock file there. A lock whose process is gone (killed, crashed) is reclaimed.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: { pid: number; host: string; startedAt: string },
  ) {
    super(
      `Thư mục dữ liệu đang được tiến trình ${holder.pid} trên máy ${holder.host} sử dụng (từ ${holder.startedAt}). ` +
        `The data folder is in use by process ${holder.pid} on ${holder.host} since ${holder.startedAt} (${lockFile}). ` +
        `Stop that process or use another DATA_DIR.`,
    );
  }
}

export function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'hoctap.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }));
      closeSync(fd);
      return () => {
        try {
          const held = JSON.parse(readFileSync(lockFile, 'utf8'));
          if (held.pid === process.pid) unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(lockFile);
      // Created but not yet written by a process starting right now: not stale.
      const age = Date.now() - (statSync(lockFile, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (!holder && age < 5000) {
        throw new DataDirLockedError(lockFile, { pid: 0, host: hostname(), startedAt: 'just now' });
      }
      if (holder && holder.host === hostname() && isAlive(holder.pid) && holder.pid !== process.pid) {
        throw new DataDirLockedError(lockFile, holder);
      }
      if (holder && holder.host !== hostname()) throw new DataDirLockedError(lockFile, holder);
      // Stale lock from a process that no longer runs: reclaim it.
      try {
        unlinkSync(lockFile);
      } catch {
        /* raced with another reclaimer */
      }
    }
  }
  throw new Error(`Could not take the data folder lock ${lockFile}`);
}

function readHolder(lockFile: string): { pid: number; host: string; startedAt: string } | null {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8'));
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
