import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/csv.js';
import { Prng } from './prng.js';
import { DsvSplitter, readDataRows, type DataRow, type ReadOptions } from './reader.js';
import { MASK } from './text-prep.js';

const tmp = mkdtempSync(join(tmpdir(), 'saring-classifier-reader-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function file(content: string | Buffer, ext = 'csv'): string {
  const path = join(tmp, `f${++n}.${ext}`);
  writeFileSync(path, content);
  return path;
}

async function all(path: string, options: ReadOptions): Promise<DataRow[]> {
  const out: DataRow[] = [];
  for await (const r of readDataRows(path, options)) out.push(r);
  return out;
}

describe('CSV', () => {
  it('reads quoted multi-line fields, doubled quotes, CRLF and a BOM, numbering rows from 1', async () => {
    const path = file('\ufefftext,label\r\n"baris satu\r\nbaris dua, masih sama",1\r\n"dia bilang ""gacor""",0\r\n\r\nbiasa saja,0');
    const rows = await all(path, { text: 'text', labels: ['label'] });
    expect(rows.map((r) => [r.row, r.line, r.text, r.labels[0]])).toEqual([
      [1, 2, 'baris satu\r\nbaris dua, masih sama', '1'],
      [2, 4, 'dia bilang "gacor"', '0'],
      [3, 6, 'biasa saja', '0'],
    ]);
  });

  it('splits exactly like parseCsv whatever the chunk boundaries', () => {
    const rng = new Prng(7);
    const alphabet = ['a', 'b', ',', '"', '\n', '\r\n', ' ', 'é', '😀'];
    for (let round = 0; round < 300; round++) {
      let s = '';
      const len = rng.int(40);
      for (let i = 0; i < len; i++) s += alphabet[rng.int(alphabet.length)]!;
      let expected: string[][];
      try {
        expected = parseCsv(s);
      } catch {
        continue; // an unclosed quote: checked below
      }
      const sp = new DsvSplitter(',', 1e6, 'x');
      let i = 0;
      while (i < s.length) {
        const step = 1 + rng.int(5);
        sp.feed(s.slice(i, i + step));
        i += step;
      }
      sp.end();
      expect(sp.out.map((r) => r.fields), JSON.stringify(s)).toEqual(expected);
    }
  });

  it('reads TSV and JSON Lines', async () => {
    const tsv = file('id\ttext\tlabel\n1\t"tab\tinside"\t1\n2\tplain\t0\n', 'tsv');
    expect((await all(tsv, { text: 'text', labels: ['label'] })).map((r) => r.text)).toEqual(['tab\tinside', 'plain']);
    const jsonl = file('{"text":"satu","label":1}\n\n{"text":"dua","label":false}\r\n', 'jsonl');
    expect((await all(jsonl, { text: 'text', labels: ['label'] })).map((r) => [r.row, r.line, r.text, r.labels[0]])).toEqual([
      [1, 1, 'satu', '1'],
      [2, 3, 'dua', '0'],
    ]);
  });

  it('decodes latin-1 with an encoding, and names the encoding problem without it', async () => {
    const bytes = Buffer.concat([Buffer.from('text,label\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]), Buffer.from(',0\n')]);
    const path = file(bytes);
    expect((await all(path, { text: 'text', labels: ['label'], encoding: 'latin1' }))[0]!.text).toBe('café “ok”');
    await expect(all(path, { text: 'text' })).rejects.toThrow(/not valid utf-8 .*--encoding/);
    await expect(all(path, { text: 'text', encoding: 'klingon' })).rejects.toThrow(/Unknown encoding "klingon"/);
  });

  it('decodes escaped emoji and masks as it reads', async () => {
    const path = file('text\n"mantap \\U0001F600 USER cek [URL]"\n');
    expect((await all(path, { text: 'text' }))[0]!.text).toBe(`mantap 😀  ${MASK}  cek  ${MASK} `);
  });

  it('names what is wrong', async () => {
    const cases: [string | Buffer, ReadOptions, RegExp, string?][] = [
      ['', { text: 'text' }, /is empty/],
      ['\n\n', { text: 'text' }, /no header row/],
      ['text,label\n', { text: 'text' }, /header but no data rows/],
      ['comment,label\nx,1\n', { text: 'text' }, /no text column "text"; its columns are: "comment", "label"/],
      ['text,label\nx,1\n', { text: 'text', labels: ['label', 'toxic'] }, /no label column "toxic"; its columns are: "text", "label"/],
      ['text\n"never closed\n', { text: 'text' }, /quoted field that starts at line 2 is never closed/],
      [`text\n${'x'.repeat(500)}\n`, { text: 'text', maxRecordChars: 100 }, /line 2 \(row 1\) is over the limit of 100 characters/],
      [`text\n"${'x\n'.repeat(300)}`, { text: 'text', maxRecordChars: 100 }, /over the limit of 100 characters \(a quote that is never closed\?\)/],
      ['{"text":"a"}\n{"text": nope}\n', { text: 'text' }, /row 2 \(line 2\) is not JSON/, 'jsonl'],
      ['{"comment":"a"}\n', { text: 'text' }, /no text column "text"; its columns are: "comment"/, 'jsonl'],
      [`{"text":"${'x'.repeat(200)}"}\n`, { text: 'text', maxRecordChars: 100 }, /line 1 \(row 1\) is over the limit/, 'jsonl'],
    ];
    for (const [content, options, message, ext] of cases) {
      await expect(all(file(content, ext), options), String(message)).rejects.toThrow(message);
    }
    await expect(all(join(tmp, 'missing.csv'), { text: 'text' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(all(file('a\n"'), { text: 'a' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('streams a ~50 MB file with bounded memory', async () => {
    const path = join(tmp, 'big.csv');
    const out = createWriteStream(path);
    const note = 'catatan panjang, "dikutip" '.repeat(70); // ~1.9 kB per row in a column not read
    const rows = 26_000;
    out.write('id,text,notes,label\n');
    for (let i = 1; i <= rows; i++) {
      if (!out.write(`${i},"komentar nomor ${i}\nbaris kedua","${note.replace(/"/g, '""')}",${i % 2}\n`)) {
        await new Promise<void>((r) => out.once('drain', () => r()));
      }
    }
    await new Promise<void>((r) => out.end(() => r()));
    global.gc?.();
    const base = process.memoryUsage().heapUsed;
    let peak = base;
    let count = 0;
    let last = 0;
    for await (const r of readDataRows(path, { text: 'text', labels: ['label'] })) {
      count++;
      expect(r.row).toBe(last + 1);
      last = r.row;
      if (count % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(count).toBe(rows);
    // The file is ~50 MB (~100 MB as JS strings); the reader holds a chunk and a record at a time.
    expect(peak - base).toBeLessThan(40 * 1024 * 1024);
  });
});
