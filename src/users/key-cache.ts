import { AsyncResource } from 'node:async_hooks';
import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type { OperatorUser } from '../access/auth.js';
import type { UserRow } from './user-row.js';

/** The `settings` row that changes whenever a key or a user that keys resolve to changes. */
const GENERATION_KEY = 'access_generation';

/**
 * Marks, inside the transaction that makes it, a change to API keys or to the users they resolve
 * to (revocation, role, organisation, deactivation, …): every process's key cache drops what it
 * holds once it sees the new value (within {@link KeyCacheOptions.checkMs}).
 */
export async function bumpAccessGeneration(db: Db): Promise<void> {
  await sql`INSERT INTO settings (key, value) VALUES (${GENERATION_KEY}, '1'::jsonb)
    ON CONFLICT (key) DO UPDATE SET value = to_jsonb((settings.value #>> '{}')::bigint + 1), updated_at = now()`.execute(db);
}

async function accessGeneration(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', GENERATION_KEY).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

/** An active API key as the cache holds it: no secret, no password or invite hash. */
export interface CachedKey {
  keyId: string;
  prefix: string;
  /** The user's row; `password_hash` and `invite_hash` only say whether there is one. */
  user: UserRow;
  /** The user as requests see it, made on first use. */
  view?: OperatorUser;
}

export interface KeyCacheOptions {
  /** How often the shared generation is read (other processes' changes are seen within this). */
  checkMs: number;
  /** The cache is not trusted when the last successful check is older than this: the request waits for one. */
  maxStaleMs: number;
  /** How often `last_used_at` is written. */
  flushMs: number;
  /** At most this many refused key hashes are remembered (then they are forgotten all at once). */
  maxRefused: number;
}

export const KEY_CACHE_DEFAULTS: KeyCacheOptions = { checkMs: 1_000, maxStaleMs: 2_000, flushMs: 10_000, maxRefused: 10_000 };

/**
 * API keys resolved in memory, keyed by the SHA-256 of the key (the key itself is never held).
 *
 * - A hit (an active key, or a hash known to be no active key) costs a map lookup: no database.
 * - A miss reads the database once (concurrent misses for one hash share that read).
 * - A change made through this process ({@link changed}) empties the cache at once; a change
 *   made elsewhere bumps the access generation in its transaction, which a timer here reads every
 *   `checkMs` — and a request never trusts the cache when that check is older than `maxStaleMs`
 *   (it waits for a fresh one), so a revocation reaches every process within 2 s.
 * - A read that began before a change is not stored (an epoch counts the changes seen).
 * - Uses are remembered per key and written to `last_used_at` every `flushMs` and on close.
 */
export class KeyCache {
  private readonly known = new Map<string, CachedKey>();
  private readonly refused = new Set<string>();
  private readonly pending = new Map<string, Promise<CachedKey | null>>();
  private readonly used = new Map<string, number>();
  private epoch = 0;
  private generation: number | undefined;
  private checkedAt = 0;
  private checking: Promise<void> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];
  private closed = false;
  /** Starts the timers in the context the cache was made in, not in that of the request that first used it. */
  private readonly start = AsyncResource.bind(() => {
    if (this.timers.length || this.closed) return;
    const every = (ms: number, fn: () => Promise<void>) => {
      const t = setInterval(() => void fn().catch(() => {}), ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.options.checkMs, () => this.check());
    every(this.options.flushMs, () => this.flush());
  });

  constructor(
    private readonly db: Db,
    private readonly load: (prefix: string, hash: string) => Promise<CachedKey | null>,
    private readonly options: KeyCacheOptions = KEY_CACHE_DEFAULTS,
  ) {}

  /** The active key with this hash (its user active too), or null. */
  async resolve(prefix: string, hash: string): Promise<CachedKey | null> {
    if (Date.now() - this.checkedAt >= this.options.maxStaleMs) {
      await this.check();
      // The check joined may have begun too long ago (a slow database): one begun now, then.
      if (Date.now() - this.checkedAt >= this.options.maxStaleMs) await this.check();
    }
    const hit = this.known.get(hash);
    if (hit) {
      this.used.set(hit.keyId, Date.now());
      return hit;
    }
    if (this.refused.has(hash)) return null;
    let read = this.pending.get(hash);
    if (!read) {
      const epoch = this.epoch;
      const p: Promise<CachedKey | null> = this.load(prefix, hash).then(
        (found) => {
          if (this.pending.get(hash) === p) this.pending.delete(hash);
          if (epoch === this.epoch) {
            if (found) this.known.set(hash, found);
            else {
              if (this.refused.size >= this.options.maxRefused) this.refused.clear();
              this.refused.add(hash);
            }
          }
          return found;
        },
        (err: unknown) => {
          if (this.pending.get(hash) === p) this.pending.delete(hash);
          throw err;
        },
      );
      this.pending.set(hash, p);
      read = p;
    }
    const found = await read;
    if (found) this.used.set(found.keyId, Date.now());
    return found;
  }

  /** Something keys resolve to changed in this process: forget everything now. */
  changed(): void {
    this.epoch++;
    this.known.clear();
    this.refused.clear();
    this.pending.clear();
  }

  /** Reads the shared generation (once at a time); a new value empties the cache. Starts the timers on first use. */
  check(): Promise<void> {
    this.start();
    this.checking ??= (async () => {
      try {
        const started = Date.now();
        const generation = await accessGeneration(this.db);
        // A read begun before a change still in flight is dropped by changed() (the epoch moves on).
        if (generation !== this.generation) {
          this.changed();
          this.generation = generation;
        }
        this.checkedAt = started;
      } finally {
        this.checking = undefined;
      }
    })();
    return this.checking;
  }

  /** Writes the remembered uses to `last_used_at` (one statement for all keys; never moves it back). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.used.size === 0) return;
      const uses = [...this.used];
      this.used.clear();
      const rows = sql.join(uses.map(([id, at]) => sql`(${id}::uuid, ${new Date(at).toISOString()}::timestamptz)`));
      try {
        await sql`UPDATE api_keys AS k SET last_used_at = v.at FROM (VALUES ${rows}) AS v(id, at)
          WHERE k.id = v.id AND (k.last_used_at IS NULL OR k.last_used_at < v.at)`.execute(this.db);
      } catch (err) {
        // Kept for the next flush (a newer use of the same key wins).
        for (const [id, at] of uses) if ((this.used.get(id) ?? 0) < at) this.used.set(id, at);
        throw err;
      }
    });
    return this.flushing;
  }

  /** Stops the timers and writes the uses not yet written. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.flush();
  }
}
