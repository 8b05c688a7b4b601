import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../engine.js';
import { BACKENDS, testSaring } from '../test-support/storage.js';
import type { ImportReject } from './imports.js';

const SPAM = 'SLOT GACOR maxwin depo 10rb WD cepat bosku, daftar di gacor88';
const CLEAN = ['Resep nasi goreng kampung', 'Jalan-jalan sore di Bandung', 'Tutorial gitar untuk pemula'];

/** `n` JSONL rows: every fifth is gambling spam, the rest clean; each with its platform time. */
function rows(n: number, prefix: string, from = 0): string[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return JSON.stringify({
      externalId: `${prefix}-${i}`,
      kind: i % 2 ? 'video' : 'comment',
      account: { externalId: `acct-${i % 7}` },
      texts: { caption: i % 5 === 0 ? `${SPAM} ${i}` : `${CLEAN[i % 3]} ${i}` },
      createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    });
  });
}

async function count(saring: Saring, table: 'content_items' | 'content_versions' | 'scans' | 'decisions' | 'import_runs', prefix?: string): Promise<number> {
  const like = `${prefix}-%`;
  const q =
    !prefix || table === 'import_runs'
      ? sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`
      : table === 'content_items'
        ? sql<{ n: string }>`SELECT count(*) AS n FROM content_items WHERE external_id LIKE ${like}`
        : sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)} t JOIN content_items c ON c.id = t.content_id WHERE c.external_id LIKE ${like}`;
  return Number((await q.execute(saring.db)).rows[0]!.n);
}

async function allRejects(saring: Saring, runId: string): Promise<ImportReject[]> {
  const out: ImportReject[] = [];
  for await (const page of saring.imports.rejects(runId)) out.push(...page);
  return out;
}

describe.each(BACKENDS)('bulk import on $label', ({ backend, skip }) => {
  let saring: Saring & { adminKey: string };
  const tmp = mkdtempSync(join(tmpdir(), 'saring-import-'));
  const media = join(tmp, 'media');
  beforeAll(async () => {
    if (skip) return;
    mkdirSync(media);
    saring = await testSaring(backend, { media: { roots: [media] } as never });
  });
  afterAll(async () => {
    await saring?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it.skipIf(skip)('imports a JSONL file in batches: stores, scans, acts on verdicts and keeps the platform time', async () => {
    const file = join(tmp, 'good.jsonl');
    writeFileSync(file, `${rows(260, 'good').join('\n')}\n`);
    const seen: number[] = [];
    const r = await saring.imports.importFile(file, { batchRows: 100, onProgress: (p) => seen.push(p.bytes) }, 'cli:test');
    expect(r).toMatchObject({ resumed: false, alreadyFinished: false, stopped: false });
    expect(r.run.status).toBe('finished');
    expect(r.run.counts).toMatchObject({ rows: 260, created: 260, scanned: 260, rejected: 0 });
    expect(r.run.counts.allow + r.run.counts.review + r.run.counts.restrict + r.run.counts.remove).toBe(260);
    expect(r.run.counts.remove + r.run.counts.review).toBeGreaterThanOrEqual(52);
    // A checkpoint after each batch, ending at the file's size.
    expect(seen.at(-1)).toBe(r.run.fileBytes);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(await count(saring, 'content_items', 'good')).toBe(260);
    expect(await count(saring, 'scans', 'good')).toBe(260);

    const spam = await saring.content.get('good-5');
    expect(spam.postedAt).toBe(new Date(Date.UTC(2024, 0, 1) + 5 * 60_000).toISOString());
    expect(spam.account?.externalId).toBe('acct-5');
    // The verdict went through the one decision path: a decision with its statement, or a review.
    expect(spam.status === 'removed' ? spam.decisions.length : spam.status).toBeTruthy();
    expect(['removed', 'in_review', 'restricted']).toContain(spam.status);
    const clean = await saring.content.get('good-1');
    expect(clean).toMatchObject({ status: 'active', version: 1 });
    expect(clean.scans).toHaveLength(1);
  });

  it.skipIf(skip)('is idempotent: a finished file is not imported again; --restart finds every row unchanged; a changed row is a new version', async () => {
    const file = join(tmp, 'idem.jsonl');
    writeFileSync(file, `${rows(30, 'idem').join('\n')}\n`);
    const first = await saring.imports.importFile(file, { batchRows: 10 }, 'cli:test');
    expect(first.run.counts.created).toBe(30);
    const again = await saring.imports.importFile(file, {}, 'cli:test');
    expect(again).toMatchObject({ alreadyFinished: true });
    expect(again.run.id).toBe(first.run.id);
    const restarted = await saring.imports.importFile(file, { restart: true, batchRows: 10 }, 'cli:test');
    expect(restarted.run.id).not.toBe(first.run.id);
    expect(restarted.run.counts).toMatchObject({ rows: 30, created: 0, changed: 0, unchanged: 30, scanned: 0 });
    expect(await count(saring, 'content_versions', 'idem')).toBe(30);
    expect(await count(saring, 'scans', 'idem')).toBe(30);

    const lines = rows(30, 'idem');
    lines[3] = JSON.stringify({ externalId: 'idem-3', kind: 'video', texts: { caption: 'Edited caption: resep sambal' } });
    writeFileSync(file, `${lines.join('\n')}\n`);
    const changed = await saring.imports.importFile(file, { batchRows: 10 }, 'cli:test');
    expect(changed.run.counts).toMatchObject({ created: 0, changed: 1, unchanged: 29, scanned: 1 });
    const item = await saring.content.get('idem-3');
    expect(item.version).toBe(2);
    expect(item.versions).toHaveLength(2);
  });

  it.skipIf(skip)('resumes after a batch fails mid-run: every row stored once, nothing twice', async () => {
    const file = join(tmp, 'resume.jsonl');
    writeFileSync(file, `${rows(95, 'resume').join('\n')}\n`);
    await expect(
      saring.imports.importFile(
        file,
        {
          batchRows: 20,
          beforeCommit: (batch) => {
            if (batch === 3) throw new Error('simulated crash in batch 3');
          },
        },
        'cli:test',
      ),
    ).rejects.toThrow(/simulated crash/);
    // Two batches committed with their checkpoint; the third rolled back as a whole.
    expect(await count(saring, 'content_items', 'resume')).toBe(40);
    const runs = await saring.imports.runs();
    const interrupted = runs.find((r) => r.source.endsWith('resume.jsonl'))!;
    expect(interrupted).toMatchObject({ status: 'running', line: 41 });
    expect(interrupted.counts.rows).toBe(40);

    const resumed = await saring.imports.importFile(file, {}, 'cli:test');
    expect(resumed).toMatchObject({ resumed: true });
    expect(resumed.run.id).toBe(interrupted.id);
    expect(resumed.run.counts).toMatchObject({ rows: 95, created: 95, scanned: 95, rejected: 0 });
    expect(await count(saring, 'content_items', 'resume')).toBe(95);
    expect(await count(saring, 'content_versions', 'resume')).toBe(95);
    expect(await count(saring, 'scans', 'resume')).toBe(95);
    const decided = await saring.db
      .selectFrom('decisions')
      .innerJoin('content_items', 'content_items.id', 'decisions.content_id')
      .select(['content_items.external_id'])
      .where('content_items.external_id', 'like', 'resume-%')
      .execute();
    expect(new Set(decided.map((d) => d.external_id)).size).toBe(decided.length);
  });

  it.skipIf(skip)('stops between batches when asked (Ctrl-C), resumable; a run is refused on a file that changed since', async () => {
    const file = join(tmp, 'stop.jsonl');
    writeFileSync(file, `${rows(50, 'stop').join('\n')}\n`);
    const controller = new AbortController();
    const stopped = await saring.imports.importFile(file, { batchRows: 10, signal: controller.signal, onProgress: (p) => p.run.counts.rows >= 20 && controller.abort() }, 'cli:test');
    expect(stopped).toMatchObject({ stopped: true, run: { status: 'running', line: 21 } });
    expect(await count(saring, 'content_items', 'stop')).toBe(20);
    // The same file with another start is not the run's file.
    writeFileSync(file, `${rows(50, 'stop', 1).join('\n')}\n`);
    await expect(saring.imports.importFile(file, {}, 'cli:test')).rejects.toMatchObject({ code: 'invalid_state', message: /--restart/ });
    writeFileSync(file, `${rows(50, 'stop').join('\n')}\n`);
    const rest = await saring.imports.importFile(file, {}, 'cli:test');
    expect(rest).toMatchObject({ resumed: true, stopped: false, run: { status: 'finished', counts: { rows: 50, created: 50 } } });
    expect(await count(saring, 'content_items', 'stop')).toBe(50);
  });

  it.skipIf(skip)('goes on past bad rows and reports each with its line and reason; nothing of a bad row is stored', async () => {
    const good = rows(4, 'bad');
    writeFileSync(join(media, 'clip.mp4'), Buffer.from('not really a video'));
    const lines: (string | Buffer)[] = [
      good[0]!, // line 1
      '{"externalId": "bad-x", "kind": "video", "texts": {"caption": "unterminated"', // 2: malformed
      'x'.repeat(3000), // 3: over the limit
      Buffer.concat([Buffer.from('{"externalId":"bad-utf","kind":"text","texts":{"text":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}}')]), // 4: invalid UTF-8
      JSON.stringify({ externalId: 'bad-1', kind: 'video', texts: { caption: 'different content, same id' } }), // 5: duplicate of line 6? no: line 6 is the first bad-1
      good[1]!, // 6: bad-1 (the same id as line 5 came first)
      JSON.stringify({ externalId: 'bad-sur', kind: 'text', texts: { text: 'a\ud800b' } }).replace('\\ud800', '\\ud800'), // 7: unpaired surrogate
      JSON.stringify({ externalId: 'bad-media', kind: 'video', media: [{ type: 'video', path: 'media/missing.mp4' }] }), // 8: missing media path
      JSON.stringify({ externalId: 'bad-outside', kind: 'video', media: [{ type: 'video', path: '/etc/passwd' }] }), // 9: outside the roots
      JSON.stringify({ externalId: 'bad-future', kind: 'text', texts: { text: 'hello' }, createdAt: '2999-01-01T00:00:00Z' }), // 10
      JSON.stringify({ externalId: 'bad-kind', kind: 'podcast', texts: { text: 'hello' } }), // 11
      '', // 12: blank, skipped
      good[2]!, // 13
      JSON.stringify({ externalId: 'bad-ok-media', kind: 'video', media: [{ type: 'video', path: 'media/clip.mp4' }] }), // 14: readable media
      good[3]!, // 15
      '{"externalId":"bad-tail","kind":"text","te', // 16: the file ends mid-line
    ];
    const file = join(tmp, 'bad.jsonl');
    writeFileSync(file, Buffer.concat(lines.map((l, i) => Buffer.concat([typeof l === 'string' ? Buffer.from(l) : l, Buffer.from(i < lines.length - 1 ? '\n' : '')]))));
    const r = await saring.imports.importFile(file, { batchRows: 4, maxLineBytes: 2048 }, 'cli:test');
    expect(r.run.status).toBe('finished');
    const rejects = await allRejects(saring, r.run.id);
    expect(rejects.map((x) => [x.line, x.code])).toEqual([
      [2, 'invalid_json'],
      [3, 'line_too_long'],
      [4, 'invalid_utf8'],
      [6, 'duplicate_external_id'],
      [7, 'invalid_utf8'],
      [8, 'media_not_found'],
      [9, 'media_path_forbidden'],
      [10, 'time_in_future'],
      [11, 'validation_failed'],
      [16, 'partial_line'],
    ]);
    expect(rejects.find((x) => x.line === 6)).toMatchObject({ externalId: 'bad-1' });
    expect(rejects.find((x) => x.line === 7)!.message).toMatch(/unpaired surrogates/);
    expect(rejects.find((x) => x.line === 3)!.excerpt.length).toBeLessThanOrEqual(2001);
    expect(r.run.counts).toMatchObject({ rows: 15, rejected: 10, created: 5, analysing: 1 });
    expect(await count(saring, 'content_items', 'bad')).toBe(5);
    // The row that came first keeps its content; the later one with the same id was not stored.
    expect((await saring.content.get('bad-1')).texts).toEqual({ caption: 'different content, same id' });
    for (const id of ['bad-x', 'bad-utf', 'bad-sur', 'bad-media', 'bad-outside', 'bad-future', 'bad-kind', 'bad-tail']) {
      await expect(saring.content.get(id)).rejects.toThrow(/does not exist/);
    }
    // Media read from a path is analysed in a job; its verdict comes from there.
    const analysed = await saring.content.get('bad-ok-media');
    expect(analysed.analysis?.status).toMatch(/queued|running|done|failed/);
    expect((analysed.media[0] as { path: string }).path).toBe(join(media, 'clip.mp4'));
  });

  it.skipIf(skip)('refuses an empty file and a wrong CSV column mapping before writing anything', async () => {
    const empty = join(tmp, 'empty.jsonl');
    writeFileSync(empty, '');
    const before = await count(saring, 'import_runs');
    await expect(saring.imports.importFile(empty, {}, 'cli:test')).rejects.toMatchObject({ code: 'invalid_import_file', message: /empty/ });

    const csv = join(tmp, 'wrong.csv');
    writeFileSync(csv, 'post_id,type,body,region\nw-1,video,hello,id\n');
    await expect(saring.imports.importFile(csv, {}, 'cli:test')).rejects.toMatchObject({ code: 'invalid_import_file', message: /"post_id" maps onto no field.*"body" maps onto no field.*"region" maps onto no field/ });
    await expect(saring.imports.importFile(csv, { map: { postid: 'externalId' } }, 'cli:test')).rejects.toMatchObject({ message: /--map names column "postid", which the header does not have/ });
    await expect(saring.imports.importFile(csv, { map: { post_id: 'externalId', type: 'kind', body: 'colour', region: '-' } }, 'cli:test')).rejects.toMatchObject({ message: /"colour" is not a field/ });
    expect(await count(saring, 'import_runs')).toBe(before);
    await expect(saring.content.get('w-1')).rejects.toThrow(/does not exist/);

    const ok = await saring.imports.importFile(csv, { map: { post_id: 'externalId', type: 'kind', body: 'text.caption', region: 'metadata.region' } }, 'cli:test');
    expect(ok.run.counts).toMatchObject({ rows: 1, created: 1 });
    expect(await saring.content.get('w-1')).toMatchObject({ texts: { caption: 'hello' }, metadata: { region: 'id' } });
  });

  it.skipIf(skip)('imports CSV with quoted fields over several lines and rejects rows with the wrong number of fields', async () => {
    const csv = join(tmp, 'posts.csv');
    writeFileSync(
      csv,
      [
        'external_id,kind,caption,account,created_at,media_path',
        'csv-1,video,"Resep ""rendang"", langkah 1',
        'langkah 2",acc-a,2024-05-01T10:00:00Z,',
        'csv-2,comment,Halo semua,acc-b,,',
        'csv-3,comment,too,few',
        `csv-4,video,"${SPAM}",acc-c,2024-05-02T10:00:00+07:00,`,
        'csv-5,video,"never closed',
      ].join('\r\n'),
    );
    const r = await saring.imports.importFile(csv, { batchRows: 2 }, 'cli:test');
    expect(r.run.counts).toMatchObject({ rows: 5, created: 3, rejected: 2 });
    const rejects = await allRejects(saring, r.run.id);
    expect(rejects.map((x) => [x.line, x.code])).toEqual([
      [5, 'validation_failed'],
      [7, 'partial_line'],
    ]);
    expect(rejects[0]!.message).toMatch(/4 fields; the header has 6/);
    expect(await saring.content.get('csv-1')).toMatchObject({ texts: { caption: 'Resep "rendang", langkah 1\r\nlangkah 2' }, postedAt: '2024-05-01T10:00:00.000Z', account: { externalId: 'acc-a' } });
    expect((await saring.content.get('csv-4')).postedAt).toBe('2024-05-02T03:00:00.000Z');
  });

  it.skipIf(skip)('stores a batch: one result per item in order, bad items reported, the others stored', async () => {
    const results = await saring.imports.batch(
      [
        { externalId: 'b-1', kind: 'video', texts: { caption: 'Resep soto' }, createdAt: '2024-02-01T00:00:00Z' },
        { externalId: 'b-2', kind: 'nope' },
        { externalId: 'b-3', kind: 'comment', texts: { comment: SPAM } },
        { externalId: 'b-1', kind: 'video', texts: { caption: 'Resep soto' } },
        { externalId: 'b-3', kind: 'comment', texts: { comment: 'other' } },
        'not an object',
      ],
      'api:test',
    );
    expect(results.map((r) => [r.index, r.externalId, r.ok])).toEqual([
      [0, 'b-1', true],
      [1, 'b-2', false],
      [2, 'b-3', true],
      [3, 'b-1', true],
      [4, 'b-3', false],
      [5, null, false],
    ]);
    expect(results[0]).toMatchObject({ created: true, scanned: true, status: 'active', action: 'allow' });
    expect(results[1]!.error).toMatchObject({ code: 'validation_failed' });
    expect(results[2]!.action).not.toBe('allow');
    expect(results[3]).toMatchObject({ created: false, scanned: false, id: results[0]!.id });
    expect(results[4]!.error).toMatchObject({ code: 'duplicate_external_id' });
    // Sent again: nothing new; the spam item's decision stands.
    const again = await saring.imports.batch([{ externalId: 'b-3', kind: 'comment', texts: { comment: SPAM } }], 'api:test');
    expect(again[0]).toMatchObject({ ok: true, created: false, scanned: false, status: results[2]!.status });
    expect(await count(saring, 'scans', 'b')).toBe(2);
  });
});
