/**
 * The bulk store path of imports: a batch of validated items stored in the caller's transaction
 * with a handful of multi-row statements (existing items looked up in one query; accounts, items,
 * versions, media hashes and scans inserted many rows at a time). What submitContent does for one
 * item, this does for hundreds — and every verdict is acted on through the one decision path
 * (actOnScan, the part of applyVerdict after the scan is stored).
 */
import { sql } from 'kysely';
import { appendAudit, withDeferredAudit, type Actor } from '../audit/log.js';
import { mediaHashRow } from '../banks/media-hashes.js';
import type { Db } from '../db/connect.js';
import type { Effects } from '../decisions/effects.js';
import { actOnScan, fingerprint, lockAccounts, mediaHashes, mediaToAnalyse } from '../content/content.js';
import { MEDIA_QUEUE } from '../content/analysis.js';
import type { ValidContentInput } from '../content/schema.js';
import { sha256 } from '../signals/hash/exact.js';
import type { Verdict } from '../scan/verdict.js';

/** One valid item of a batch, at its position in the input. */
export interface PreparedItem {
  index: number;
  input: ValidContentInput;
  postedAt: Date | null;
}

export type StoredOutcome = {
  index: number;
  externalId: string;
  ok: true;
  id: string;
  /** A new item. */
  created: boolean;
  /** A known item whose texts or media changed: a new version was stored. */
  changed: boolean;
  /** Scanned by this call (its verdict acted on). */
  scanned: boolean;
  /** Its media is analysed in a job, which scans it then. */
  analysing: boolean;
  status: string;
  /** The action of its latest scan, if it has one. */
  action?: string;
};

export type RejectedOutcome = { index: number; externalId: string | null; ok: false; error: { code: string; message: string } };
export type Outcome = StoredOutcome | RejectedOutcome;

export interface StoreOptions {
  fx: Effects;
  actor: Actor;
  /** Scans an item (texts and bank matches of its hashes); absent: items are stored, not scanned. */
  scan?: ((input: ValidContentInput) => Promise<Verdict>) | undefined;
  /** Whether media URLs are fetched (then a URL is analysed like a path). */
  fetchUrls: boolean;
  /** The import run storing these (a second, different row with a known id in the same run is a duplicate). */
  runId?: string | null;
}

interface Existing {
  id: string;
  external_id: string;
  fingerprint: string;
  version: number;
  status: string;
  account_id: string | null;
  import_run_id: string | null;
  last_action: string | null;
  analysing: boolean;
}

const chunk = <T>(xs: T[], n: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

/**
 * Stores a batch of items in `trx` and acts on their verdicts. Returns one outcome per item (in
 * the order given), and whether something was removed (the bank matcher then reloads).
 */
export async function storeBatch(trx: Db, items: PreparedItem[], options: StoreOptions): Promise<{ outcomes: Outcome[]; removed: boolean }> {
  // The batch's audit entries (versions, decisions) are appended together at its end, so the audit
  // chain's lock is not held through the batch.
  return withDeferredAudit(trx, () => storeItems(trx, items, options));
}

async function storeItems(trx: Db, items: PreparedItem[], options: StoreOptions): Promise<{ outcomes: Outcome[]; removed: boolean }> {
  const { fx, actor } = options;
  const outcomes = new Map<number, Outcome>();
  const prints = new Map<number, string>();
  for (const it of items) prints.set(it.index, fingerprint(it.input));

  // Within the batch: the first of an external id counts; a later identical one is the same item,
  // a later different one is a duplicate.
  const firstOf = new Map<string, PreparedItem>();
  const sameAs = new Map<number, number>();
  const unique: PreparedItem[] = [];
  for (const it of items) {
    const first = firstOf.get(it.input.externalId);
    if (!first) {
      firstOf.set(it.input.externalId, it);
      unique.push(it);
    } else if (prints.get(first.index) === prints.get(it.index)) {
      sameAs.set(it.index, first.index);
    } else {
      outcomes.set(it.index, duplicate(it, "an earlier item of this batch"));
    }
  }
  if (unique.length === 0) return { outcomes: order(items, outcomes, sameAs), removed: false };

  const ids = unique.map((it) => it.input.externalId);
  const existingRows = (
    await sql<Existing>`
      SELECT ci.id, ci.external_id, ci.fingerprint, ci.version, ci.status, ci.account_id, cv.import_run_id,
        (SELECT s.action FROM scans s WHERE s.content_id = ci.id ORDER BY s.created_at DESC LIMIT 1) AS last_action,
        EXISTS (SELECT 1 FROM media_analyses m WHERE m.content_id = ci.id AND m.status IN ('queued', 'running') AND m.fingerprint = ci.fingerprint) AS analysing
      FROM content_items ci
      LEFT JOIN content_versions cv ON cv.content_id = ci.id AND cv.version = ci.version
      WHERE ci.external_id = ANY(${ids}::text[])
      FOR UPDATE OF ci`.execute(trx)
  ).rows;
  const existing = new Map(existingRows.map((r) => [r.external_id, r]));

  const fresh: PreparedItem[] = [];
  const changed: { it: PreparedItem; was: Existing }[] = [];
  const scanOnly: { it: PreparedItem; was: Existing }[] = [];
  for (const it of unique) {
    const was = existing.get(it.input.externalId);
    const print = prints.get(it.index)!;
    if (!was) fresh.push(it);
    else if (was.fingerprint === print) {
      if (options.scan && was.last_action === null && !was.analysing) scanOnly.push({ it, was });
      else outcomes.set(it.index, { index: it.index, externalId: it.input.externalId, ok: true, id: was.id, created: false, changed: false, scanned: false, analysing: was.analysing, status: was.status, ...(was.last_action ? { action: was.last_action } : {}) });
    } else if (options.runId && was.import_run_id === options.runId) {
      outcomes.set(it.index, duplicate(it, 'an earlier row of this run'));
    } else changed.push({ it, was });
  }
  const stored = [...fresh, ...changed.map((c) => c.it)];

  // Accounts: one upsert for the batch (each account once, its last display name given).
  const accounts = new Map<string, string | null>();
  for (const it of stored) {
    const a = it.input.account;
    if (a) accounts.set(a.externalId, a.displayName ?? accounts.get(a.externalId) ?? null);
  }
  const accountIds = new Map<string, string>();
  for (const part of chunk([...accounts], 1000)) {
    const rows = await sql<{ id: string; external_id: string }>`
      INSERT INTO accounts (external_id, display_name)
      SELECT r.e, r.d FROM jsonb_to_recordset(${JSON.stringify(part.map(([e, d]) => ({ e, d })))}::jsonb) AS r(e text, d text)
      ON CONFLICT (external_id) DO UPDATE SET display_name = coalesce(excluded.display_name, accounts.display_name)
      RETURNING id, external_id`.execute(trx);
    for (const r of rows.rows) accountIds.set(r.external_id, r.id);
  }
  const accountOf = (it: PreparedItem) => (it.input.account ? accountIds.get(it.input.account.externalId)! : null);
  const valuesOf = (it: PreparedItem) => ({
    fingerprint: prints.get(it.index)!,
    kind: it.input.kind,
    texts: JSON.stringify(it.input.texts),
    media: JSON.stringify(it.input.media),
    audience: it.input.audience,
    metadata: JSON.stringify(it.input.metadata ?? {}),
  });

  // The stored items: id, version and account, by index.
  const rowOf = new Map<number, { id: string; version: number; accountId: string | null; status: string }>();
  // New items and their version 1 in one statement: the rows travel as one JSON parameter (a
  // thousand rows of bound parameters cost far more, on PGlite above all).
  for (const part of chunk(fresh, 1000)) {
    const json = JSON.stringify(
      part.map((it) => ({
        e: it.input.externalId,
        a: accountOf(it),
        p: it.postedAt?.toISOString() ?? null,
        f: prints.get(it.index)!,
        k: it.input.kind,
        t: it.input.texts,
        m: it.input.media,
        u: it.input.audience,
        x: it.input.metadata ?? {},
      })),
    );
    const rows = await sql<{ id: string; external_id: string }>`
      WITH r AS (
        SELECT * FROM jsonb_to_recordset(${json}::jsonb) AS r(e text, a uuid, p timestamptz, f text, k text, t jsonb, m jsonb, u text, x jsonb)
      ), ins AS (
        INSERT INTO content_items (external_id, account_id, posted_at, fingerprint, kind, texts, media, audience, metadata)
        SELECT e, a, p, f, k, t, m, u, x FROM r
        RETURNING id, external_id, fingerprint, kind, texts, media, audience, metadata
      ), ver AS (
        INSERT INTO content_versions (content_id, version, fingerprint, kind, texts, media, audience, metadata, created_by, import_run_id)
        SELECT id, 1, fingerprint, kind, texts, media, audience, metadata, ${actor}, ${options.runId ?? null}::uuid FROM ins
      )
      SELECT id, external_id FROM ins`.execute(trx);
    const byExternal = new Map(rows.rows.map((r) => [r.external_id, r.id]));
    for (const it of part) rowOf.set(it.index, { id: byExternal.get(it.input.externalId)!, version: 1, accountId: accountOf(it), status: 'active' });
  }
  // A change never overwrites what was judged: the old version stays in content_versions.
  for (const { it, was } of changed) {
    const version = was.version + 1;
    await trx
      .updateTable('content_items')
      .set((eb) => ({ ...valuesOf(it), account_id: accountOf(it), version, updated_at: new Date(), posted_at: it.postedAt ?? eb.ref('posted_at') }))
      .where('id', '=', was.id)
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'content.version_added',
      subjectType: 'content',
      subjectId: was.id,
      data: { externalId: it.input.externalId, version, previousSha256: sha256(was.fingerprint), sha256: sha256(prints.get(it.index)!), status: was.status },
    });
    rowOf.set(it.index, { id: was.id, version, accountId: accountOf(it), status: was.status });
  }
  for (const part of chunk(changed.map((c) => c.it), 1000)) {
    await trx
      .insertInto('content_versions')
      .values(
        part.map((it) => {
          const { fingerprint: fp, kind, texts, media, audience, metadata } = valuesOf(it);
          const row = rowOf.get(it.index)!;
          return { content_id: row.id, version: row.version, fingerprint: fp, kind, texts, media, audience, metadata, created_by: actor, import_run_id: options.runId ?? null };
        }),
      )
      .execute();
  }

  // Media hashes, as the banks match them (a changed item's old ones are replaced).
  if (changed.length) await trx.deleteFrom('content_media_hashes').where('content_id', 'in', changed.map((c) => c.was.id)).execute();
  const hashRows = stored.flatMap((it) =>
    mediaHashes(it.input).map(({ index, hashes }) => mediaHashRow(rowOf.get(it.index)!.id, index, hashes)),
  );
  for (const part of chunk(hashRows, 1000)) {
    await sql`
      INSERT INTO content_media_hashes (content_id, media_index, kind, pdq, quality, cropped, cropped_quality, md5, sha256, frames)
      SELECT content_id, media_index, kind, pdq, quality, cropped, cropped_quality, md5, sha256, frames
      FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb)
        AS r(content_id uuid, media_index integer, kind text, pdq text, quality integer, cropped text, cropped_quality integer, md5 text, sha256 text, frames jsonb)`.execute(trx);
  }

  // What is judged now, and what is analysed first (media to read: a job scans it after).
  const toScan: { it: PreparedItem; id: string; version: number; accountId: string | null }[] = [];
  const toAnalyse: { it: PreparedItem; id: string }[] = [];
  if (options.scan) {
    if (changed.length) {
      // An analysis of an earlier version is superseded: its job stops without judging.
      await trx
        .updateTable('media_analyses')
        .set({ status: 'cancelled', finished_at: new Date() })
        .where('content_id', 'in', changed.map((c) => c.was.id))
        .where('status', 'in', ['queued', 'running'])
        .execute();
    }
    for (const it of stored) {
      const row = rowOf.get(it.index)!;
      if (mediaToAnalyse(it.input, options.fetchUrls).length > 0) toAnalyse.push({ it, id: row.id });
      else toScan.push({ it, id: row.id, version: row.version, accountId: row.accountId });
    }
    for (const { it, was } of scanOnly) {
      if (mediaToAnalyse(it.input, options.fetchUrls).length > 0) toAnalyse.push({ it, id: was.id });
      else toScan.push({ it, id: was.id, version: was.version, accountId: was.account_id });
    }
  } else {
    for (const { it, was } of scanOnly) outcomes.set(it.index, { index: it.index, externalId: it.input.externalId, ok: true, id: was.id, created: false, changed: false, scanned: false, analysing: false, status: was.status });
  }

  for (const part of chunk(toAnalyse, 1000)) {
    const rows = await trx
      .insertInto('media_analyses')
      .values(part.map(({ it, id }) => ({ content_id: id, fingerprint: prints.get(it.index)! })))
      .returning(['id', 'content_id'])
      .execute();
    for (const r of rows) {
      const jobId = await fx.jobs.send(MEDIA_QUEUE, { analysisId: r.id }, { trx });
      await trx.updateTable('media_analyses').set({ job_id: jobId }).where('id', '=', r.id).execute();
    }
  }

  const verdicts = new Map<number, Verdict>();
  for (const s of toScan) verdicts.set(s.it.index, await options.scan!(s.it.input));
  let removed = false;
  const acted: string[] = [];
  for (const part of chunk(toScan, 1000)) {
    const json = JSON.stringify(
      part.map(({ it, id, version }) => {
        const v = verdicts.get(it.index)!;
        return { c: id, n: version, p: v.policyVersion, a: v.action, v };
      }),
    );
    const { rows } = await sql<{ id: string; content_id: string }>`
      INSERT INTO scans (content_id, content_version, policy_version, action, verdict)
      SELECT c, n, p, a, v FROM jsonb_to_recordset(${json}::jsonb) AS r(c uuid, n integer, p text, a text, v jsonb)
      RETURNING id, content_id`.execute(trx);
    const scanOf = new Map(rows.map((r) => [r.content_id, r.id]));
    await lockAccounts(trx, part.map(({ it, accountId }) => (verdicts.get(it.index)!.action !== 'allow' ? accountId : null)));
    for (const { it, id, accountId } of part) {
      const v = verdicts.get(it.index)!;
      await actOnScan(trx, fx, id, scanOf.get(id)!, v, actor, { externalId: it.input.externalId, accountId });
      if (v.action !== 'allow') acted.push(id);
      if (v.action === 'remove') removed = true;
    }
  }
  const statusOf = new Map<string, string>();
  for (const part of chunk(acted, 1000)) {
    for (const r of await trx.selectFrom('content_items').select(['id', 'status']).where('id', 'in', part).execute()) statusOf.set(r.id, r.status);
  }

  const scannedIds = new Set(toScan.map((s) => s.it.index));
  const analysedIds = new Set(toAnalyse.map((s) => s.it.index));
  for (const it of [...stored, ...scanOnly.map((s) => s.it)]) {
    if (outcomes.has(it.index)) continue;
    const row = rowOf.get(it.index) ?? { id: existing.get(it.input.externalId)!.id, status: existing.get(it.input.externalId)!.status };
    const v = verdicts.get(it.index);
    const was = existing.get(it.input.externalId);
    outcomes.set(it.index, {
      index: it.index,
      externalId: it.input.externalId,
      ok: true,
      id: row.id,
      created: !was,
      changed: !!was && was.fingerprint !== prints.get(it.index),
      scanned: scannedIds.has(it.index),
      analysing: analysedIds.has(it.index),
      status: statusOf.get(row.id) ?? row.status,
      ...(v ? { action: v.action } : {}),
    });
  }
  return { outcomes: order(items, outcomes, sameAs), removed };
}

function duplicate(it: PreparedItem, where: string): RejectedOutcome {
  return {
    index: it.index,
    externalId: it.input.externalId,
    ok: false,
    error: { code: 'duplicate_external_id', message: `externalId ${JSON.stringify(it.input.externalId)} came in ${where} with different content: this row is not stored.` },
  };
}

function order(items: PreparedItem[], outcomes: Map<number, Outcome>, sameAs: Map<number, number>): Outcome[] {
  return items.map((it) => {
    const first = sameAs.get(it.index);
    if (first !== undefined) {
      const o = outcomes.get(first)!;
      return o.ok ? { ...o, index: it.index, created: false, changed: false, scanned: false } : { ...o, index: it.index };
    }
    return outcomes.get(it.index)!;
  });
}
