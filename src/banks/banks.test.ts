import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../engine.js';
import { hashMedia } from '../signals/hash/media.js';
import { BACKENDS, testSaring } from '../test-support/storage.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures');
const SPAM = 'slot gacor maxwin depo 10rb WD cepat bosku';

/** The media part of a content item: what `POST /v1/hash?dihedral=true` returns, plus its type. */
async function imageMedia(bytes: Buffer) {
  const h = await hashMedia({ bytes }, { dihedral: true });
  if (h.kind !== 'image') throw new Error('expected an image');
  return { type: 'image' as const, ...h };
}

function vpdqFrames(name: string) {
  return readFileSync(join(FIXTURES, 'vpdq', 'expected', `${name}.txt`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => {
      const [frame, quality, hash, timestamp] = l.split(',');
      return { frame: Number(frame), quality: Number(quality), hash: hash!, timestamp: Number(timestamp) };
    });
}

describe.each(BACKENDS)('banks on $label', ({ backend, skip }) => {
  let saring: Saring;
  const bridge = readFileSync(join(FIXTURES, 'pdq', 'images', 'bridge-mods', 'aaa-orig.jpg'));

  beforeAll(async () => {
    if (!skip) saring = await testSaring(backend);
  });
  afterAll(async () => {
    await saring?.close();
  });

  it.skipIf(skip)('a removal banks the media and keeps it from coming back, even rotated or re-framed', async () => {
    const removed = await saring.content.submit({ externalId: 'img-1', kind: 'image', texts: { caption: SPAM }, media: [await imageMedia(bridge)] }, 'test');
    expect(removed.content.status).toBe('removed');
    const bank = (await saring.banks.list()).find((b) => b.name === 'removals');
    expect(bank?.entries).toBe(3); // pdq, md5, sha256
    const entries = await saring.banks.entries('removals');
    expect(entries.map((e) => e.signalType).sort()).toEqual(['md5', 'pdq', 'sha256']);
    expect(entries[0]).toMatchObject({ provenance: 'removal', sourceRef: removed.content.decisions[0]!.id, category: 'gambling' });

    // The same picture, rotated and re-encoded, with an innocent caption.
    const rotated = await sharp(bridge).rotate(90).jpeg({ quality: 70 }).toBuffer();
    const again = await saring.content.submit({ externalId: 'img-2', kind: 'image', texts: { caption: 'pemandangan jembatan' }, media: [await imageMedia(rotated)] }, 'test');
    expect(again.verdict!.action).toBe('remove');
    const hashEvidence = again.verdict!.categories[0]!.evidence.find((e) => e.source === 'hash');
    expect(hashEvidence).toMatchObject({ source: 'hash', bank: 'removals', media: 0, method: expect.stringMatching(/^pdq-dihedral:/) });
    expect(again.content.decisions[0]!.statement.facts.summary.en).toContain('The image matches content removed earlier.');
    expect(again.content.decisions[0]!.evidence).toContainEqual(expect.objectContaining({ source: 'hash', bank: 'removals' }));
    // A bank-driven removal does not bank again (no drift away from what was removed).
    expect((await saring.banks.list()).find((b) => b.name === 'removals')?.entries).toBe(3);

    // Letterboxed (Meta's sample-b is this bridge): matched through the cropped hash.
    const letterboxed = readFileSync(join(FIXTURES, 'pdq', 'images', 'pytx', 'letterboxed_sample-b.jpg'));
    const boxed = await saring.content.submit({ externalId: 'img-4', kind: 'image', texts: {}, media: [await imageMedia(letterboxed)] }, 'test');
    expect(boxed.verdict!.action).toBe('remove');
    expect(boxed.verdict!.categories[0]!.evidence[0]).toMatchObject({ source: 'hash', method: 'pdq-cropped' });

    // An unrelated picture passes.
    const other = readFileSync(join(FIXTURES, 'pdq', 'images', 'pytx', 'rgb.jpeg'));
    const clean = await saring.content.submit({ externalId: 'img-5', kind: 'image', texts: {}, media: [await imageMedia(other)] }, 'test');
    expect(clean.verdict!.action).toBe('allow');
  });

  it.skipIf(skip)('imports a hash list and acts retroactively on stored content', async () => {
    const stored = readFileSync(join(FIXTURES, 'pdq', 'images', 'misc-images', 'c.png'));
    const media = await imageMedia(stored);
    const before = await saring.content.submit({ externalId: 'retro-1', kind: 'image', texts: {}, media: [media] }, 'test');
    expect(before.content.status).not.toBe('in_review');

    await saring.banks.create({ name: 'partner-list', category: 'csam', action: 'review', description: 'shared hash list' }, 'test');
    const csv = `signal_type,signal_value\npdq,${media.pdq.hash}\nvideo_md5,${'a'.repeat(32)}\n`;
    const result = await saring.banks.importCsv('partner-list', csv, 'test');
    expect(result.added).toHaveLength(2);
    await saring.jobs.drain(['bank-retro-match'], 30_000);
    const after = await saring.content.get('retro-1');
    expect(after.status).toBe('in_review');
    expect(after.scans.at(-1)!.verdict.review).toMatchObject({ queue: 'hash-match', priority: 'urgent', category: 'csam' });

    const exported = await saring.banks.exportCsv('partner-list');
    expect(exported.split('\n')[0]).toBe('signal_type,signal_value,category,note');
    expect(exported).toContain(`pdq,${media.pdq.hash},csam`);
    const audit = await saring.audit.list({ subjectType: 'bank', limit: 1000 });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['bank.created', 'bank.entries_added']));
  });

  it.skipIf(skip)('matches videos by the share of frames, with timestamps', async () => {
    await saring.banks.create({ name: 'videos', category: 'terrorism', action: 'remove' }, 'test');
    const file = readFileSync(join(FIXTURES, 'vpdq', 'expected', 'pattern-hd-no-bar.txt'), 'utf8');
    await saring.banks.importVpdq('videos', file, 'test', { id: 'pattern-hd' });
    const same = await saring.content.submit({ externalId: 'vid-1', kind: 'video', texts: {}, media: [{ type: 'video', vpdq: vpdqFrames('pattern-hd-no-bar') }] }, 'test');
    expect(same.verdict!.action).toBe('remove');
    const ev = same.verdict!.categories[0]!.evidence[0]!;
    expect(ev).toMatchObject({ source: 'hash', bank: 'videos', method: 'vpdq' });
    if (ev.source !== 'hash') throw new Error('expected hash evidence');
    expect(ev.queryMatchPercent).toBeGreaterThanOrEqual(80);
    expect(ev.frames![0]).toMatchObject({ queryTimestamp: expect.any(Number), targetTimestamp: expect.any(Number) });
    const unrelated = await saring.content.submit({ externalId: 'vid-2', kind: 'video', texts: {}, media: [{ type: 'video', vpdq: vpdqFrames('doorknob-hd-no-bar') }] }, 'test');
    expect(unrelated.verdict!.action).toBe('allow');
  });

  it.skipIf(skip)('disabling an entry or a bank stops its matches; deleting is audited', async () => {
    const entry = (await saring.banks.entries('videos'))[0]!;
    await saring.banks.setEntryEnabled('videos', entry.id, false, 'test');
    const off = await saring.banks.match({ kind: 'video', frames: vpdqFrames('pattern-hd-no-bar') });
    expect(off.filter((m) => m.bank === 'videos')).toHaveLength(0);
    await saring.banks.setEntryEnabled('videos', entry.id, true, 'test');
    expect((await saring.banks.match({ kind: 'video', frames: vpdqFrames('pattern-hd-no-bar') })).some((m) => m.bank === 'videos')).toBe(true);
    await saring.banks.update('videos', { enabled: false }, 'test');
    expect((await saring.banks.match({ kind: 'video', frames: vpdqFrames('pattern-hd-no-bar') })).some((m) => m.bank === 'videos')).toBe(false);
    await saring.banks.deleteEntry('videos', entry.id, 'test');
    expect((await saring.audit.list({ action: 'bank.entry_deleted' }))[0]?.data).toMatchObject({ entryId: entry.id, signalType: 'vpdq' });
  });

  it.skipIf(skip)('refuses bad hash lists and changes nothing', async () => {
    const count = (await saring.banks.entries('partner-list', { limit: 1000 })).length;
    await expect(saring.banks.importCsv('partner-list', 'pdq,nothex\n', 'test')).rejects.toMatchObject({ code: 'invalid_hash' });
    await expect(saring.banks.importCsv('partner-list', 'sha1,abc\n', 'test')).rejects.toMatchObject({ code: 'invalid_hash' });
    await expect(saring.banks.importCsv('partner-list', '', 'test')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(saring.banks.importVpdq('partner-list', '0,100,zz,0.0\n', 'test')).rejects.toMatchObject({ code: 'invalid_hash' });
    await expect(saring.banks.addEntries('removals', [{ signalType: 'pdq', value: 'f'.repeat(64) }], 'test')).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await saring.banks.entries('partner-list', { limit: 1000 })).length).toBe(count);
  });
});
