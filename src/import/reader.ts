/**
 * Reads an import file as a stream of records (JSONL lines or CSV records), each with its byte
 * offsets and line number, in bounded memory: a record longer than the limit is skipped to the
 * next line end and reported, never held. The byte offset after a record is what a checkpoint
 * stores; reading again from it continues with the next record.
 */
import { createReadStream } from 'node:fs';

export type ImportFormat = 'jsonl' | 'csv';

export interface RawRecord {
  /** The file's line number where the record starts (1-based). */
  line: number;
  /** The line the next record starts on. */
  nextLine: number;
  /** Byte offset of the record's start, and of what follows it (its line end included). */
  offset: number;
  end: number;
  /** The record without its line end; absent when it was too long (only its start is kept). */
  bytes?: Buffer;
  /** The first bytes of an over-long record, for the report. */
  head?: Buffer;
  problem?: 'line_too_long' | 'partial_line';
  /** The last record of the file, with no line end after it (the caller judges whether it is complete). */
  unterminated?: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const HEAD_BYTES = 4096;

/**
 * The records of `path` from byte `start` (a record boundary: 0 or a checkpoint), the first one
 * numbered `line`. CSV records may hold line breaks inside quoted fields; JSONL records may not.
 */
export async function* readRecords(path: string, options: { format: ImportFormat; start: number; line: number; maxBytes: number; chunkBytes?: number }): AsyncGenerator<RawRecord> {
  const csv = options.format === 'csv';
  let parts: Buffer[] = [];
  let size = 0;
  let recordStart = options.start;
  let recordLine = options.line;
  let line = options.line;
  let pos = options.start; // file offset of the current chunk's first byte
  let quoted = false;
  let tooLong = false;
  let head: Buffer | undefined;
  let first = options.start === 0;

  const take = (buf: Buffer, from: number, to: number) => {
    if (to <= from) return;
    if (tooLong) return;
    if (size + (to - from) > options.maxBytes) {
      tooLong = true;
      const all = Buffer.concat([...parts, buf.subarray(from, to)]);
      head = all.subarray(0, HEAD_BYTES);
      parts = [];
      size = 0;
      return;
    }
    parts.push(buf.subarray(from, to));
    size += to - from;
  };
  const finish = (end: number): RawRecord | undefined => {
    let record: RawRecord | undefined;
    if (tooLong) record = { line: recordLine, nextLine: line, offset: recordStart, end, head: head!, problem: 'line_too_long' };
    else {
      let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
      if (bytes.length && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
      if (first && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      first = false;
      record = { line: recordLine, nextLine: line, offset: recordStart, end, bytes };
    }
    parts = [];
    size = 0;
    tooLong = false;
    head = undefined;
    quoted = false;
    recordStart = end;
    recordLine = line;
    return record;
  };

  const stream = createReadStream(path, { start: options.start, highWaterMark: options.chunkBytes ?? 1024 * 1024 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let i = 0;
    while (i < chunk.length) {
      const nl = chunk.indexOf(LF, i);
      const stop = nl < 0 ? chunk.length : nl;
      if (csv && !tooLong) {
        // Quotes between i and stop toggle the quoted state (a doubled quote toggles twice).
        for (let q = chunk.indexOf(QUOTE, i); q >= 0 && q < stop; q = chunk.indexOf(QUOTE, q + 1)) quoted = !quoted;
      }
      take(chunk, i, stop);
      if (nl < 0) break;
      line++;
      if (csv && quoted && !tooLong) {
        // A line break inside a quoted field belongs to the record.
        take(chunk, nl, nl + 1);
        i = nl + 1;
        continue;
      }
      const record = finish(pos + nl + 1);
      if (record && (record.problem || record.bytes!.length > 0)) yield record;
      i = nl + 1;
    }
    pos += chunk.length;
  }
  // The file ends without a line end: a last record (complete or not: the caller judges) or a
  // quoted CSV field left open.
  if (size > 0 || tooLong) {
    const open = csv && quoted;
    const record = finish(pos)!;
    if (open && !record.problem) yield { line: record.line, nextLine: record.nextLine, offset: record.offset, end: record.end, head: record.bytes!.subarray(0, HEAD_BYTES), problem: 'partial_line' };
    else yield record.problem ? record : { ...record, unterminated: true };
  }
}
