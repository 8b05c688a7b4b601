/**
 * Working through one range of a sweep, chunk by chunk. A chunk is scanned and acted on in ONE
 * transaction that also advances the range's cursor, read from the range row under FOR UPDATE:
 * a crash loses the chunk's work and its cursor move together, and a second runner of the same
 * range (a retry of a job thought dead) waits for the lock and then starts after the first's
 * cursor — no item is skipped, none is done twice.
 */
import { sql } from 'kysely';
import type { BankMatch, BankMatcher } from '../banks/matcher.js';
import type { MediaHashes } from '../banks/matcher.js';
import { applyVerdict } from '../content/content.js';
import type { Db } from '../db/connect.js';
import type { Effects } from '../decisions/effects.js';
import { severity, type Action, type Audience } from '../policy/schema.js';
import type { ScanConfig } from '../scan/scan-config.js';
import { scanTexts } from '../scan/scan.js';
import type { Verdict } from '../scan/verdict.js';
import { filterConditions, LATEST_DECISION, LATEST_SCAN } from './filter.js';
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
  status: string;
  filter: SweepFilter;
  override_human: boolean;
  created_at: Date;
}

export interface ChunkDeps {
  db: Db;
  fx: Effects;
  matcher: () => Promise<BankMatcher>;
  config: () => Promise<ScanConfig>;
  /** After a chunk that removed content committed (the bank matcher reloads). */
  removed: () => Promise<void>;
}

type ChunkRow = {
  id: string;
  external_id: string;
  texts: Record<string, string>;
  audience: string;
  status: string;
  restriction: string | null;
  version: number;
  scan_action: string | null;
  decision_actor: string | null;
  decision_action: string | null;
};

type HashRow = { content_id: string; media_index: number; kind: string; pdq: string | null; quality: number | null; cropped: string | null; cropped_quality: number | null; md5: string | null; sha256: string | null; frames: unknown };

function toHashes(r: HashRow): MediaHashes {
  return {
    kind: r.kind as MediaHashes['kind'],
    ...(r.md5 ? { md5: r.md5 } : {}),
    ...(r.sha256 ? { sha256: r.sha256 } : {}),
    ...(r.pdq ? { pdq: { hash: r.pdq, quality: r.quality ?? 0 } } : {}),
    ...(r.cropped ? { cropped: { hash: r.cropped, quality: r.cropped_quality ?? 0 } } : {}),
    ...(r.frames ? { frames: r.frames as NonNullable<MediaHashes['frames']> } : {}),
  };
}

function excerpt(texts: Record<string, string>): string {
  const all = Object.values(texts).join(' · ').replace(/\s+/g, ' ').trim();
  const cps = [...all];
  return cps.length > 160 ? `${cps.slice(0, 159).join('')}…` : all;
}

export type ChunkOutcome = 'more' | 'done' | 'stopped';

/**
 * Scans (and in apply mode acts on) the next chunk of a range, in one transaction with the move
 * of the range's cursor. `stopped`: the sweep is no longer running (paused, cancelled, failed).
 */
export async function runChunk(deps: ChunkDeps, sweepId: string, idx: number, actor: string, chunkSize = CHUNK_SIZE): Promise<{ outcome: ChunkOutcome; processed: number }> {
  const cfg = await deps.config();
  const matcher = await deps.matcher();
  let removedAny = false;
  const result = await deps.db.transaction().execute(async (trx) => {
    const range = await trx.selectFrom('sweep_ranges').selectAll().where('sweep_id', '=', sweepId).where('idx', '=', idx).forUpdate().executeTakeFirst();
    if (!range || range.done) return { outcome: 'done' as const, processed: 0 };
    const sweep = (await trx.selectFrom('sweeps').select(['id', 'mode', 'status', 'filter', 'override_human', 'created_at']).where('id', '=', sweepId).executeTakeFirst()) as SweepRow | undefined;
    if (!sweep || sweep.status !== 'running') return { outcome: 'stopped' as const, processed: 0 };

    const where = [...filterConditions(sweep.filter, sweep.created_at), range.cursor ? sql`ci.id > ${range.cursor}` : sql`ci.id >= ${range.lo}`];
    if (range.hi) where.push(sql`ci.id < ${range.hi}`);
    const rows = (
      await sql<ChunkRow>`SELECT ci.id, ci.external_id, ci.texts, ci.audience, ci.status, ci.restriction, ci.version,
          ls.action AS scan_action, ld.actor_type AS decision_actor, ld.action AS decision_action
        FROM content_items ci ${LATEST_SCAN} ${LATEST_DECISION}
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY ci.id LIMIT ${chunkSize}`.execute(trx)
    ).rows;

    const hashes = new Map<string, HashRow[]>();
    if (rows.length) {
      const hashRows = (await sql<HashRow>`SELECT * FROM content_media_hashes WHERE content_id IN (${sql.join(rows.map((r) => r.id))}) ORDER BY content_id, media_index`.execute(trx)).rows;
      for (const h of hashRows) {
        const l = hashes.get(h.content_id) ?? [];
        l.push(h);
        hashes.set(h.content_id, l);
      }
    }

    const counts = emptyCounts();
    const samples = (range.samples as StoredSample[]).slice();
    const perTransition = new Map<string, number>();
    for (const s of samples) perTransition.set(`${s.from}>${s.to}`, (perTransition.get(`${s.from}>${s.to}`) ?? 0) + 1);
    const plain: { content_id: string; content_version: number; policy_version: string; action: string; verdict: string; sweep_id: string }[] = [];
    let changed = 0;
    let acted = 0;

    for (const item of rows) {
      const bankMatches: { media: number; match: BankMatch }[] = [];
      for (const h of hashes.get(item.id) ?? []) for (const match of await matcher.matchMedia(toHashes(h))) bankMatches.push({ media: h.media_index, match });
      const verdict: Verdict = scanTexts(cfg, { texts: item.texts, audience: item.audience as Audience, bankMatches });
      const from = currentAction(item.status, item.restriction);
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
      const human = item.decision_actor !== null && item.decision_actor !== 'automated';
      if (human) {
        // Agreement with people: positive = acts against the item (anything but allow).
        counts.decided++;
        const truth = item.decision_action !== 'allow';
        for (const [k, predicted] of [
          ['candidate', to !== 'allow'],
          ['current', (item.scan_action ?? 'allow') !== 'allow'],
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
        await trx.updateTable('scans').set({ sweep_id: sweepId }).where('id', '=', scanId).execute();
        acted++;
        if (to === 'review') counts.reviews++;
        else counts.decisions++;
        if (to === 'remove') removedAny = true;
      } else {
        plain.push({ content_id: item.id, content_version: item.version, policy_version: verdict.policyVersion, action: to, verdict: JSON.stringify(verdict), sweep_id: sweepId });
      }
    }
    for (let i = 0; i < plain.length; i += 200) await trx.insertInto('scans').values(plain.slice(i, i + 200)).execute();

    const done = rows.length < chunkSize;
    const last = rows.at(-1);
    await trx
      .updateTable('sweep_ranges')
      .set({
        cursor: last ? last.id : range.cursor,
        done,
        processed: range.processed + rows.length,
        changed: range.changed + changed,
        acted: range.acted + acted,
        counts: JSON.stringify(mergeCounts(mergeCounts(emptyCounts(), range.counts as Partial<RangeCounts>), counts)),
        samples: JSON.stringify(samples),
        updated_at: new Date(),
      })
      .where('sweep_id', '=', sweepId)
      .where('idx', '=', idx)
      .execute();
    return { outcome: done ? ('done' as const) : ('more' as const), processed: rows.length };
  });
  if (removedAny) await deps.removed();
  return result;
}
