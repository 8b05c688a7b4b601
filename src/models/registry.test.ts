import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../engine.js';
import { saveModel, trainClassifier } from '../signals/text/classifier/index.js';
import { BACKENDS, testSaring } from '../test-support/storage.js';

const SPAM = '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb WD cepat bosku';

function modelEvidence(v: Awaited<ReturnType<Saring['scan']>>) {
  return v.categories.find((c) => c.category === 'gambling')?.evidence.find((e) => e.source === 'model');
}

describe.each(BACKENDS)('model registry on $label', ({ backend, skip }) => {
  let saring: Saring;
  const dir = mkdtempSync(join(tmpdir(), 'saring-model-'));
  beforeAll(async () => {
    if (!skip) saring = await testSaring(backend);
  });
  afterAll(async () => {
    await saring?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(skip)('seeds the shipped gambling model, which the default policy uses with the lexicon', async () => {
    const models = await saring.models.list();
    expect(models).toEqual([expect.objectContaining({ name: 'judol', version: 1, active: true, labels: ['promo'] })]);
    const v = await saring.scan({ text: SPAM });
    expect(v.action).toBe('remove');
    expect(modelEvidence(v)).toMatchObject({ source: 'model', model: 'judol', version: 1, label: 'promo' });
    const criticism = await saring.scan({ text: 'judi online itu haram, jauhi ya teman-teman' });
    expect(criticism.action).toBe('allow');
  });

  it.skipIf(skip)('a newly trained model becomes the next version at once, and an older one can come back', async () => {
    const rows = [
      ...Array.from({ length: 40 }, (_, i) => ({ text: `kodok hijau nomor ${i} melompat tinggi`, labels: [1] })),
      ...Array.from({ length: 40 }, (_, i) => ({ text: `kucing belang nomor ${i} tidur siang`, labels: [0] })),
    ];
    const model = await trainClassifier(rows, { seed: 7, labelNames: ['promo'], holdout: 0 });
    saveModel(model, dir);
    const v2 = await saring.models.register('judol', dir, 'test', { note: 'frogs' });
    expect(v2).toMatchObject({ name: 'judol', version: 2, active: true });
    expect(modelEvidence(await saring.scan({ text: 'kodok hijau melompat, slot gacor' }))).toMatchObject({ version: 2 });
    await saring.models.activate('judol', 1, 'test');
    expect(modelEvidence(await saring.scan({ text: SPAM }))).toMatchObject({ version: 1 });
    // The same weights again are not stored twice.
    expect((await saring.models.register('judol', dir, 'test', { activate: false })).version).toBe(2);
    const audit = (await saring.audit.list({ subjectType: 'model', limit: 100 })).map((e) => e.action);
    expect(audit).toEqual(['model.registered', 'model.activated', 'model.registered', 'model.activated', 'model.activated']);
  });

  it.skipIf(skip)('refuses a policy that names a model with no active version', async () => {
    const policy = 'id: p\nname: P\ncategories:\n  gambling:\n    sources: [lexicon, { model: nope, label: promo }]\n    rules: [{ minScore: 0.9, action: remove }]\n';
    await expect(saring.policy.activate(policy, 'test')).rejects.toMatchObject({ code: 'invalid_policy', message: expect.stringContaining('nope') });
  });
});
