import type { Readable } from 'node:stream';

export type Line = { ok: true; bytes: Buffer } | { ok: false; reason: 'too_long' };

/**
 * Splits a byte stream into lines (LF or CRLF) without decoding, so each line can be checked for
 * valid UTF-8 on its own. A line longer than `maxBytes` is reported once and skipped, so memory
 * stays bounded whatever the input.
 */
export async function* byteLines(stream: Readable, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  const finish = (): Line | undefined => {
    if (skipping) {
      skipping = false;
      return { ok: false, reason: 'too_long' };
    }
    let line = Buffer.concat(parts, size);
    if (line.length > 0 && line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
    parts = [];
    size = 0;
    return { ok: true, bytes: line };
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      if (!skipping) {
        if (size + (end - start) > maxBytes) {
          skipping = true;
          parts = [];
          size = 0;
        } else if (end > start) {
          parts.push(chunk.subarray(start, end));
          size += end - start;
        }
      }
      if (nl === -1) break;
      yield finish()!;
      start = nl + 1;
    }
  }
  if (skipping || size > 0) yield finish()!;
}
