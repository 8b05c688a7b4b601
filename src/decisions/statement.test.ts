import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../audit/log.js';
import { CATEGORIES, CATEGORY_IDS } from '../categories/categories.js';
import { applyVerdict } from '../content/content.js';
import type { Saring } from '../engine.js';
import type { App } from '../http/app.js';
import type { MediaFindings } from '../scan/media-findings.js';
import { scanTexts } from '../scan/scan.js';
import { migrate } from '../db/migrate.js';
import type { Evidence } from '../scan/verdict.js';
import { BACKENDS, testApp, testSaring } from '../test-support/storage.js';
import type { Decision } from './decisions.js';
import { buildStatement, STATEMENT_LIMITS, type StatementOfReasons } from './statement.js';

const SPAM = 'SLOT GACOR maxwin depo 10rb WD cepat bosku';
const box = { x: 10, y: 600, width: 500, height: 60 };

/** The texts a user reads: none may show how the engine works inside. */
function userTexts(s: StatementOfReasons): string {
  return JSON.stringify([s.facts, s.ground, s.message]);
}

function expectNoInternals(s: StatementOfReasons) {
  const text = userTexts(s);
  expect(text).not.toMatch(/weight|score|lexicon|judol|nsfwjs|classifier|removals|entry|pdq|md5|sha256|distance/i);
  expect(text).not.toMatch(/\\\\b|\(\?:|\\\\s/); // no regular expressions
  expect(text).not.toMatch(/\b0\.\d+/); // no scores or weights
  expect(text).not.toMatch(/gambling:/);
}

describe.each(BACKENDS)('statements of reasons on $label', ({ backend, skip }) => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let auth: Record<string, string>;
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    if (skip) return;
    ({ saring, app, auth, close } = await testApp(backend));
  });
  afterAll(() => close());

  const post = (url: string, body: unknown) =>
    app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...auth }, payload: JSON.stringify(body) });

  /** Stores an item with media (hashes only, nothing to analyse), then judges what an analysis found, as the media job does. */
  async function judgeMedia(externalId: string, type: 'image' | 'video', findings: Omit<MediaFindings, 'media' | 'kind' | 'steps'>): Promise<Decision> {
    const stored = await saring.content.submit({ externalId, kind: type, texts: {}, media: [{ type, sha256: createHash('sha256').update(externalId).digest('hex') }] }, 'test');
    const verdict = scanTexts(await saring.scanConfig(), {
      texts: {},
      audience: 'general',
      media: [{ media: 0, kind: type, ...(type === 'video' ? { durationSeconds: 30 } : {}), steps: [{ step: 'ocr', status: 'ok', ms: 1 }], ...findings }],
    });
    await saring.db.transaction().execute((trx) => applyVerdict(trx, saring.effects, stored.content.id, verdict, 'test'));
    const decision = (await saring.content.get(externalId)).decisions.at(-1);
    expect(decision).toBeDefined();
    return decision!;
  }

  it.skipIf(skip)('a gambling removal quotes the words as written, where they were, and why, in Indonesian and English', async () => {
    const res = await post('/v1/content', { externalId: 'gacor-1', kind: 'video', texts: { caption: SPAM } });
    expect(res.statusCode).toBe(201);
    const decision: Decision = res.json().content.decisions[0];
    const { statement } = decision;
    expect(statement.facts.summary.en).toContain('"SLOT GACOR"');
    expect(statement.facts.summary.en).toContain('in the caption');
    expect(statement.facts.summary.en).toContain('Your content has been removed');
    expect(statement.facts.summary.id).toContain('"SLOT GACOR"');
    expect(statement.facts.summary.id).toContain('di keterangan');
    expect(statement.facts.summary.id).toContain('Konten Anda telah dihapus');
    expect(statement.facts.found[0]).toMatchObject({ kind: 'words', where: { en: 'in the caption' } });
    expect(statement.facts.found[0]!.words).toContain('SLOT GACOR');
    expect(statement.ground.explanation.en).toMatch(/online gambling .* prohibited/);
    expect(statement.ground.explanation.id).toMatch(/judi online .* dilarang/);
    expect(statement.ground.explanation.en).toContain('Pasal 27 ayat (2)');
    expect(statement.message.id).toContain('Ajukan banding');
    expect(statement.message.en).toContain('Appeal through the platform');
    expectNoInternals(statement);
    // The technical evidence stays on the decision, for moderators and auditors.
    expect(decision.evidence).toContainEqual(expect.objectContaining({ source: 'caption', match: 'SLOT GACOR', lexicon: 'gambling', weight: expect.any(Number) }));
    expect(decision.reason).toMatch(/^Automated scan/);
    const got = (await app.inject({ url: `/v1/decisions/${decision.id}`, headers: auth })).json();
    expect(got.statement).toEqual(statement);
    expect(got.evidence).toEqual(decision.evidence);

    // Styled letters are quoted as the user styled them.
    const styled = (await post('/v1/content', { externalId: 'gacor-2', kind: 'video', texts: { caption: '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb' } })).json();
    expect(styled.content.decisions[0].statement.facts.summary.en).toContain('"𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑"');
  });

  it.skipIf(skip)('text read in a still image is "in the image", never at a time', async () => {
    const decision = await judgeMedia('img-ocr', 'image', { ocr: [{ text: 'SLOT GACOR MAXWIN DEPO 10RB', timestamp: 0, until: 0, box, confidence: 0.95 }] });
    expect(decision.action).toBe('remove');
    const { summary, found } = decision.statement.facts;
    expect(summary.en).toMatch(/"SLOT GACOR".* in the image/);
    expect(summary.id).toMatch(/"SLOT GACOR".* di gambar/);
    expect(found.find((f) => f.kind === 'words')?.where).toEqual({ id: 'di gambar', en: 'in the image' });
    expect(userTexts(decision.statement)).not.toMatch(/\d:\d\d/);
    expectNoInternals(decision.statement);
    expect(decision.evidence).toContainEqual(expect.objectContaining({ source: 'ocr', timestamp: 0, box }));
  });

  it.skipIf(skip)('text read on screen in a video gives the time it was shown', async () => {
    const decision = await judgeMedia('vid-ocr', 'video', {
      ocr: [
        { text: 'Selamat datang', timestamp: 1, until: 2, box, confidence: 0.9 },
        { text: 'SLOT GACOR MAXWIN DEPO 10RB', timestamp: 5, until: 8, box, confidence: 0.95 },
      ],
    });
    expect(decision.statement.facts.summary.en).toContain('on screen in the video at 0:05–0:08');
    expect(decision.statement.facts.summary.id).toContain('di layar video pada 0:05–0:08');
    expectNoInternals(decision.statement);
  });

  it.skipIf(skip)('words said in a video and nudity in it are told with their times', async () => {
    const said = await judgeMedia('vid-asr', 'video', { transcript: [{ text: 'ayo daftar sekarang, slot gacor maxwin, depo sepuluh ribu wd cepat', timestamp: 12.5, until: 17 }] });
    expect(said.statement.facts.summary.en).toContain('spoken in the video at 0:12–0:17');
    expect(said.statement.facts.summary.id).toContain('diucapkan dalam video pada 0:12–0:17');
    const neutral = { porn: 0.01, hentai: 0.01, sexy: 0.02, drawing: 0.06, neutral: 0.9 };
    const nude = await judgeMedia('vid-nude', 'video', {
      nudity: { classifier: 'nsfwjs/test', frames: [{ timestamp: 3, scores: neutral }, { timestamp: 14, scores: { ...neutral, porn: 0.8, hentai: 0.15, neutral: 0.01 } }] },
    });
    expect(nude.statement.facts.summary.en).toContain('The video shows nudity at 0:14.');
    expect(nude.statement.facts.summary.id).toContain('Video menampilkan ketelanjangan pada 0:14.');
    expectNoInternals(nude.statement);
  });

  it.skipIf(skip)('a bank match says the media matches content removed earlier, without bank, entry or hash', async () => {
    const media = [{ type: 'image' as const, sha256: 'ab'.repeat(32), md5: 'cd'.repeat(16) }];
    const first = await saring.content.submit({ externalId: 'bank-1', kind: 'image', texts: { caption: SPAM }, media }, 'test');
    expect(first.content.status).toBe('removed');
    const again = await saring.content.submit({ externalId: 'bank-2', kind: 'image', texts: { caption: 'pemandangan jembatan' }, media }, 'test');
    const decision = again.content.decisions[0]!;
    expect(decision.action).toBe('remove');
    expect(decision.statement.facts.summary.en).toContain('The image matches content removed earlier.');
    expect(decision.statement.facts.summary.id).toContain('Gambar ini cocok dengan konten yang sebelumnya telah dihapus.');
    expect(decision.statement.facts.found).toEqual([expect.objectContaining({ kind: 'removed_content' })]);
    expectNoInternals(decision.statement);
    const hash = decision.evidence.find((e) => e.source === 'hash');
    expect(hash).toMatchObject({ bank: 'removals', entryId: expect.any(Number) });
    expect(userTexts(decision.statement)).not.toContain(String((hash as { entryId: number }).entryId) + ' ');
  });

  it.skipIf(skip)("a moderator's own reason is the human reason; a restore names no legal ground", async () => {
    const res = await post('/v1/content/gacor-1/decisions', { action: 'allow', reason: 'Ulasan game, bukan promosi judi.' });
    expect(res.statusCode).toBe(201);
    const decision: Decision = res.json();
    expect(decision.statement.facts.summary.en).toContain('A moderator took this decision.');
    expect(decision.statement.facts.summary.en).toContain('Reason given: Ulasan game, bukan promosi judi.');
    expect(decision.statement.facts.summary.id).toContain('Alasan yang diberikan: Ulasan game, bukan promosi judi.');
    expect(decision.statement.ground).toMatchObject({ type: 'none', legalGround: null });
    expect(decision.reason).toBe('Ulasan game, bukan promosi judi.');
  });
});

describe.each(BACKENDS)('decisions stored before migration 0007 on $label', ({ backend, skip }) => {
  it.skipIf(skip)('keep their evidence and reason, and are told in plain words', async () => {
    const saring = await testSaring(backend);
    try {
      const { content } = await saring.content.submit({ externalId: 'old-1', kind: 'video', texts: { caption: 'resep rendang enak' } }, 'test');
      // The database as it was before 0007.
      await sql`ALTER TABLE decisions DROP COLUMN evidence, DROP COLUMN reason`.execute(saring.db);
      await sql`DELETE FROM saring_migrations WHERE id = '0007_decision_evidence'`.execute(saring.db);
      const evidence: Evidence[] = [
        { source: 'caption', field: 'caption', match: 'depo 10rb', start: 0, end: 9, term: '\\b(?:depo|deposit)\\s?\\d+', lexicon: 'gambling', lexiconVersion: 1, weight: 0.75 },
      ];
      const id = randomUUID();
      const decidedAt = new Date('2025-01-02T03:04:05.000Z');
      const gambling = CATEGORIES.gambling;
      // A statement as the code before 0007 wrote it.
      const legacy = {
        decisionId: id,
        content: { id: content.id, externalId: 'old-1', kind: 'video' },
        visibility: 'removed',
        action: 'remove',
        category: 'gambling',
        categoryLabel: gambling.label,
        ground: { type: 'illegal_content', legalGround: gambling.legalGround, explanation: `Online gambling is prohibited content under Indonesian law (${gambling.legalGround}).` },
        facts: { summary: 'spam judi Found: "depo 10rb" in caption (gambling: \\b(?:depo|deposit)\\s?\\d+, weight 0.75).', evidence },
        automatedDetection: true,
        automatedDecision: 'partially',
        source: 'own_initiative',
        territorialScope: ['ID'],
        redress: [],
        decidedAt: decidedAt.toISOString(),
      };
      await saring.db
        .insertInto('decisions')
        .values({
          id,
          content_id: content.id,
          actor_type: 'moderator',
          action: 'remove',
          category: 'gambling',
          legal_ground: gambling.legalGround,
          automated_detection: true,
          automated_decision: false,
          statement: JSON.stringify(legacy),
          created_at: decidedAt,
        } as never)
        .execute();
      await appendAudit(saring.db, { actor: 'user:dewi', action: 'decision.created', subjectType: 'content', subjectId: content.id, data: { decisionId: id, reason: 'spam judi' } });

      expect(await migrate(saring.db)).toEqual(['0007_decision_evidence']);
      const decision = await saring.decisions.get(id);
      expect(decision.evidence).toEqual(evidence);
      expect(decision.reason).toBe('spam judi');
      expect(decision.statement).toMatchObject({ decisionId: id, decidedAt: decidedAt.toISOString(), category: 'gambling', visibility: 'removed' });
      expect(decision.statement.facts.summary.en).toContain('"depo 10rb" in the caption');
      expect(decision.statement.facts.summary.id).toContain('"depo 10rb" di keterangan');
      expect(decision.statement.facts.summary.en).toContain('Reason given: spam judi');
      expectNoInternals(decision.statement);
      expect((await saring.content.get('old-1')).decisions.find((d) => d.id === id)?.statement).toEqual(decision.statement);
    } finally {
      await saring.close();
    }
  });
});

describe('statement limits', () => {
  it('keeps the legal ground, explanation and facts within the DSA limits, whatever the evidence and reason', () => {
    const evidence: Evidence[] = Array.from({ length: 200 }, (_, i) => ({
      source: 'caption' as const,
      field: `field_${i % 30}`,
      match: `${'x'.repeat(300)}${i}`,
      start: 0,
      end: 303,
      term: 'x',
      lexicon: 'gambling',
      lexiconVersion: 1,
      weight: 0.5,
    }));
    for (const category of CATEGORY_IDS) {
      const s = buildStatement({
        decisionId: 'd',
        content: { id: 'c', externalId: 'e', kind: 'video' },
        action: 'remove',
        category,
        actorType: 'moderator',
        automatedDetection: true,
        evidence,
        reason: 'r'.repeat(5000),
        decidedAt: new Date(0),
      });
      expect(s.ground.legalGround!.length).toBeLessThanOrEqual(STATEMENT_LIMITS.legalGround);
      for (const lang of ['id', 'en'] as const) {
        expect(s.ground.explanation[lang].length).toBeLessThanOrEqual(STATEMENT_LIMITS.explanation);
        expect(s.facts.summary[lang].length).toBeLessThanOrEqual(STATEMENT_LIMITS.facts);
      }
      expect(s.facts.found.flatMap((f) => f.words ?? []).length).toBeLessThanOrEqual(5);
    }
  });
});
