import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { BACKENDS, testSaring } from '../test-support/storage.js';
import { GAMBLING_REVIEW_TEXT } from '../test-support/texts.js';
import type { Saring } from '../engine.js';
import { scanTexts } from '../scan/scan.js';
import { contentInputSchema, type ContentInput, type ValidContentInput } from './schema.js';
import { createContentWriter, type ContentWriter } from './batch.js';
import type { SubmitResult } from './content.js';

const REMOVED = 'SLOT GACOR maxwin depo 10rb WD cepat bosku, daftar di gacor88';
const ALLOWED = 'Resep nasi goreng kampung, enak dan murah';

describe.each(BACKENDS)('content written in batches on $label', ({ backend, skip }) => {
  let saring: Saring & { adminKey: string };
  let writer: ContentWriter;
  let scan: (input: ValidContentInput) => ReturnType<typeof scanTexts>;
  beforeAll(async () => {
    if (skip) return;
    saring = await testSaring(backend);
    await saring.webhooks.add({ url: 'https://platform.example/saring-hook' }, 'test');
    const cfg = await saring.scanConfig();
    scan = (c) => scanTexts(cfg, { texts: c.texts, audience: c.audience });
    writer = createContentWriter(saring.db, saring.effects);
  });
  afterAll(() => saring?.close());

  const submit = (input: ContentInput, actor = 'api:test') => writer.submit(contentInputSchema.parse(input), scan, actor);

  /** What was stored and set off for an item, without ids and times. */
  async function stored(result: SubmitResult, prefix: string) {
    const c = result.content;
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v).replaceAll(prefix, '<p>').replaceAll(c.id, '<id>')) as unknown;
    const audit = await saring.db.selectFrom('audit_log').select(['action', 'actor']).where('subject_id', '=', c.id).orderBy('seq').execute();
    const hooks = await sql<{ event_type: string }>`SELECT event_type FROM webhook_deliveries WHERE payload::text LIKE ${`%"${c.externalId}"%`} ORDER BY event_type`.execute(saring.db);
    const banked = await saring.db.selectFrom('bank_entries').select(['signal_type', 'provenance', 'category']).where('source_ref', 'in', [...c.decisions.map((d) => d.id), '-']).execute();
    const strikes = await saring.db.selectFrom('strikes').select('category').where('content_id', '=', c.id).execute();
    const cases = await saring.db.selectFrom('review_cases').select(['queue', 'status']).where('content_id', '=', c.id).execute();
    const hashes = await saring.db.selectFrom('content_media_hashes').select(['media_index', 'md5']).where('content_id', '=', c.id).execute();
    return plain({
      created: result.created,
      scanned: result.scanned,
      action: result.verdict?.action,
      item: { externalId: c.externalId, status: c.status, restriction: c.restriction, version: c.version, account: c.account?.externalId ?? null, texts: c.texts, metadata: c.metadata },
      scans: c.scans.map((s) => [s.contentVersion, s.action]),
      versions: c.versions.map((v) => [v.version, v.createdBy]),
      decisions: c.decisions.map((d) => ({ action: d.action, category: d.category, actorType: d.actorType, legalGround: d.legalGround, reason: d.reason, ground: d.statement.ground })),
      audit,
      webhooks: hooks.rows.map((r) => r.event_type),
      banked,
      strikes,
      cases,
      hashes: hashes.map((h) => [h.media_index, h.md5?.slice(1)]),
    });
  }

  const items = (prefix: string): ContentInput[] =>
    Array.from({ length: 12 }, (_, i) => ({
      externalId: `${prefix}-${i}`,
      kind: 'comment',
      texts: { comment: [ALLOWED, GAMBLING_REVIEW_TEXT, REMOVED][i % 3]! },
      ...(i % 4 === 0 ? {} : { account: { externalId: `${prefix}-acc-${i % 2}`, ...(i % 5 === 1 ? { displayName: `Akun ${i}` } : {}) } }),
      ...(i % 3 === 2 ? { media: [{ type: 'image' as const, md5: `${prefix === 'solozq' ? 'a' : 'b'}${String(i).padStart(31, '0')}` }] } : {}),
      metadata: { n: i },
    }));

  it.skipIf(skip)('stores items submitted together in batches, each as it would be stored alone: decisions, audit, webhooks, bank entries, strikes, cases', async () => {
    const alone: SubmitResult[] = [];
    for (const input of items('solozq')) alone.push(await submit(input));
    const before = { ...writer.stats };
    expect(before).toMatchObject({ batches: 12, largest: 1, failed: 0 });
    const together = await Promise.all(items('batchzq').map((input) => submit(input)));
    expect(writer.stats.batches - before.batches).toBeLessThan(12);
    expect(writer.stats.largest).toBeGreaterThan(1);
    expect(writer.stats.failed).toBe(0);
    for (const [i, r] of together.entries()) expect(await stored(r, 'batchzq')).toEqual(await stored(alone[i]!, 'solozq'));
    expect(together.map((r) => r.verdict?.action)).toEqual(expect.arrayContaining(['allow', 'review', 'remove']));
    // The accounts got the last display name given, as one submission after the other leaves it.
    const names = await saring.db.selectFrom('accounts').select(['external_id', 'display_name']).where('external_id', 'like', '%-acc-%').orderBy('external_id').execute();
    expect(names.filter((n) => n.external_id.startsWith('batchzq')).map((n) => n.display_name)).toEqual(names.filter((n) => n.external_id.startsWith('solozq')).map((n) => n.display_name));
    // Creation times keep the order of arrival.
    const created = await saring.db.selectFrom('content_items').select(['external_id', 'created_at']).where('external_id', 'like', 'batchzq-%').orderBy('created_at').orderBy('external_id').execute();
    expect(created.map((r) => r.external_id)).toEqual(items('batchzq').map((i) => i.externalId));
  });

  it.skipIf(skip)('keeps one external id sent several times at once idempotent, and versions a change (through the engine)', async () => {
    const send = (input: ContentInput) => saring.content.submit(input, 'api:test');
    const same = { externalId: 'dup-1', kind: 'comment' as const, texts: { comment: REMOVED } };
    const results = await Promise.all([send(same), send(same), send(same), send({ ...same, externalId: 'dup-other' })]);
    expect(results.filter((r) => r.created)).toHaveLength(2);
    for (const r of results) expect(r).toMatchObject({ verdict: { action: 'remove' }, content: { status: 'removed', version: 1 } });
    const detail = await saring.content.get('dup-1');
    expect(detail.scans).toHaveLength(1);
    expect(detail.decisions).toHaveLength(1);

    const changed = await Promise.all([send({ ...same, externalId: 'dup-2' }), send({ ...same, externalId: 'dup-2', texts: { comment: ALLOWED } })]);
    expect(changed.map((r) => r.created)).toEqual([true, false]);
    const two = await saring.content.get('dup-2');
    expect(two.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(two.scans.map((s) => [s.contentVersion, s.action])).toEqual([
      [1, 'remove'],
      [2, 'allow'],
    ]);
    const audit = await saring.audit.list({ action: 'content.version_added' });
    expect(audit.find((e) => e.subjectId === two.id)).toMatchObject({ data: { externalId: 'dup-2', version: 2, status: 'removed' } });
  });

  it.skipIf(skip)('takes known items in a batch as a single submission does: a retry answers what was stored, a change makes a version', async () => {
    const first = await submit({ externalId: 'known-1', kind: 'comment', texts: { comment: REMOVED } });
    await submit({ externalId: 'known-2', kind: 'comment', texts: { comment: ALLOWED }, account: { externalId: 'known-acc', displayName: 'Before' } });
    const before = { ...writer.stats };
    const [retry, change, fresh] = await Promise.all([
      submit({ externalId: 'known-1', kind: 'comment', texts: { comment: REMOVED } }),
      submit({ externalId: 'known-2', kind: 'comment', texts: { comment: REMOVED }, account: { externalId: 'known-acc' } }),
      submit({ externalId: 'known-3', kind: 'comment', texts: { comment: ALLOWED }, account: { externalId: 'known-acc', displayName: 'After' } }),
    ]);
    expect(writer.stats).toMatchObject({ batches: before.batches + 1, failed: before.failed });
    expect(retry).toMatchObject({ created: false, scanned: false, verdict: { action: 'remove' }, content: { id: first.content.id, version: 1, status: 'removed' } });
    expect(retry.content.scans).toHaveLength(1);
    expect(retry.content.decisions).toHaveLength(1);
    expect(change).toMatchObject({ created: false, scanned: true, verdict: { action: 'remove' }, content: { version: 2, status: 'removed' } });
    expect(change.content.scans.map((s) => [s.contentVersion, s.action])).toEqual([
      [1, 'allow'],
      [2, 'remove'],
    ]);
    expect(change.content.decisions).toHaveLength(1);
    expect(fresh).toMatchObject({ created: true, scanned: true, content: { version: 1, account: { externalId: 'known-acc' } } });
    const audit = await saring.audit.list({ action: 'content.version_added' });
    expect(audit.find((e) => e.subjectId === change.content.id)).toMatchObject({ data: { externalId: 'known-2', version: 2 } });
    const account = await saring.db.selectFrom('accounts').select('display_name').where('external_id', '=', 'known-acc').executeTakeFirstOrThrow();
    expect(account.display_name).toBe('After');
  });

  it.skipIf(skip)("answers each item of a failed batch on its own: one item's error loses none of the others", async () => {
    const hook = async (_trx: unknown, event: { content: { externalId: string } }) => {
      if (event.content.externalId === 'boom') throw new Error('the hook refused boom');
    };
    saring.effects.hooks.scanned.push(hook);
    try {
      const inputs = ['fine-1', 'boom', 'fine-2', 'fine-3'].map((externalId) => ({ externalId, kind: 'comment' as const, texts: { comment: `${ALLOWED} ${externalId}` } }));
      const failed = writer.stats.failed;
      // The four travel together; the batch fails and each is submitted again alone.
      const results = await Promise.allSettled(inputs.map((input) => submit(input)));
      expect(writer.stats.failed).toBe(failed + 1);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'the hook refused boom' });
      for (const id of ['fine-1', 'fine-2', 'fine-3']) expect((await saring.content.get(id)).scans).toHaveLength(1);
      await expect(saring.content.get('boom')).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      saring.effects.hooks.scanned.splice(saring.effects.hooks.scanned.indexOf(hook), 1);
    }
  });
});
