/**
 * Working through one range of a sweep, chunk by chunk. A chunk's items are read and scanned
 * (in scan threads) while the previous chunk is written; then the chunk is acted on and recorded
 * in ONE transaction that also advances the range's cursor, read from the range row under FOR
 * UPDATE. When the cursor is not where the chunk was read from (another runner of the same range
 * got there first), the chunk is dropped and read again from the cursor. A crash loses a chunk's
 * work and its cursor move together: no item is skipped, none is done twice. The items' state
 * (status, latest decision, version) is read again under the transaction, so what is acted on is
 * current; an item whose texts changed since it was read is scanned again.
 */
import { sql } from 'kysely';
import type { BankMatch, BankMatcher } from '../banks/matcher.js';
import { withDeferredAudit } from '../audit/log.js';
import { rowToHashes, type MediaHashRow } from '../banks/media-hashes.js';
import { applyVerdict, lockAccounts } from '../content/content.js';
import type { Db } from '../db/connect.js';
import type { Effects } from '../decisions/effects.js';
import { severity, type Action, type Audience } from '../policy/schema.js';
import type { ScanConfig } from '../scan/scan-config.js';
import { scanTexts } from '../scan/scan.js';
import type { Verdict } from '../scan/verdict.js';
import { filterConditions, LATEST_DECISION, LATEST_SCAN, needsJoins } from './filter.js';
import type { ScanThreads } from './scan-threads.js';
import type { SweepFilter, SweepSample } from './types.js';

/** Items per chunk (one transaction). */
export const CHUNK_SIZE = 500;
/** Samples kept per transition and range (the report keeps a few of them per transition). */
export const SAMPLES_PER_TRANSITION = 5;

/** What a range counts, checkpointed with its cursor (merged into the report). */
export interface RangeCounts {
  byCategory: Record<string, number>;
  byAction: Record<string, number>;
  /** `from>to` → items. */
  transitions: Record<string, number>;
  decided: number;
  candidate: { tp: number; fp: number; fn: number };
  current: { tp: number; fp: number; fn: number };
  decisions: number;
  reviews: number;
  keptHuman: number;
  wouldLift: number;
}

export interface StoredSample extends SweepSample {
  from: Action;
  to: Action;
}

export function emptyCounts(): RangeCounts {
  return { byCategory: {}, byAction: {}, transitions: {}, decided: 0, candidate: { tp: 0, fp: 0, fn: 0 }, current: { tp: 0, fp: 0, fn: 0 }, decisions: 0, reviews: 0, keptHuman: 0, wouldLift: 0 };
}

const add = (m: Record<string, number>, k: string, n = 1) => void (m[k] = (m[k] ?? 0) + n);

export function mergeCounts(into: RangeCounts, from: Partial<RangeCounts>): RangeCounts {
  for (const k of ['byCategory', 'byAction', 'transitions'] as const) for (const [key, n] of Object.entries(from[k] ?? {})) add(into[k], key, n);
  for (const k of ['candidate', 'current'] as const) for (const f of ['tp', 'fp', 'fn'] as const) into[k][f] += from[k]?.[f] ?? 0;
  for (const k of ['decided', 'decisions', 'reviews', 'keptHuman', 'wouldLift'] as const) into[k] += from[k] ?? 0;
  return into;
}

/** The action an item's state stands for: what a verdict is compared with. */
export function currentAction(status: string, restriction: string | null): Action {
  switch (status) {
    case 'removed':
      return 'remove';
    case 'in_review':
    case 'held':
      return 'review';
    case 'restricted':
      return restriction === 'restrict_16' ? 'restrict_16' : 'restrict_18';
    default:
      return 'allow';
  }
}

export interface SweepRow {
  id: string;
  mode: 'backtest' | 'apply';
  filter: SweepFilter;
  override_human: boolean;
  created_at: Date;
}

export interface ChunkDeps {
  db: Db;
  fx: Effects;
  matcher: () => Promise<BankMatcher>;
  config: () => Promise<ScanConfig>;
  threads: ScanThreads;
  /** After a chunk that removed content committed (the bank matcher reloads). */
  removed: () => Promise<void>;
}

type ChunkRow = { id: string; external_id: string; texts: Record<string, string>; audience: string; version: number };
type StateRow = {
  id: string;
  account_id: string | null;
  status: string;
  restriction: string | null;
  version: number;
  scan_action: string | null;
  decision_actor: string | null;
  decision_action: string | null;
};


function excerpt(texts: Record<string, string>): string {
  const all = Object.values(texts).join(' · ').replace(/\s+/g, ' ').trim();
  const cps = [...all];
  return cps.length > 160 ? `${cps.slice(0, 159).join('')}…` : all;
}

/** A chunk read and scanned, not yet recorded. */
export interface PreparedChunk {
  /** The cursor it was read after (null: from the range's start). */
  after: string | null;
  rows: ChunkRow[];
  verdicts: Verdict[];
  bankMatches: { media: number; match: BankMatch }[][];
  /** Fewer rows than a chunk: the range ends with it. */
  end: boolean;
}

async function bankMatchesOf(db: Db, matcher: BankMatcher, ids: string[]): Promise<Map<string, { media: number; match: BankMatch }[]>> {
  const out = new Map<string, { media: number; match: BankMatch }[]>();
  if (!ids.length) return out;
  const hashRows = (await sql<MediaHashRow>`SELECT * FROM content_media_hashes WHERE content_id IN (${sql.join(ids)}) ORDER BY content_id, media_index`.execute(db)).rows;
  for (const h of hashRows) {
    const matches = await matcher.matchMedia(rowToHashes(h));
    if (!matches.length) continue;
    const l = out.get(h.content_id) ?? [];
    for (const match of matches) l.push({ media: h.media_index, match });
    out.set(h.content_id, l);
  }
  return out;
}

/** Reads the chunk after `after` in the range and scans it (outside any transaction). */
export async function prepareChunk(deps: ChunkDeps, sweep: SweepRow, range: { lo: string; hi: string | null }, after: string | null, chunkSize = CHUNK_SIZE): Promise<PreparedChunk> {
  const where = [...filterConditions(sweep.filter, sweep.created_at), after ? sql`ci.id > ${after}` : sql`ci.id >= ${range.lo}`];
  if (range.hi) where.push(sql`ci.id < ${range.hi}`);
  const joins = needsJoins(sweep.filter) ? sql`${LATEST_SCAN} ${LATEST_DECISION}` : sql``;
  const rows = (
    await sql<ChunkRow>`SELECT ci.id, ci.external_id, ci.texts, ci.audience, ci.version FROM content_items ci ${joins}
      WHERE ${sql.join(where, sql` AND `)} ORDER BY ci.id LIMIT ${chunkSize}`.execute(deps.db)
  ).rows;
  const cfg = await deps.config();
  const matches = await bankMatchesOf(deps.db, await deps.matcher(), rows.map((r) => r.id));
  const bankMatches = rows.map((r) => matches.get(r.id) ?? []);
  const verdicts = await deps.threads.scan(cfg, rows.map((r, i) => ({ texts: r.texts, audience: r.audience, bankMatches: bankMatches[i]! })));
  return { after, rows, verdicts, bankMatches, end: rows.length < chunkSize };
}

export type ChunkOutcome = { outcome: 'more' | 'done' | 'stopped'; processed: number; cursor: string | null } | { outcome: 'stale'; processed: 0; cursor: string | null };

/**
 * Records a prepared chunk — acting on it in apply mode — in one transaction with the move of the
 * range's cursor. `stopped`: the sweep is no longer running (paused, cancelled, failed); `stale`:
 * the range's cursor is elsewhere (read again from `cursor`).
 */
export async function commitChunk(deps: ChunkDeps, sweep: SweepRow, idx: number, chunk: PreparedChunk, actor: string): Promise<ChunkOutcome> {
  let removedAny = false;
  const result = await deps.db.transaction().execute((trx) =>
    // The chunk's audit entries (one per decision) are appended together at its end: the audit
    // chain's lock is not held through the chunk, so workers acting side by side do not wait on it.
    withDeferredAudit(trx, async (): Promise<ChunkOutcome> => {
      const range = await trx.selectFrom('sweep_ranges').selectAll().where('sweep_id', '=', sweep.id).where('idx', '=', idx).forUpdate().executeTakeFirst();
      if (!range || range.done) return { outcome: 'done', processed: 0, cursor: range?.cursor ?? null };
      const status = await trx.selectFrom('sweeps').select('status').where('id', '=', sweep.id).executeTakeFirst();
      if (status?.status !== 'running') return { outcome: 'stopped', processed: 0, cursor: range.cursor };
      if ((range.cursor ?? null) !== chunk.after) return { outcome: 'stale', processed: 0, cursor: range.cursor };

      const ids = chunk.rows.map((r) => r.id);
      const state = new Map<string, StateRow>();
      if (ids.length) {
        const rows = (
          await sql<StateRow>`SELECT ci.id, ci.account_id, ci.status, ci.restriction, ci.version, ls.action AS scan_action, ld.actor_type AS decision_actor, ld.action AS decision_action
            FROM content_items ci ${LATEST_SCAN} ${LATEST_DECISION} WHERE ci.id IN (${sql.join(ids)})`.execute(trx)
        ).rows;
        for (const r of rows) state.set(r.id, r);
      }
      let cfg: ScanConfig | undefined;
      if (sweep.mode === 'apply') {
        // The accounts of the items this chunk will act on, locked first and in one order (no deadlock with other chunks).
        await lockAccounts(
          trx,
          chunk.rows.map((r, i) => {
            const now = state.get(r.id);
            return now && severity(chunk.verdicts[i]!.action) > severity(currentAction(now.status, now.restriction)) ? now.account_id : null;
          }),
        );
      }

      const counts = emptyCounts();
      const samples = (range.samples as StoredSample[]).slice();
      const perTransition = new Map<string, number>();
      for (const s of samples) perTransition.set(`${s.from}>${s.to}`, (perTransition.get(`${s.from}>${s.to}`) ?? 0) + 1);
      const plain: { id: string; version: number; verdict: Verdict }[] = [];
      let changed = 0;
      let acted = 0;
      let processed = 0;

      for (let i = 0; i < chunk.rows.length; i++) {
        let item = chunk.rows[i]!;
        const now = state.get(item.id);
        if (!now) continue; // gone since it was read
        let verdict = chunk.verdicts[i]!;
        if (now.version !== item.version) {
          // Changed since it was read: scanned again as it is now.
          const fresh = await trx.selectFrom('content_items').select(['id', 'external_id', 'texts', 'audience', 'version']).where('id', '=', item.id).executeTakeFirstOrThrow();
          item = fresh;
          cfg ??= await deps.config();
          verdict = scanTexts(cfg, { texts: fresh.texts, audience: fresh.audience as Audience, bankMatches: chunk.bankMatches[i]! });
        }
        processed++;
        const from = currentAction(now.status, now.restriction);
        const to = verdict.action;
        const top = verdict.categories[0];
        add(counts.byAction, to);
        if (to !== 'allow' && top) add(counts.byCategory, top.category);
        if (from !== to) {
          changed++;
          const key = `${from}>${to}`;
          add(counts.transitions, key);
          const n = perTransition.get(key) ?? 0;
          if (n < SAMPLES_PER_TRANSITION) {
            perTransition.set(key, n + 1);
            samples.push({ from, to, contentId: item.id, externalId: item.external_id, excerpt: excerpt(item.texts), category: top?.category ?? null, score: top?.score ?? 0 });
          }
        }
        const human = now.decision_actor !== null && now.decision_actor !== 'automated';
        if (human) {
          // Agreement with people: positive = acts against the item (anything but allow).
          counts.decided++;
          const truth = now.decision_action !== 'allow';
          for (const [k, predicted] of [
            ['candidate', to !== 'allow'],
            ['current', (now.scan_action ?? 'allow') !== 'allow'],
          ] as const) {
            if (predicted && truth) counts[k].tp++;
            else if (predicted && !truth) counts[k].fp++;
            else if (!predicted && truth) counts[k].fn++;
          }
        }
        const stricter = severity(to) > severity(from);
        if (severity(to) < severity(from)) counts.wouldLift++;
        if (sweep.mode === 'backtest') continue;
        if (stricter && human && !sweep.override_human) counts.keptHuman++;
        if (stricter && (!human || sweep.override_human)) {
          const scanId = await applyVerdict(trx, deps.fx, item.id, verdict, actor);
          await trx.updateTable('scans').set({ sweep_id: sweep.id }).where('id', '=', scanId).execute();
          acted++;
          if (to === 'review') counts.reviews++;
          else counts.decisions++;
          if (to === 'remove') removedAny = true;
        } else {
          plain.push({ id: item.id, version: now.version, verdict });
        }
      }
      if (plain.length) {
        // The scans of the items not acted on: one statement for the chunk.
        await sql`INSERT INTO scans (content_id, content_version, policy_version, action, verdict, sweep_id)
          SELECT c, v, p, a, j, ${sweep.id}::uuid FROM unnest(${plain.map((p) => p.id)}::uuid[], ${plain.map((p) => p.version)}::int[],
            ${plain.map((p) => p.verdict.policyVersion)}::text[], ${plain.map((p) => p.verdict.action)}::text[], ${plain.map((p) => JSON.stringify(p.verdict))}::jsonb[]) AS t(c, v, p, a, j)`.execute(trx);
      }

      const last = chunk.rows.at(-1);
      const cursor = last ? last.id : range.cursor;
      await trx
        .updateTable('sweep_ranges')
        .set({
          cursor,
          done: chunk.end,
          processed: range.processed + processed,
          changed: range.changed + changed,
          acted: range.acted + acted,
          counts: JSON.stringify(mergeCounts(mergeCounts(emptyCounts(), range.counts as Partial<RangeCounts>), counts)),
          samples: JSON.stringify(samples),
          updated_at: new Date(),
        })
        .where('sweep_id', '=', sweep.id)
        .where('idx', '=', idx)
        .execute();
      return { outcome: chunk.end ? 'done' : 'more', processed, cursor };
    }),
  );
  if (removedAny) await deps.removed();
  return result;
}
