/**
 * Group commit for `POST /v1/content`: items submitted at the same time are stored together, in
 * one transaction with a handful of multi-row statements, instead of one transaction and a dozen
 * statements each. While a batch is being written, new submissions wait in a queue; when it
 * commits, the next batch takes all of them (up to `maxBatch`). A lone request is written on the
 * event loop's next turn, so batching adds no waiting when the server is quiet; under load the
 * batches grow by themselves.
 *
 * Nothing about an item changes with the batch it travels in: a new item is stored and scanned,
 * and its verdict goes through the one decision path (`actOnScan`: decisions and their statements
 * of reasons, review, bank entries, webhooks, hooks) exactly as `submitContent` does it; a known
 * item (a retry, a changed text) takes `storeSubmission`, the same code as a single submission,
 * inside the batch's transaction. Two submissions of one external id are never in the same batch
 * nor in two batches at once: the later waits for the earlier to commit, and then finds the item.
 * When a batch fails (one item's hook throws, a deadlock), nothing of it is kept and each of its
 * items is submitted again alone, so each gets its own answer or its own error.
 */
import { sql } from 'kysely';
import { withDeferredAudit, type Actor } from '../audit/log.js';
import { mediaHashRow } from '../banks/media-hashes.js';
import type { Db } from '../db/connect.js';
import type { Effects } from '../decisions/effects.js';
import type { Verdict } from '../scan/verdict.js';
import {
  actOnScan,
  fingerprint,
  getContents,
  mediaHashes,
  storeSubmission,
  submitContent,
  submitResult,
  type SubmitOutcome,
  type SubmitResult,
} from './content.js';
import type { ValidContentInput } from './schema.js';

export interface ContentWriterOptions {
  /** Batches written at the same time (1 for PGlite, which has one connection). */
  maxInFlight?: number;
  /** Items in one batch at most. */
  maxBatch?: number;
}

export interface ContentWriter {
  /** What `submitContent` does, with concurrent submissions stored together. */
  submit(input: ValidContentInput, scan: (input: ValidContentInput) => Verdict, actor: Actor, options?: { analyse?: { queue: string } }): Promise<SubmitResult>;
  /** Batches written so far, the items in them, the largest, and batches that failed and were submitted item by item. */
  readonly stats: { batches: number; items: number; largest: number; failed: number };
}

interface Pending {
  input: ValidContentInput;
  scan: (input: ValidContentInput) => Verdict;
  actor: Actor;
  resolve(result: SubmitResult): void;
  reject(err: unknown): void;
}

export function createContentWriter(db: Db, fx: Effects, options: ContentWriterOptions = {}): ContentWriter {
  const maxInFlight = options.maxInFlight ?? 1;
  const maxBatch = options.maxBatch ?? 100;
  let queue: Pending[] = [];
  let inFlight = 0;
  /** External ids of the items in batches not yet committed. */
  const busy = new Set<string>();
  const stats = { batches: 0, items: 0, largest: 0, failed: 0 };

  let scheduled = false;
  /**
   * A batch starts on the event loop's next turn, not at once: the requests whose bytes are
   * already here reach the queue first. PGlite runs a whole transaction without giving the loop a
   * turn (its statements answer in microtasks), so a batch started at once would mostly be alone.
   */
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  }

  function pump(): void {
    while (inFlight < maxInFlight && queue.length) {
      const batch: Pending[] = [];
      const rest: Pending[] = [];
      const taken = new Set<string>();
      for (const p of queue) {
        const id = p.input.externalId;
        if (batch.length < maxBatch && !busy.has(id) && !taken.has(id)) {
          batch.push(p);
          taken.add(id);
        } else rest.push(p);
      }
      queue = rest;
      if (batch.length === 0) return;
      for (const id of taken) busy.add(id);
      inFlight++;
      stats.batches++;
      stats.items += batch.length;
      stats.largest = Math.max(stats.largest, batch.length);
      const done = () => {
        inFlight--;
        for (const id of taken) busy.delete(id);
        schedule();
      };
      void write(batch, done);
    }
  }

  async function write(batch: Pending[], done: () => void): Promise<void> {
    let results: SubmitResult[];
    try {
      // The answers are read in the batch's transaction: on PGlite's one connection, reads queued
      // behind the next batches would hold every answer back.
      results = await db.transaction().execute(async (trx) => {
        const outcomes = await withDeferredAudit(trx, () => storeBatch(trx, fx, batch));
        const contents = await getContents(trx, outcomes.map((o) => o.id));
        return outcomes.map((o) => submitResult(o, contents.get(o.id)!));
      });
    } catch (err) {
      stats.failed++;
      if (batch.length === 1) {
        done();
        batch[0]!.reject(err);
        return;
      }
      // Alone, each item gets its own answer or its own error (its external id stays busy meanwhile).
      await Promise.all(batch.map((p) => submitContent(db, fx, p.input, p.scan, p.actor).then(p.resolve, p.reject)));
      done();
      return;
    }
    done();
    batch.forEach((p, i) => p.resolve(results[i]!));
  }

  return {
    stats,
    submit(input, scan, actor, submitOptions = {}) {
      // Media to analyse: stored alone, with its analysis job.
      if (submitOptions.analyse) return submitContent(db, fx, input, scan, actor, submitOptions);
      return new Promise<SubmitResult>((resolve, reject) => {
        queue.push({ input, scan, actor, resolve, reject });
        schedule();
      });
    },
  };
}

/**
 * Stores a batch (distinct external ids) in `trx`: the new items with one statement — their
 * accounts, the items, their version 1, their media hashes and their scans — then acts on each new
 * item's verdict; items already stored (a retry, a changed text) one by one, as a single
 * submission does.
 */
async function storeBatch(trx: Db, fx: Effects, batch: Pending[]): Promise<SubmitOutcome[]> {
  const outcomes: SubmitOutcome[] = new Array<SubmitOutcome>(batch.length);
  const verdicts = batch.map((p) => p.scan(p.input));
  // Each item of the batch is stamped a microsecond after the one before it (its version and scan
  // with it), so creation times keep the order of arrival, as one transaction after the other would.
  const rows = JSON.stringify(
    batch.map((p, n) => ({
      n,
      e: p.input.externalId,
      ae: p.input.account?.externalId ?? null,
      ad: p.input.account?.displayName ?? null,
      f: fingerprint(p.input),
      k: p.input.kind,
      t: p.input.texts,
      m: p.input.media,
      u: p.input.audience,
      x: p.input.metadata ?? {},
      c: p.actor,
      p: verdicts[n]!.policyVersion,
      a: verdicts[n]!.action,
      v: verdicts[n],
    })),
  );
  const hashes = JSON.stringify(batch.flatMap((p) => mediaHashes(p.input).map(({ index, hashes: h }) => ({ ...mediaHashRow('', index, h), e: p.input.externalId }))));
  // Accounts: upserted once each, in one order, for the new items only (a retry of a known item
  // leaves its account alone); the last display name given counts, as one submission after the
  // other would leave it. An item another process stored meanwhile is skipped here (ON CONFLICT)
  // and taken below as a known item.
  const { rows: stored } = await sql<{ id: string; external_id: string; account_id: string | null; scan_id: string }>`
    WITH r AS (
      SELECT r.*, now() + make_interval(secs => r.n / 1000000.0) AS at
      FROM jsonb_to_recordset(${rows}::jsonb)
        AS r(n integer, e text, ae text, ad text, f text, k text, t jsonb, m jsonb, u text, x jsonb, c text, p text, a text, v jsonb)
    ), fresh AS (
      SELECT r.* FROM r WHERE NOT EXISTS (SELECT 1 FROM content_items ci WHERE ci.external_id = r.e)
    ), acc AS (
      INSERT INTO accounts (external_id, display_name)
      SELECT ae, (array_agg(ad ORDER BY n DESC) FILTER (WHERE ad IS NOT NULL))[1] FROM fresh WHERE ae IS NOT NULL GROUP BY ae ORDER BY ae
      ON CONFLICT (external_id) DO UPDATE SET display_name = coalesce(excluded.display_name, accounts.display_name)
      RETURNING id, external_id
    ), ins AS (
      INSERT INTO content_items (external_id, account_id, fingerprint, kind, texts, media, audience, metadata, created_at, updated_at)
      SELECT fresh.e, acc.id, fresh.f, fresh.k, fresh.t, fresh.m, fresh.u, fresh.x, fresh.at, fresh.at
      FROM fresh LEFT JOIN acc ON acc.external_id = fresh.ae ORDER BY fresh.n
      ON CONFLICT (external_id) DO NOTHING
      RETURNING id, external_id, account_id
    ), ver AS (
      INSERT INTO content_versions (content_id, version, fingerprint, kind, texts, media, audience, metadata, created_by, created_at)
      SELECT ins.id, 1, fresh.f, fresh.k, fresh.t, fresh.m, fresh.u, fresh.x, fresh.c, fresh.at FROM ins JOIN fresh ON fresh.e = ins.external_id
    ), hashes AS (
      INSERT INTO content_media_hashes (content_id, media_index, kind, pdq, quality, cropped, cropped_quality, md5, sha256, frames)
      SELECT ins.id, h.media_index, h.kind, h.pdq, h.quality, h.cropped, h.cropped_quality, h.md5, h.sha256, h.frames
      FROM jsonb_to_recordset(${hashes}::jsonb)
        AS h(e text, media_index integer, kind text, pdq text, quality integer, cropped text, cropped_quality integer, md5 text, sha256 text, frames jsonb)
      JOIN ins ON ins.external_id = h.e
    ), sc AS (
      INSERT INTO scans (content_id, content_version, policy_version, action, verdict, created_at)
      SELECT ins.id, 1, fresh.p, fresh.a, fresh.v, fresh.at FROM ins JOIN fresh ON fresh.e = ins.external_id ORDER BY fresh.n
      RETURNING id, content_id
    )
    SELECT ins.id, ins.external_id, ins.account_id, sc.id AS scan_id FROM ins JOIN sc ON sc.content_id = ins.id`.execute(trx);
  const created = new Map(stored.map((r) => [r.external_id, r]));

  for (const [at, p] of batch.entries()) {
    const row = created.get(p.input.externalId);
    if (row) {
      // The one decision path, as a single submission takes it.
      await actOnScan(trx, fx, row.id, row.scan_id, verdicts[at]!, p.actor, { externalId: p.input.externalId, accountId: row.account_id });
      outcomes[at] = { id: row.id, created: true, scanned: true, verdict: verdicts[at]! };
    } else outcomes[at] = await storeSubmission(trx, fx, p.input, p.scan, p.actor);
  }
  return outcomes;
}
