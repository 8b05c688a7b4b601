/**
 * Bulk import: `saring import FILE` (JSONL or CSV, streamed, resumable, idempotent by external id)
 * and `POST /v1/content/batch`. Both store through the bulk store path (store.ts) and act on
 * verdicts through the one decision path.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, open, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Actor } from '../audit/log.js';
import type { EngineCore } from '../core.js';
import type { Db } from '../db/connect.js';
import { contentBankMatches } from '../content/content.js';
import { SaringError, isSaringError, type ErrorCode } from '../errors/errors.js';
import { timeScan, type ScanSource } from '../operations/metrics.js';
import { scanTexts } from '../scan/scan.js';
import { parseInput } from '../shared/validate.js';
import type { ValidContentInput } from '../content/schema.js';
import type { Verdict } from '../scan/verdict.js';
import { csvCells, mapHeader, rowToItem, type CsvMapping } from './csv.js';
import { readRecords, type ImportFormat, type RawRecord } from './reader.js';
import { IMPORT_LIMITS, importItemSchema, type ValidImportItem } from './schema.js';
import { storeBatch, type Outcome, type PreparedItem } from './store.js';

export { IMPORT_LIMITS } from './schema.js';
export type { ImportFormat } from './reader.js';

/** What an import run (or a batch) did, row by row, summed. */
export interface ImportCounts {
  /** Records read (rejected ones included; blank lines not). */
  rows: number;
  created: number;
  /** Known items whose texts or media changed: a new version. */
  changed: number;
  /** Known items sent again unchanged: nothing stored. */
  unchanged: number;
  scanned: number;
  /** Items whose media is analysed in a job (which scans them then). */
  analysing: number;
  rejected: number;
  /** Actions of this run's scans. */
  allow: number;
  review: number;
  restrict: number;
  remove: number;
}

export const emptyCounts = (): ImportCounts => ({ rows: 0, created: 0, changed: 0, unchanged: 0, scanned: 0, analysing: 0, rejected: 0, allow: 0, review: 0, restrict: 0, remove: 0 });

export interface ImportRunOptions {
  scan: boolean;
  /** CSV: column → field (`-` ignores the column). */
  map: Record<string, string>;
  batchRows: number;
  maxLineBytes: number;
  /** Relative media paths are resolved against this directory (the file's). */
  mediaBase: string;
}

export interface ImportRun {
  id: string;
  source: string;
  format: ImportFormat;
  options: ImportRunOptions;
  status: 'running' | 'finished' | 'abandoned';
  fileBytes: number;
  /** The checkpoint: bytes of the file done, and the line the next record starts on. */
  byteOffset: number;
  line: number;
  counts: ImportCounts;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface ImportReject {
  line: number;
  byteOffset: number;
  externalId: string | null;
  code: string;
  message: string;
  excerpt: string;
}

export interface ImportProgress {
  run: ImportRun;
  /** Bytes of the file done (the checkpoint), and its size. */
  bytes: number;
  totalBytes: number;
  /** Bytes done when this process started (a resumed run starts past 0). */
  startBytes: number;
  startedAt: number;
}

export interface ImportFileOptions {
  format?: ImportFormat;
  scan?: boolean;
  map?: Record<string, string>;
  /** Abandon an unfinished run of the file (and ignore a finished one): start from its first line. */
  restart?: boolean;
  batchRows?: number;
  maxLineBytes?: number;
  /** Stops between batches; the run stays resumable. */
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Tests: runs inside each batch's transaction before it commits (a throw rolls the batch back). */
  beforeCommit?: (batch: number, trx: Db) => void | Promise<void>;
}

export interface ImportResult {
  run: ImportRun;
  /** The run continued an unfinished one. */
  resumed: boolean;
  /** A finished run had already imported this file; nothing was done (`restart` imports it again). */
  alreadyFinished: boolean;
  /** Stopped by the signal before the end: run the same import again to continue. */
  stopped: boolean;
}

/** One item's result in `POST /v1/content/batch`, in the order sent. */
export interface BatchItemResult {
  index: number;
  externalId: string | null;
  ok: boolean;
  id?: string;
  created?: boolean;
  changed?: boolean;
  scanned?: boolean;
  analysing?: boolean;
  status?: string;
  action?: string;
  error?: { code: string; message: string };
}

export interface ImportsApi {
  /** Stores (and scans, unless `scan: false`) up to 1,000 items in one transaction; a bad item is reported in its result, the others go in. */
  batch(items: unknown[], actor: Actor, options?: { scan?: boolean }): Promise<BatchItemResult[]>;
  /** Imports a JSONL or CSV file, resuming an unfinished run of it. */
  importFile(path: string, options: ImportFileOptions, actor: Actor): Promise<ImportResult>;
  /** Import runs, newest first. */
  runs(limit?: number): Promise<ImportRun[]>;
  run(id: string): Promise<ImportRun>;
  /** A run's rejected rows, in file order, page by page. */
  rejects(runId: string, pageSize?: number): AsyncGenerator<ImportReject[]>;
}

export interface ImportDeps {
  /** Whether media URLs are fetched (then analysed like paths). */
  fetchUrls: boolean;
  /** Checks that a media path may be read (under SARING_MEDIA_ROOTS) and exists; throws a SaringError if not. */
  checkMediaPath: (path: string) => Promise<void>;
}

type RunRow = {
  id: string;
  source: string;
  file_bytes: string | number;
  head_sha256: string;
  format: string;
  options: unknown;
  status: string;
  byte_offset: string | number;
  records: string | number;
  counts: unknown;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
};

function toRun(r: RunRow): ImportRun {
  return {
    id: r.id,
    source: r.source,
    format: r.format as ImportFormat,
    options: r.options as ImportRunOptions,
    status: r.status as ImportRun['status'],
    fileBytes: Number(r.file_bytes),
    byteOffset: Number(r.byte_offset),
    line: Number(r.records),
    counts: { ...emptyCounts(), ...(r.counts as Partial<ImportCounts>) },
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

/** Text safe to store: no NUL (PostgreSQL text cannot hold it), at most `max` characters. */
function clean(text: string, max: number = IMPORT_LIMITS.excerptChars): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(/\0/g, '\uFFFD');
}

const HEAD_BYTES = 64 * 1024;

async function headSha256(path: string): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return createHash('sha256').update(buf.subarray(0, bytesRead)).digest('hex');
  } finally {
    await fh.close();
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function formatOf(path: string, given?: string): ImportFormat {
  if (given !== undefined) {
    if (given !== 'jsonl' && given !== 'csv') throw new SaringError('validation_failed', `--format is jsonl or csv, not ${JSON.stringify(given)}.`);
    return given;
  }
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(jsonl|ndjson|json)$/i.test(path)) return 'jsonl';
  throw new SaringError('validation_failed', `Cannot tell the format of ${path} from its name: give --format jsonl or --format csv.`);
}

function itemOf(valid: ValidImportItem, index: number): PreparedItem {
  const { createdAt, ...input } = valid;
  return { index, input: input as ValidContentInput, postedAt: createdAt ? new Date(createdAt) : null };
}

function errorOf(err: unknown): { code: ErrorCode; message: string } {
  if (isSaringError(err)) return { code: err.code, message: err.message };
  throw err;
}

function tally(counts: ImportCounts, o: Outcome): void {
  if (!o.ok) {
    counts.rejected++;
    return;
  }
  if (o.created) counts.created++;
  else if (o.changed) counts.changed++;
  else if (!o.scanned && !o.analysing) counts.unchanged++;
  if (o.scanned) {
    counts.scanned++;
    if (o.action && o.action in counts) counts[o.action as 'allow']++;
  }
  if (o.analysing) counts.analysing++;
}

export function createImports(core: EngineCore, deps: ImportDeps): ImportsApi {
  const { db, effects: fx } = core;

  /** Scans one item at a time, each timed in the scan latency metric under `source`. */
  const scanner = async (source: ScanSource): Promise<(input: ValidContentInput) => Promise<Verdict>> => {
    const cfg = await core.scanConfig();
    const matcher = await core.matcher();
    return (input) =>
      timeScan(core.metrics, input.kind, source, async () => scanTexts(cfg, { texts: input.texts, audience: input.audience, bankMatches: await contentBankMatches(matcher, input) }));
  };

  const getRun = async (id: string): Promise<ImportRun> => {
    const row = await db.selectFrom('import_runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new SaringError('not_found', `Import run ${id} does not exist.`);
    return toRun(row as unknown as RunRow);
  };

  async function importFile(path: string, options: ImportFileOptions, actor: Actor): Promise<ImportResult> {
    let source: string;
    try {
      source = await realpath(path);
    } catch {
      throw new SaringError('not_found', `No such file: ${path}`);
    }
    const info = await stat(source);
    if (!info.isFile()) throw new SaringError('invalid_import_file', `${path} is not a file.`);
    if (info.size === 0) throw new SaringError('invalid_import_file', `${path} is empty: nothing to import.`);
    const format = formatOf(path, options.format);
    const head = await headSha256(source);

    const running = await db.selectFrom('import_runs').selectAll().where('source', '=', source).where('status', '=', 'running').executeTakeFirst();
    let run: ImportRun;
    let resumed = false;
    if (running && options.restart) {
      await db.updateTable('import_runs').set({ status: 'abandoned', updated_at: new Date() }).where('id', '=', running.id).where('status', '=', 'running').execute();
    }
    if (running && !options.restart) {
      if (running.head_sha256 !== head || info.size < Number(running.file_bytes)) {
        throw new SaringError(
          'invalid_state',
          `${path} changed since its unfinished import run ${running.id} started (its first 64 KiB or its size differ): import it again from the start with --restart.`,
        );
      }
      run = toRun(running as unknown as RunRow);
      resumed = true;
    } else {
      if (!options.restart) {
        const last = await db.selectFrom('import_runs').selectAll().where('source', '=', source).where('status', '=', 'finished').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
        if (last && last.head_sha256 === head && Number(last.file_bytes) === info.size) {
          return { run: toRun(last as unknown as RunRow), resumed: false, alreadyFinished: true, stopped: false };
        }
      }
      const batchRows = options.batchRows ?? IMPORT_LIMITS.defaultBatchRows;
      if (!Number.isInteger(batchRows) || batchRows < 1 || batchRows > IMPORT_LIMITS.maxBatchRows) {
        throw new SaringError('validation_failed', `The batch size is 1 to ${IMPORT_LIMITS.maxBatchRows} rows, not ${batchRows}.`);
      }
      const runOptions: ImportRunOptions = {
        scan: options.scan ?? true,
        map: options.map ?? {},
        batchRows,
        maxLineBytes: options.maxLineBytes ?? IMPORT_LIMITS.maxLineBytes,
        mediaBase: dirname(source),
      };
      if (format === 'jsonl' && Object.keys(runOptions.map).length) throw new SaringError('invalid_import_file', '--map is for CSV files; a JSONL line names its fields itself.');
      // A CSV header is checked before the run exists: a wrong mapping writes nothing.
      if (format === 'csv') await readMapping(source, runOptions);
      const row = await db
        .insertInto('import_runs')
        .values({ source, file_bytes: info.size, head_sha256: head, format, options: JSON.stringify(runOptions), counts: JSON.stringify(emptyCounts()), created_by: actor })
        .returningAll()
        .executeTakeFirstOrThrow()
        .catch((err: unknown) => {
          if (/import_runs_one_running|unique/i.test(String((err as Error).message))) {
            throw new SaringError('invalid_state', `Another import of ${path} is running: wait for it, or stop it first.`);
          }
          throw err;
        });
      run = toRun(row as unknown as RunRow);
    }
    return runImport(run, { ...options, fileBytes: info.size }, actor, resumed);
  }

  /** The CSV header's mapping (refused before anything is written when it does not fit). */
  async function readMapping(source: string, runOptions: ImportRunOptions): Promise<{ mapping: CsvMapping; headerEnd: number; headerLine: number }> {
    for await (const record of readRecords(source, { format: 'csv', start: 0, line: 1, maxBytes: runOptions.maxLineBytes })) {
      if (record.problem || !record.bytes) throw new SaringError('invalid_import_file', 'The CSV header row is over the line length limit or not ended.');
      let text: string;
      try {
        text = utf8.decode(record.bytes);
      } catch {
        throw new SaringError('invalid_import_file', 'The CSV header row is not valid UTF-8.');
      }
      return { mapping: mapHeader(csvCells(text), runOptions.map), headerEnd: record.end, headerLine: record.nextLine };
    }
    throw new SaringError('invalid_import_file', 'The CSV file has no header row: nothing to import.');
  }

  async function runImport(run: ImportRun, options: ImportFileOptions & { fileBytes: number }, actor: Actor, resumed: boolean): Promise<ImportResult> {
    const opts = run.options;
    let mapping: CsvMapping | undefined;
    let start = run.byteOffset;
    let line = Math.max(1, run.line);
    if (run.format === 'csv') {
      const header = await readMapping(run.source, opts);
      mapping = header.mapping;
      if (start < header.headerEnd) {
        start = header.headerEnd;
        line = header.headerLine;
      }
    }
    const counts = { ...run.counts };
    const startedAt = Date.now();
    const startBytes = start;
    let offset = run.byteOffset; // the checkpoint as stored (a CSV run's first one is before its header)
    let batchNo = 0;
    let pending: { item: PreparedItem; record: RawRecord; raw: string }[] = [];
    let rejects: ImportReject[] = [];

    const commit = async (end: number, nextLine: number) => {
      batchNo++;
      const scan = opts.scan && pending.length ? await scanner('import') : undefined;
      const removed = await db.transaction().execute(async (trx) => {
        const batchCounts = { ...counts };
        const batchRejects = [...rejects];
        let removedAny = false;
        if (pending.length) {
          const { outcomes, removed } = await storeBatch(trx, pending.map((p) => p.item), { fx, actor, scan, fetchUrls: deps.fetchUrls, runId: run.id });
          removedAny = removed;
          outcomes.forEach((o, i) => {
            tally(batchCounts, o);
            if (!o.ok) {
              const p = pending[i]!;
              batchRejects.push({ line: p.record.line, byteOffset: p.record.offset, externalId: o.externalId, code: o.error.code, message: o.error.message, excerpt: clean(p.raw) });
            }
          });
        }
        batchCounts.rejected += rejects.length;
        batchCounts.rows += pending.length + rejects.length;
        batchRejects.sort((a, b) => a.line - b.line);
        for (let i = 0; i < batchRejects.length; i += 1000) {
          await trx
            .insertInto('import_rejects')
            .values(
              batchRejects.slice(i, i + 1000).map((r) => ({
                run_id: run.id,
                record: r.line,
                byte_offset: r.byteOffset,
                external_id: r.externalId === null ? null : clean(r.externalId, 256),
                code: r.code,
                message: clean(r.message),
                excerpt: r.excerpt,
              })),
            )
            .execute();
        }
        await options.beforeCommit?.(batchNo, trx);
        // The checkpoint moves only from where this process read it: a second process on the same
        // run finds it moved and stops, so no row is stored twice.
        const moved = await trx
          .updateTable('import_runs')
          .set({ byte_offset: end, records: nextLine, counts: JSON.stringify(batchCounts), updated_at: new Date() })
          .where('id', '=', run.id)
          .where('status', '=', 'running')
          .where(sql<boolean>`byte_offset = ${offset}`)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) {
          throw new SaringError('invalid_state', `Import run ${run.id} was moved on by another process (or abandoned with --restart): this one stops.`);
        }
        Object.assign(counts, batchCounts);
        return removedAny;
      });
      if (removed) await core.removed();
      offset = end;
      line = nextLine;
      pending = [];
      rejects = [];
      run = { ...run, byteOffset: end, line: nextLine, counts: { ...counts }, updatedAt: new Date().toISOString() };
      options.onProgress?.({ run, bytes: end, totalBytes: options.fileBytes, startBytes, startedAt });
    };

    const reject = (record: RawRecord, raw: string, code: ErrorCode, message: string, externalId: string | null = null) => {
      rejects.push({ line: record.line, byteOffset: record.offset, externalId, code, message, excerpt: clean(raw) });
    };

    let stopped = false;
    let lastEnd = start;
    let lastLine = line;
    options.onProgress?.({ run, bytes: start, totalBytes: options.fileBytes, startBytes, startedAt });
    for await (const record of readRecords(run.source, { format: run.format, start, line, maxBytes: opts.maxLineBytes })) {
      const raw = record.bytes ?? record.head ?? Buffer.alloc(0);
      lastEnd = record.end;
      lastLine = record.nextLine;
      if (record.problem === 'line_too_long') {
        reject(record, raw.toString('utf8'), 'line_too_long', `Line ${record.line} is over ${opts.maxLineBytes} bytes: it is not read.`);
      } else if (record.problem === 'partial_line') {
        reject(record, raw.toString('utf8'), 'partial_line', `The file ends inside a quoted field of the record starting on line ${record.line}: the partial record is not stored.`);
      } else {
        let text: string | undefined;
        try {
          text = utf8.decode(raw);
        } catch {
          reject(record, raw.toString('utf8'), 'invalid_utf8', `Line ${record.line} is not valid UTF-8.`);
        }
        if (text !== undefined && text.trim() !== '') {
          const prepared = await prepare(text, record, mapping, opts).catch((err: unknown) => ({ error: errorOf(err), externalId: null as string | null }));
          if ('error' in prepared) {
            const partial = record.unterminated && run.format === 'jsonl' && prepared.error.code === 'invalid_json';
            if (partial) reject(record, text, 'partial_line', `The file ends in the middle of line ${record.line} (no line end, and what is there is not a whole JSON object): it is not stored.`);
            else reject(record, text, prepared.error.code, `Line ${record.line}: ${prepared.error.message}`, prepared.externalId);
          } else pending.push({ item: itemOf(prepared.valid, pending.length), record, raw: text });
        }
      }
      if (pending.length + rejects.length >= opts.batchRows) {
        await commit(record.end, lastLine);
        if (options.signal?.aborted) {
          stopped = true;
          break;
        }
      }
    }
    if (!stopped && (pending.length || rejects.length || lastEnd !== offset)) await commit(lastEnd, lastLine);
    if (!stopped) {
      const done = await db
        .updateTable('import_runs')
        .set({ status: 'finished', finished_at: new Date(), updated_at: new Date() })
        .where('id', '=', run.id)
        .where('status', '=', 'running')
        .returningAll()
        .executeTakeFirst();
      if (done) run = toRun(done as unknown as RunRow);
    }
    return { run, resumed, alreadyFinished: false, stopped };
  }

  /** A record as a validated item; media paths resolved and checked. */
  async function prepare(
    text: string,
    record: RawRecord,
    mapping: CsvMapping | undefined,
    opts: ImportRunOptions,
  ): Promise<{ valid: ValidImportItem } | { error: { code: ErrorCode; message: string }; externalId: string | null }> {
    let value: unknown;
    if (mapping) value = rowToItem(csvCells(text), mapping);
    else {
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw new SaringError('invalid_json', `not valid JSON (${(err as Error).message}).`);
      }
    }
    const externalId = typeof (value as { externalId?: unknown })?.externalId === 'string' ? ((value as { externalId: string }).externalId) : null;
    try {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new SaringError('validation_failed', 'a line is one JSON object (a content item).');
      const valid = parseInput(importItemSchema, value);
      for (const m of valid.media) {
        if (m.path === undefined) continue;
        const abs = isAbsolute(m.path) ? m.path : resolve(opts.mediaBase, m.path);
        await deps.checkMediaPath(abs);
        try {
          await access(abs, constants.R_OK);
        } catch {
          throw new SaringError('media_not_found', `media path ${JSON.stringify(m.path)} cannot be read.`);
        }
        m.path = abs;
      }
      void record;
      return { valid };
    } catch (err) {
      return { error: errorOf(err), externalId };
    }
  }

  return {
    async batch(items, actor, options = {}) {
      if (items.length > IMPORT_LIMITS.maxBatchItems) throw new SaringError('validation_failed', `A batch holds at most ${IMPORT_LIMITS.maxBatchItems} items, not ${items.length}.`);
      const results: BatchItemResult[] = new Array(items.length);
      const prepared: PreparedItem[] = [];
      const positions: number[] = [];
      items.forEach((raw, index) => {
        const externalId = typeof (raw as { externalId?: unknown })?.externalId === 'string' ? (raw as { externalId: string }).externalId : null;
        try {
          const valid = parseInput(importItemSchema, raw);
          positions.push(index);
          prepared.push(itemOf(valid, prepared.length));
        } catch (err) {
          results[index] = { index, externalId, ok: false, error: errorOf(err) };
        }
      });
      if (prepared.length) {
        const scan = options.scan === false ? undefined : await scanner('batch');
        const { outcomes, removed } = await db.transaction().execute((trx) => storeBatch(trx, prepared, { fx, actor, scan, fetchUrls: deps.fetchUrls }));
        if (removed) await core.removed();
        outcomes.forEach((o, i) => {
          const index = positions[i]!;
          results[index] = o.ok
            ? { index, externalId: o.externalId, ok: true, id: o.id, created: o.created, changed: o.changed, scanned: o.scanned, analysing: o.analysing, status: o.status, ...(o.action ? { action: o.action } : {}) }
            : { index, externalId: o.externalId, ok: false, error: o.error };
        });
      }
      return results;
    },
    importFile,
    async runs(limit = 50) {
      const rows = await db.selectFrom('import_runs').selectAll().orderBy('created_at', 'desc').limit(Math.min(limit, 500)).execute();
      return rows.map((r) => toRun(r as unknown as RunRow));
    },
    run: getRun,
    async *rejects(runId, pageSize = 1000) {
      let after = 0;
      for (;;) {
        const rows = await db.selectFrom('import_rejects').selectAll().where('run_id', '=', runId).where(sql<boolean>`record > ${after}`).orderBy('record').limit(pageSize).execute();
        if (rows.length === 0) return;
        yield rows.map((r) => ({ line: Number(r.record), byteOffset: Number(r.byte_offset), externalId: r.external_id, code: r.code, message: r.message, excerpt: r.excerpt }));
        after = Number(rows[rows.length - 1]!.record);
        if (rows.length < pageSize) return;
      }
    },
  };
}
