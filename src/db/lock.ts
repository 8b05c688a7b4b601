import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SaringError } from '../errors/errors.js';

/** What a lock file says about the process that owns a PGlite data directory. */
export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Set by `saring serve`, so other commands can say where the owner listens. */
  url?: string;
  command?: string;
}

export interface DirectoryLock {
  path: string;
  /** Records extra facts about the owner (e.g. the URL once the server listens). */
  update(extra: Partial<LockHolder>): void;
  release(): void;
}

const LOCK_FILE = 'saring.lock';

export function readLock(dataDir: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function alive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true; // cannot tell: assume alive
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data directory for this process. Two PGlite instances on one directory corrupt it
 * silently, so a second owner is refused at once (never waits). A lock left by a dead process on
 * this host is taken over.
 */
export function acquireLock(dataDir: string, command: string): DirectoryLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  let holder: LockHolder = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const current = readLock(dataDir);
        if (current?.pid === process.pid) rmSync(path, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return {
        path,
        update(extra) {
          holder = { ...holder, ...extra };
          const fd2 = openSync(path, 'w');
          writeSync(fd2, JSON.stringify(holder));
          closeSync(fd2);
        },
        release,
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const other = readLock(dataDir);
      if (other && other.pid !== process.pid && alive(other)) {
        throw new SaringError(
          'data_dir_locked',
          `The data directory ${dataDir} is in use by process ${other.pid} (${other.command ?? 'saring'}` +
            `${other.url ? ` at ${other.url}` : ''}, since ${other.startedAt}). ` +
            'Stop it, use its HTTP API, or point this command at another directory with --data.',
          { holder: other },
        );
      }
      if (other?.pid === process.pid) {
        throw new SaringError('data_dir_locked', `The data directory ${dataDir} is already open in this process.`);
      }
      rmSync(path, { force: true }); // stale lock of a dead process
    }
  }
  throw new SaringError('data_dir_locked', `Could not lock the data directory ${dataDir}.`);
}
