/**
 * Streaming readers for labelled text data: CSV (RFC 4180 rules as in `../csv.ts`: quoted
 * fields may hold delimiters, doubled quotes and line breaks; LF or CRLF), TSV (the same rules
 * with a tab), and JSON Lines (one object per line). Files are decoded chunk by chunk with
 * `TextDecoder` (UTF-8 by default; `latin1`/`windows-1252` and the other WHATWG labels Node
 * knows), so memory is bounded by the chunk size and the longest record, never the file.
 *
 * Texts are cleaned as they are read (`text-prep.ts`): escaped emoji decoded, masks replaced by
 * one placeholder. Problems stop the read with a `SaringError('validation_failed')` that names
 * the file, the row (data rows count from 1, the header is not a row) and the line.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { SaringError } from '../../../errors/errors.js';
import { prepareText, type TextPrepOptions } from './text-prep.js';

export type DataFormat = 'csv' | 'tsv' | 'jsonl';

export const DEFAULT_MAX_RECORD_CHARS = 1 << 20;
const CHUNK_BYTES = 1 << 16;

export interface TableOptions {
  /** Default: from the extension (.tsv/.tab → tsv, .jsonl/.ndjson → jsonl, else csv). */
  format?: DataFormat;
  /** A WHATWG encoding label (utf-8, latin1, windows-1252, …); default utf-8. */
  encoding?: string;
  /** Longest record (characters, a CSV record's line breaks included); default 1 Mi. */
  maxRecordChars?: number;
  /** Called after each chunk with the bytes read so far and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface ReadOptions extends TableOptions {
  /** Name of the text column. */
  text: string;
  /** Names of the label columns (none for prediction). */
  labels?: readonly string[];
  prep?: TextPrepOptions;
}

export interface DataRow {
  /** Data row number, from 1 (the header is not counted; blank JSONL lines are not rows). */
  row: number;
  /** Line of the file where the row starts, from 1. */
  line: number;
  text: string;
  /** Raw values of the label columns, in the order asked for. */
  labels: string[];
}

export function formatOf(path: string, format?: string): DataFormat {
  if (format !== undefined) {
    if (format === 'csv' || format === 'tsv' || format === 'jsonl') return format;
    throw new SaringError('validation_failed', `Unknown format "${format}": use csv, tsv or jsonl.`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return 'csv';
}

function decoderFor(encoding: string | undefined): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(encoding ?? 'utf-8', { fatal: true });
  } catch {
    throw new SaringError('validation_failed', `Unknown encoding "${encoding}": use a label such as utf-8, latin1, windows-1252 or utf-16le.`);
  }
}

/** The decoded text of a file, chunk by chunk. */
export async function* decodedChunks(path: string, options: TableOptions = {}): AsyncGenerator<string> {
  if (!existsSync(path)) throw new SaringError('not_found', `No such file: ${path}`);
  const st = statSync(path);
  if (!st.isFile()) throw new SaringError('validation_failed', `${path} is not a file.`);
  if (st.size === 0) throw new SaringError('validation_failed', `${path} is empty.`);
  const decoder = decoderFor(options.encoding);
  let bytes = 0;
  const fail = (): never => {
    throw new SaringError(
      'validation_failed',
      `${path} is not valid ${decoder.encoding} (near byte ${bytes}); give its encoding with --encoding (e.g. latin1 or windows-1252).`,
    );
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    let s: string;
    try {
      s = decoder.decode(chunk, { stream: true });
    } catch {
      fail();
    }
    bytes += chunk.length;
    options.onProgress?.(bytes, st.size);
    if (s!.length > 0) yield s!;
  }
  let tail = '';
  try {
    tail = decoder.decode();
  } catch {
    fail();
  }
  if (tail.length > 0) yield tail;
}

export interface RawRecord {
  /** Line where the record starts (from 1). */
  line: number;
  fields: string[];
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** An incremental delimiter-separated-values splitter (RFC 4180 rules, lenient after a closing quote). */
export class DsvSplitter {
  private readonly delim: number;
  private readonly max: number;
  private readonly path: string;
  private fields: string[] = [];
  private field = '';
  private fieldStarted = false;
  private quoted = false;
  private quotePending = false;
  private skipLf = false;
  private any = false;
  private chars = 0;
  private line = 1;
  private recordLine = 1;
  records = 0;
  out: RawRecord[] = [];

  constructor(delimiter: string, maxRecordChars: number, path: string) {
    this.delim = delimiter.charCodeAt(0);
    this.max = maxRecordChars;
    this.path = path;
  }

  private tooLong(): never {
    throw new SaringError(
      'validation_failed',
      `${this.path}: the record at line ${this.recordLine} (row ${this.records}) is over the limit of ${this.max} characters` +
        (this.quoted ? ' (a quote that is never closed?)' : '') + '.',
    );
  }

  private add(s: string): void {
    this.field += s;
    this.chars += s.length;
    if (this.chars > this.max) this.tooLong();
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRecord(): void {
    if (this.any || this.field.length > 0) {
      this.endField();
      this.out.push({ line: this.recordLine, fields: this.fields });
      this.records++;
    }
    this.fields = [];
    this.field = '';
    this.fieldStarted = false;
    this.any = false;
    this.chars = 0;
  }

  feed(s: string): void {
    const n = s.length;
    let i = 0;
    while (i < n) {
      if (this.quotePending) {
        this.quotePending = false;
        if (s.charCodeAt(i) === QUOTE) {
          this.add('"');
          i++;
          continue;
        }
        this.quoted = false;
      }
      if (this.quoted) {
        const q = s.indexOf('"', i);
        const stop = q < 0 ? n : q;
        const part = s.slice(i, stop);
        for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) this.line++;
        this.add(part);
        if (q < 0) return;
        this.quotePending = true;
        i = q + 1;
        continue;
      }
      const c = s.charCodeAt(i);
      if (this.skipLf) {
        this.skipLf = false;
        if (c === LF) {
          i++;
          continue;
        }
      }
      if (!this.any && this.fields.length === 0 && this.field.length === 0) this.recordLine = this.line;
      if (c === QUOTE && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
        this.any = true;
        i++;
        continue;
      }
      if (c === this.delim) {
        this.endField();
        this.any = true;
        this.chars++;
        i++;
        continue;
      }
      if (c === LF || c === CR) {
        this.endRecord();
        this.line++;
        if (c === CR) this.skipLf = true;
        i++;
        continue;
      }
      // A run of ordinary characters.
      let j = i + 1;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d === this.delim || d === LF || d === CR || d === QUOTE) break;
        j++;
      }
      // (A quote inside an unquoted field, or after a closing quote, is kept as a character.)
      this.add(s.slice(i, j));
      this.fieldStarted = true;
      this.any = true;
      i = j;
    }
  }

  end(): void {
    if (this.quotePending) {
      this.quotePending = false;
      this.quoted = false;
    }
    if (this.quoted) {
      throw new SaringError('validation_failed', `${this.path}: the quoted field that starts at line ${this.recordLine} is never closed.`);
    }
    this.endRecord();
  }
}

function missingColumn(path: string, kind: string, name: string, columns: readonly string[]): SaringError {
  return new SaringError(
    'validation_failed',
    `${path} has no ${kind} column "${name}"; its columns are: ${columns.map((c) => JSON.stringify(c)).join(', ') || '(none)'}.`,
  );
}

/** Streams the rows of a CSV/TSV/JSONL file: the text column (cleaned) and the raw label values. */
export async function* readDataRows(path: string, options: ReadOptions): AsyncGenerator<DataRow> {
  const format = formatOf(path, options.format);
  const max = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const labelCols = options.labels ?? [];
  const prep = (t: string) => prepareText(t, options.prep);
  let row = 0;
  if (format === 'jsonl') {
    let pending = '';
    let line = 0;
    let columns: string[] | undefined;
    const parse = function* (raw: string): Generator<DataRow> {
      line++;
      const trimmed = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (trimmed.trim() === '') return;
      row++;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch (err) {
        throw new SaringError('validation_failed', `${path}: row ${row} (line ${line}) is not JSON: ${(err as Error).message}`);
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        throw new SaringError('validation_failed', `${path}: row ${row} (line ${line}) is not a JSON object.`);
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (!columns) {
        columns = keys;
        if (!(options.text in obj)) throw missingColumn(path, 'text', options.text, keys);
        for (const l of labelCols) if (!(l in obj)) throw missingColumn(path, 'label', l, keys);
      }
      const text = obj[options.text];
      if (typeof text !== 'string') {
        if (text === undefined) throw new SaringError('validation_failed', `${path}: row ${row} (line ${line}) has no "${options.text}"; it has: ${keys.join(', ')}.`);
        if (text !== null && typeof text === 'object') throw new SaringError('validation_failed', `${path}: row ${row} (line ${line}): "${options.text}" is not a string.`);
      }
      const labels = labelCols.map((l) => {
        const v = obj[l];
        if (v === undefined || v === null) return '';
        if (typeof v === 'boolean') return v ? '1' : '0';
        return typeof v === 'object' ? JSON.stringify(v) : String(v);
      });
      yield { row, line, text: prep(text === null || text === undefined ? '' : String(text)), labels };
    };
    for await (const chunk of decodedChunks(path, options)) {
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf('\n', start);
        if (nl < 0) {
          pending += chunk.slice(start);
          if (pending.length > max) {
            throw new SaringError('validation_failed', `${path}: line ${line + 1} (row ${row + 1}) is over the limit of ${max} characters.`);
          }
          break;
        }
        const raw = pending + chunk.slice(start, nl);
        pending = '';
        if (raw.length > max) throw new SaringError('validation_failed', `${path}: line ${line + 1} (row ${row + 1}) is over the limit of ${max} characters.`);
        yield* parse(raw);
        start = nl + 1;
      }
    }
    if (pending.length > 0) yield* parse(pending);
    if (row === 0) throw new SaringError('validation_failed', `${path} has no data rows.`);
    return;
  }
  const splitter = new DsvSplitter(format === 'tsv' ? '\t' : ',', max, path);
  let header: string[] | undefined;
  let textIdx = -1;
  let labelIdx: number[] = [];
  const take = function* (): Generator<DataRow> {
    const records = splitter.out;
    splitter.out = [];
    for (const r of records) {
      if (!header) {
        header = r.fields.map((h) => h.trim());
        textIdx = header.indexOf(options.text);
        if (textIdx < 0) throw missingColumn(path, 'text', options.text, header);
        labelIdx = labelCols.map((l) => {
          const i = header!.indexOf(l);
          if (i < 0) throw missingColumn(path, 'label', l, header!);
          return i;
        });
        continue;
      }
      row++;
      yield { row, line: r.line, text: prep(r.fields[textIdx] ?? ''), labels: labelIdx.map((i) => r.fields[i] ?? '') };
    }
  };
  for await (const chunk of decodedChunks(path, options)) {
    splitter.feed(chunk);
    yield* take();
  }
  splitter.end();
  yield* take();
  if (!header) throw new SaringError('validation_failed', `${path} has no header row (it holds only blank lines).`);
  if (row === 0) throw new SaringError('validation_failed', `${path} has a header but no data rows.`);
}
