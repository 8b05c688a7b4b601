/**
 * Sweeps (pembersihan konten): stored content re-scanned in bulk — all of it or a filter — as a
 * backtest (a dry run against a candidate policy or lexicon versions: counts, the diff against
 * the current state with samples, agreement with people's decisions) or applied (acting through
 * the one decision path: statements of reasons, audit, webhooks, bank entries). See docs/sweep.md.
 */
import { sign } from 'node:crypto';
import { sql } from 'kysely';
import { Gauge } from 'prom-client';
import { appendAudit, type Actor } from '../audit/log.js';
import type { EngineCore } from '../core.js';
import type { Db } from '../db/connect.js';
import { isSaringError, notFound, SaringError } from '../errors/errors.js';
import type { JobContext } from '../jobs/jobs.js';
import { ACTIONS, type Action } from '../policy/schema.js';
import { reportKeyRing } from '../regulator/compliance.js';
import { loadCandidateScanConfig, type CandidateSpec, type ScanConfig } from '../scan/scan-config.js';
import { canonicalJson } from '../shared/canonical-json.js';
import { keyIdOf } from '../shared/ed25519.js';
import { isUuid, parseInput } from '../shared/validate.js';
import { sha256 } from '../signals/hash/exact.js';
import { emitEvent, type WebhookEvent } from '../webhooks/webhooks.js';
import { filterConditions, LATEST_DECISION, LATEST_SCAN, needsJoins } from './filter.js';
import { commitChunk, emptyCounts, mergeCounts, prepareChunk, SAMPLES_PER_TRANSITION, type PreparedChunk, type RangeCounts, type StoredSample, type SweepRow } from './run.js';
import { ScanThreads } from './scan-threads.js';
import { ACTIVE_STATUSES, sweepInputSchema, type Agreement, type StoredCandidate, type Sweep, type SweepFilter, type SweepReport, type SweepStatus } from './types.js';

export const SWEEP_QUEUE = 'sweep.range';
/** Items per range (one job); a sweep has between 1 and MAX_RANGES ranges. */
const RANGE_ITEMS = 10_000;
const MAX_RANGES = 256;

export interface SweepsApi {
  /**
   * Creates a sweep and queues its ranges. A filter that matches nothing makes a sweep that is
   * finished at once with 0 items.
   * @throws SaringError `sweep_conflict` (another apply sweep, or an identical backtest, is active), `validation_failed`, `invalid_policy`, `not_found`.
   */
  create(input: unknown, actor: Actor): Promise<Sweep>;
  list(options?: { limit?: number }): Promise<Sweep[]>;
  get(id: string): Promise<Sweep>;
  pause(id: string, actor: Actor): Promise<Sweep>;
  resume(id: string, actor: Actor): Promise<Sweep>;
  cancel(id: string, actor: Actor): Promise<Sweep>;
  /** The report: final (stored at the end, with its sha256) once finished; otherwise what was done so far. */
  report(id: string): Promise<SweepReport>;
  /** Waits until the sweep is over (finished, cancelled, failed) or paused; tests and the CLI. */
  wait(id: string, options?: { timeoutMs?: number; onProgress?: (s: Sweep) => void; intervalMs?: number }): Promise<Sweep>;
  /** Stops the scan threads (the engine's close). */
  close(): Promise<void>;
}

type Row = {
  id: string;
  mode: string;
  status: string;
  filter: SweepFilter;
  candidate: StoredCandidate | null;
  policy_version: string;
  override_human: boolean;
  note: string | null;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  total: number;
  run_started_at: Date | null;
  run_base: number;
  error: { code: string; message: string } | null;
  r_total: number;
  r_done: number;
  processed: number;
  changed: number;
  acted: number;
};

function selectSweeps(db: Db) {
  return db
    .selectFrom('sweeps')
    .select([
      'sweeps.id',
      'sweeps.mode',
      'sweeps.status',
      'sweeps.filter',
      'sweeps.candidate',
      'sweeps.policy_version',
      'sweeps.override_human',
      'sweeps.note',
      'sweeps.created_by',
      'sweeps.created_at',
      'sweeps.started_at',
      'sweeps.finished_at',
      'sweeps.total',
      'sweeps.run_started_at',
      'sweeps.run_base',
      'sweeps.error',
      sql<number>`(SELECT count(*)::int FROM sweep_ranges r WHERE r.sweep_id = sweeps.id)`.as('r_total'),
      sql<number>`(SELECT count(*)::int FROM sweep_ranges r WHERE r.sweep_id = sweeps.id AND r.done)`.as('r_done'),
      sql<number>`(SELECT COALESCE(sum(r.processed), 0)::int FROM sweep_ranges r WHERE r.sweep_id = sweeps.id)`.as('processed'),
      sql<number>`(SELECT COALESCE(sum(r.changed), 0)::int FROM sweep_ranges r WHERE r.sweep_id = sweeps.id)`.as('changed'),
      sql<number>`(SELECT COALESCE(sum(r.acted), 0)::int FROM sweep_ranges r WHERE r.sweep_id = sweeps.id)`.as('acted'),
    ]);
}

function toSweep(r: Row, now = Date.now()): Sweep {
  // Since the sweep (re)started: up to now while running, up to its end once finished.
  const until = r.status === 'running' ? now : r.status === 'finished' && r.finished_at ? r.finished_at.getTime() : undefined;
  const seconds = until !== undefined && r.run_started_at ? (until - r.run_started_at.getTime()) / 1000 : 0;
  const rate = seconds > 0 ? (r.processed - r.run_base) / seconds : 0;
  const left = Math.max(0, r.total - r.processed);
  const candidate = r.candidate
    ? {
        ...(r.candidate.policy ? { policy: 'version' in r.candidate.policy ? { version: r.candidate.policy.version } : { sha256: r.candidate.policy.sha256 } } : {}),
        ...(r.candidate.lexicons ? { lexicons: r.candidate.lexicons } : {}),
      }
    : undefined;
  return {
    id: r.id,
    mode: r.mode as Sweep['mode'],
    status: r.status as SweepStatus,
    filter: r.filter,
    policyVersion: r.policy_version,
    ...(candidate ? { candidate } : {}),
    overrideHuman: r.override_human,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
    ...(r.error ? { error: r.error } : {}),
    progress: {
      total: r.total,
      processed: r.processed,
      changed: r.changed,
      acted: r.acted,
      ratePerSecond: Math.round(rate * 10) / 10,
      etaSeconds: r.status === 'finished' ? 0 : r.status === 'running' && rate > 0 ? Math.ceil(left / rate) : null,
      ranges: { total: r.r_total, done: r.r_done },
    },
  };
}

/** `n` equal ranges of the uuid space, by the first 32 bits. */
export function idRanges(n: number): { lo: string; hi: string | null }[] {
  const at = (i: number) => `${Math.floor((i * 2 ** 32) / n).toString(16).padStart(8, '0')}-0000-0000-0000-000000000000`;
  return Array.from({ length: n }, (_, i) => ({ lo: at(i), hi: i + 1 < n ? at(i + 1) : null }));
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);
const agreement = (c: { tp: number; fp: number; fn: number }): Agreement => ({ precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn), ...c });

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';
}

export function createSweeps(core: EngineCore): SweepsApi {
  const { db, jobs } = core;
  const fx = core.effects;
  const ring = reportKeyRing(core.config.dataDir);
  /** Candidate configurations of running backtests, by sweep (built once per process). */
  const candidates = new Map<string, Promise<ScanConfig>>();
  const threads = new ScanThreads();

  async function row(id: string, trx: Db = db): Promise<Row> {
    if (!isUuid(id)) throw notFound('Sweep', id);
    const r = (await selectSweeps(trx).where('sweeps.id', '=', id).executeTakeFirst()) as Row | undefined;
    if (!r) throw notFound('Sweep', id);
    return r;
  }
  const get = async (id: string) => toSweep(await row(id));

  async function event(trx: Db, type: WebhookEvent & `sweep.${string}`, id: string, actor: Actor, data: Record<string, unknown> = {}) {
    const sweep = toSweep(await row(id, trx));
    await appendAudit(trx, { actor, action: type, subjectType: 'sweep', subjectId: id, data: { mode: sweep.mode, policyVersion: sweep.policyVersion, filter: sweep.filter, progress: sweep.progress, ...data } });
    await emitEvent(trx, jobs, type, { sweep, ...data });
  }

  function configFor(sweep: { id: string; candidate: StoredCandidate | null; policy_version: string }): Promise<ScanConfig> {
    if (!sweep.candidate) return core.scanConfig();
    let cfg = candidates.get(sweep.id);
    if (!cfg) {
      const c = sweep.candidate;
      const spec: CandidateSpec = {
        ...(c.policy ? { policy: 'version' in c.policy ? { version: c.policy.version } : { source: c.policy.source } } : {}),
        ...(c.lexicons ? { lexicons: c.lexicons } : {}),
      };
      cfg = loadCandidateScanConfig(db, spec, sweep.policy_version);
      cfg.catch(() => candidates.delete(sweep.id));
      candidates.set(sweep.id, cfg);
    }
    return cfg;
  }

  /** Finishes the sweep when all its ranges are done (once: under the sweep's row lock). */
  async function maybeFinish(id: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const s = await trx.selectFrom('sweeps').select(['status']).where('id', '=', id).forUpdate().executeTakeFirst();
      if (!s || s.status !== 'running') return;
      const left = await trx.selectFrom('sweep_ranges').select(sql<number>`count(*)::int`.as('n')).where('sweep_id', '=', id).where('done', '=', false).executeTakeFirstOrThrow();
      if (left.n > 0) return;
      await trx.updateTable('sweeps').set({ status: 'finished', finished_at: new Date() }).where('id', '=', id).execute();
      const report = await buildReport(trx, id, true);
      await trx.updateTable('sweeps').set({ report: JSON.stringify(report) }).where('id', '=', id).execute();
      await event(trx, 'sweep.finished', id, 'system:sweep', { reportSha256: report.sha256 });
    });
  }

  async function buildReport(trx: Db, id: string, final: boolean): Promise<SweepReport> {
    const sweep = toSweep(await row(id, trx));
    const ranges = await trx.selectFrom('sweep_ranges').select(['counts', 'samples']).where('sweep_id', '=', id).orderBy('idx').execute();
    const counts = emptyCounts();
    const samples = new Map<string, StoredSample[]>();
    for (const r of ranges) {
      mergeCounts(counts, r.counts as Partial<RangeCounts>);
      for (const s of r.samples as StoredSample[]) {
        const key = `${s.from}>${s.to}`;
        const l = samples.get(key) ?? [];
        l.push(s);
        samples.set(key, l);
      }
    }
    const order = (a: string, b: string) => {
      const [af, at] = a.split('>') as [Action, Action];
      const [bf, bt] = b.split('>') as [Action, Action];
      return ACTIONS.indexOf(af) - ACTIONS.indexOf(bf) || ACTIONS.indexOf(at) - ACTIONS.indexOf(bt);
    };
    const keys = Object.keys(counts.transitions).sort(order);
    const body: Omit<SweepReport, 'sha256' | 'signature'> = {
      sweep,
      counts: { byCategory: counts.byCategory, byAction: counts.byAction },
      transitions: keys.map((k) => {
        const [from, to] = k.split('>') as [Action, Action];
        return { from, to, count: counts.transitions[k]! };
      }),
      samples: keys.map((k) => {
        const [from, to] = k.split('>') as [Action, Action];
        const items = (samples.get(k) ?? [])
          .sort((a, b) => (a.contentId < b.contentId ? -1 : 1))
          .slice(0, SAMPLES_PER_TRANSITION)
          .map(({ from: _f, to: _t, ...item }) => item);
        return { from, to, items };
      }),
      agreement: counts.decided ? { decided: counts.decided, candidate: agreement(counts.candidate), current: agreement(counts.current) } : null,
      ...(sweep.mode === 'apply' ? { acted: { decisions: counts.decisions, reviews: counts.reviews, keptHuman: counts.keptHuman, wouldLift: counts.wouldLift } } : {}),
      final,
      generatedAt: new Date().toISOString(),
    };
    return { ...body, sha256: sha256(canonicalJson(body)) };
  }

  async function fail(id: string, error: { code: string; message: string }): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const s = await trx.selectFrom('sweeps').select('status').where('id', '=', id).forUpdate().executeTakeFirst();
      if (!s || !ACTIVE_STATUSES.includes(s.status as SweepStatus)) return;
      await trx.updateTable('sweeps').set({ status: 'failed', error: JSON.stringify(error), finished_at: new Date() }).where('id', '=', id).execute();
      await event(trx, 'sweep.failed', id, 'system:sweep', { error });
    });
  }

  /** A range job: its chunks until the range is done or the sweep stops. */
  async function runRange(data: { sweepId: string; idx: number }, job: JobContext): Promise<void> {
    const { sweepId, idx } = data;
    // The first job to start marks the sweep running.
    await db.transaction().execute(async (trx) => {
      const started = await trx
        .updateTable('sweeps')
        .set({ status: 'running', started_at: new Date(), run_started_at: new Date(), run_base: 0 })
        .where('id', '=', sweepId)
        .where('status', '=', 'queued')
        .returning('id')
        .executeTakeFirst();
      if (started) await event(trx, 'sweep.started', sweepId, 'system:sweep');
    });
    const sweep = await db.selectFrom('sweeps').select(['id', 'mode', 'status', 'filter', 'override_human', 'created_at', 'candidate', 'policy_version']).where('id', '=', sweepId).executeTakeFirst();
    const range = await db.selectFrom('sweep_ranges').select(['lo', 'hi', 'cursor', 'done']).where('sweep_id', '=', sweepId).where('idx', '=', idx).executeTakeFirst();
    if (!sweep || !range || sweep.status !== 'running') return;
    const s = sweep as unknown as SweepRow & { candidate: StoredCandidate | null; policy_version: string };
    const deps = { db, fx, threads, matcher: () => core.matcher(), config: () => configFor(s), removed: core.removed };
    const actor = `system:sweep:${sweepId}`;
    try {
      await deps.config();
    } catch (err) {
      // A candidate that can no longer be built (a version gone): retrying cannot help.
      if (!isSaringError(err)) throw err;
      await fail(sweepId, { code: err.code, message: `The sweep's configuration cannot be loaded: ${err.message}` });
      return;
    }
    if (!range.done) {
      let next: Promise<PreparedChunk> = prepareChunk(deps, s, range, range.cursor);
      for (;;) {
        // Shutting down or out of time: the job fails and is retried from the cursor, here or elsewhere.
        if (job.signal.aborted) {
          await next.catch(() => {});
          throw new SaringError('cancelled', `Sweep ${sweepId} range ${idx} stopped (the worker is shutting down); it resumes from its cursor.`);
        }
        const chunk = await next;
        // The next chunk is read and scanned while this one is written.
        const following = chunk.end ? undefined : prepareChunk(deps, s, range, chunk.rows.at(-1)!.id);
        following?.catch(() => {});
        const r = await commitChunk(deps, s, idx, chunk, actor);
        if (r.outcome === 'stale') {
          next = prepareChunk(deps, s, range, r.cursor);
          continue;
        }
        if (r.outcome === 'stopped') return;
        if (r.outcome === 'done') break;
        next = following!;
        // Let other work on this database (requests, the progress line) in between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await maybeFinish(sweepId);
  }

  jobs.define<{ sweepId: string; idx: number }>({
    name: SWEEP_QUEUE,
    handler: runRange,
    retryLimit: 25,
    retryDelay: 2,
    retryDelayMax: 60,
    expireInSeconds: 4 * 3600,
    heartbeatSeconds: Math.max(10, core.config.jobHeartbeatSeconds ?? 30),
    concurrency: core.config.databaseUrl ? 2 : 1,
    onFailed: async (data, failure) => fail(data.sweepId, { code: failure.code ?? 'internal', message: `Range ${data.idx} failed for good: ${failure.message}` }),
  });

  async function enqueue(trx: Db, id: string, ranges: number[]): Promise<void> {
    for (const idx of ranges) await jobs.send(SWEEP_QUEUE, { sweepId: id, idx }, { trx, singletonKey: `${id}:${idx}` });
  }

  async function conflictWith(trx: Db, mode: string, fingerprint: string): Promise<SaringError | undefined> {
    let q = trx.selectFrom('sweeps').select(['id', 'mode', 'status', 'created_by']).where('status', 'in', ACTIVE_STATUSES as SweepStatus[]);
    q = mode === 'apply' ? q.where('mode', '=', 'apply') : q.where('mode', '=', 'backtest').where('fingerprint', '=', fingerprint);
    const other = await q.executeTakeFirst();
    if (!other) return undefined;
    const what = mode === 'apply' ? 'another apply sweep' : 'an identical backtest';
    return new SaringError('sweep_conflict', `Sweep ${other.id} (${other.mode}, ${other.status}, started by ${other.created_by}) is ${what} and still active: wait for it to finish, or pause or cancel it.`, { sweepId: other.id });
  }

  async function create(input: unknown, actor: Actor): Promise<Sweep> {
    const valid = parseInput(sweepInputSchema, input);
    const filter = valid.filter ?? {};
    if (filter.bank && !(await db.selectFrom('banks').select('id').where('name', '=', filter.bank).executeTakeFirst())) {
      throw new SaringError('validation_failed', `filter.bank: no bank is named ${filter.bank}.`);
    }
    let candidate: StoredCandidate | null = null;
    let policyVersion: string;
    if (valid.policy || valid.lexicons) {
      candidate = {
        ...(valid.policy ? { policy: 'version' in valid.policy ? { version: valid.policy.version } : { source: valid.policy.source, sha256: sha256(valid.policy.source) } } : {}),
        ...(valid.lexicons ? { lexicons: valid.lexicons } : {}),
      };
      const described = { policy: candidate.policy ? ('version' in candidate.policy ? { version: candidate.policy.version } : { sha256: candidate.policy.sha256 }) : null, lexicons: candidate.lexicons ?? null };
      policyVersion = `candidate:${sha256(canonicalJson(described)).slice(0, 12)}`;
      // Validates the candidate (the policy, its models, the versions named): nothing is created when it fails.
      await loadCandidateScanConfig(db, valid.policy ? { ...candidate, policy: valid.policy } : { lexicons: valid.lexicons! }, policyVersion);
    } else {
      policyVersion = (await core.scanConfig()).policyVersion;
    }
    const fingerprint = sha256(canonicalJson({ mode: valid.mode, filter, candidate: candidate ? { ...candidate, policy: candidate.policy && 'source' in candidate.policy ? { sha256: candidate.policy.sha256 } : candidate.policy } : null, overrideHuman: valid.overrideHuman ?? false }));
    const early = await conflictWith(db, valid.mode, fingerprint);
    if (early) throw early;

    let id: string;
    try {
      id = await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('sweeps')
          .values({
            mode: valid.mode,
            filter: JSON.stringify(filter),
            candidate: candidate ? JSON.stringify(candidate) : null,
            policy_version: policyVersion,
            fingerprint,
            override_human: valid.overrideHuman ?? false,
            note: valid.note ?? null,
            created_by: actor,
          })
          .returning(['id', 'created_at'])
          .executeTakeFirstOrThrow();
        const conditions = filterConditions(filter, created.created_at);
        const joins = needsJoins(filter) ? sql`${LATEST_SCAN} ${LATEST_DECISION}` : sql``;
        const { n } = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM content_items ci ${joins} WHERE ${sql.join(conditions, sql` AND `)}`.execute(trx)).rows[0]!;
        await trx.updateTable('sweeps').set({ total: n }).where('id', '=', created.id).execute();
        await appendAudit(trx, { actor, action: 'sweep.created', subjectType: 'sweep', subjectId: created.id, data: { mode: valid.mode, filter, policyVersion, total: n, overrideHuman: valid.overrideHuman ?? false } });
        if (n === 0) {
          // Nothing to sweep: finished at once, with a report that says 0 items.
          const now = new Date();
          await trx.updateTable('sweeps').set({ status: 'running', started_at: now, run_started_at: now }).where('id', '=', created.id).execute();
          await event(trx, 'sweep.started', created.id, actor);
          await trx.updateTable('sweeps').set({ status: 'finished', finished_at: now }).where('id', '=', created.id).execute();
          const report = await buildReport(trx, created.id, true);
          await trx.updateTable('sweeps').set({ report: JSON.stringify(report) }).where('id', '=', created.id).execute();
          await event(trx, 'sweep.finished', created.id, actor, { reportSha256: report.sha256 });
          return created.id;
        }
        const ranges = idRanges(Math.min(MAX_RANGES, Math.max(1, Math.ceil(n / RANGE_ITEMS))));
        await trx.insertInto('sweep_ranges').values(ranges.map((r, idx) => ({ sweep_id: created.id, idx, lo: r.lo, hi: r.hi }))).execute();
        await enqueue(trx, created.id, ranges.map((_, i) => i));
        return created.id;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw (await conflictWith(db, valid.mode, fingerprint)) ?? new SaringError('sweep_conflict', 'Another sweep that this one would clash with was started at the same moment.');
      throw err;
    }
    return get(id);
  }

  /** Moves a sweep from one of `from` to `to`, with its audit entry and webhook. */
  async function transition(id: string, from: SweepStatus[], to: SweepStatus, type: 'sweep.paused' | 'sweep.resumed' | 'sweep.cancelled', actor: Actor): Promise<Sweep> {
    await row(id);
    await db.transaction().execute(async (trx) => {
      const s = await trx.selectFrom('sweeps').select(['status']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
      if (!from.includes(s.status as SweepStatus)) {
        throw new SaringError('invalid_state', `Sweep ${id} is ${s.status}: it can be ${type.slice(6)} only when ${from.join(' or ')}.`);
      }
      const now = new Date();
      if (to === 'running') {
        const processed = await trx.selectFrom('sweep_ranges').select(sql<number>`COALESCE(sum(processed), 0)::int`.as('n')).where('sweep_id', '=', id).executeTakeFirstOrThrow();
        await trx.updateTable('sweeps').set({ status: 'running', started_at: sql`COALESCE(started_at, ${now})`, run_started_at: now, run_base: processed.n }).where('id', '=', id).execute();
        const pending = await trx.selectFrom('sweep_ranges').select('idx').where('sweep_id', '=', id).where('done', '=', false).orderBy('idx').execute();
        await enqueue(trx, id, pending.map((p) => p.idx));
      } else {
        await trx.updateTable('sweeps').set({ status: to, ...(to === 'cancelled' ? { finished_at: now } : {}) }).where('id', '=', id).execute();
      }
      await event(trx, type, id, actor);
    });
    // A resumed sweep whose ranges were all done (paused between its last chunk and its end) ends now.
    if (to === 'running') await maybeFinish(id);
    return get(id);
  }

  // Prometheus: the progress of sweeps that are not over (and of those that ended in the last hour).
  const progressGauge = (name: string, help: string, value: (s: Sweep) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['sweep', 'mode', 'status'],
      registers: [core.metrics],
      async collect() {
        this.reset();
        const rows = (await selectSweeps(db)
          .where((eb) => eb.or([eb('sweeps.status', 'in', ACTIVE_STATUSES as SweepStatus[]), eb('sweeps.finished_at', '>', new Date(Date.now() - 3600_000))]))
          .limit(50)
          .execute()) as Row[];
        for (const r of rows) {
          const s = toSweep(r);
          this.set({ sweep: s.id, mode: s.mode, status: s.status }, value(s));
        }
      },
    });
  progressGauge('saring_sweep_items_total', 'Items a sweep takes (matched by its filter when created).', (s) => s.progress.total);
  progressGauge('saring_sweep_items_processed', 'Items a sweep has scanned so far.', (s) => s.progress.processed);
  progressGauge('saring_sweep_items_acted', 'Items an apply sweep has acted on so far.', (s) => s.progress.acted);
  progressGauge('saring_sweep_items_per_second', 'Items a running sweep scans per second since it (re)started.', (s) => s.progress.ratePerSecond);

  return {
    create,
    list: async (options = {}) =>
      ((await selectSweeps(db).orderBy('sweeps.created_at', 'desc').orderBy('sweeps.id', 'desc').limit(Math.min(options.limit ?? 100, 500)).execute()) as Row[]).map((r) => toSweep(r)),
    get,
    pause: (id, actor) => transition(id, ['queued', 'running'], 'paused', 'sweep.paused', actor),
    resume: (id, actor) => transition(id, ['paused'], 'running', 'sweep.resumed', actor),
    cancel: (id, actor) => transition(id, ['queued', 'running', 'paused'], 'cancelled', 'sweep.cancelled', actor),
    async report(id) {
      const r = await db.selectFrom('sweeps').select(['id', 'status', 'report']).where('id', '=', isUuid(id) ? id : '00000000-0000-0000-0000-000000000000').executeTakeFirst();
      if (!r) throw notFound('Sweep', id);
      const report = r.status === 'finished' && r.report ? (r.report as SweepReport) : await buildReport(db, id, false);
      // Signed here with this process's compliance report key (the one GET /v1/regulator/public-key lists).
      const { sha256: digest, signature: _old, ...body } = report;
      const key = ring.current();
      return { ...body, sha256: digest, signature: { keyId: keyIdOf(key), value: sign(null, Buffer.from(canonicalJson(body), 'utf8'), key).toString('base64') } };
    },
    close: () => threads.close(),
    async wait(id, options = {}) {
      const deadline = Date.now() + (options.timeoutMs ?? 600_000);
      for (;;) {
        const s = await get(id);
        options.onProgress?.(s);
        if (!ACTIVE_STATUSES.includes(s.status) || s.status === 'paused') return s;
        if (Date.now() > deadline) throw new Error(`sweep ${id} still ${s.status} after ${options.timeoutMs ?? 600_000} ms`);
        await new Promise((r) => setTimeout(r, options.intervalMs ?? 200));
      }
    },
  };
}
