import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from './model.js';
import { Prng } from './prng.js';
import { runCli } from '../../../test-support/cli.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const SHIPPED = join(ROOT, 'models', 'judol');
const tmp = mkdtempSync(join(tmpdir(), 'saring-model-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const saring = (args: string[], env: Record<string, string> = {}) => runCli(args, join(tmp, 'none'), env);

const SPAM = ['slot gacor', 'maxwin hari ini', 'depo 10rb', 'wd cepat', 'bonus new member', 'link di bio bosku', 'rtp tinggi'];
const HAM = ['resep rendang', 'cuaca cerah', 'pertandingan bola', 'belajar matematika', 'lagu baru', 'jalan macet', 'kucing lucu'];
const csvField = (s: string) => `"${s.replace(/"/g, '""')}"`;

function dataset(n: number, seed: number): { csv: string; spam: boolean[] } {
  const rng = new Prng(seed);
  const spam: boolean[] = [];
  const lines = ['id,text,label'];
  for (let i = 0; i < n; i++) {
    const pos = i % 3 === 0;
    const pool = pos ? SPAM : HAM;
    const text = `${pool[rng.int(pool.length)]} ${pool[rng.int(pool.length)]}${i % 5 === 0 ? '\nbaris kedua' : ''} ${rng.int(10000)} café`;
    spam.push(pos);
    lines.push(`${i},${csvField(text)},${pos ? 1 : 0}`);
  }
  return { csv: `${lines.join('\n')}\n`, spam };
}

const train = join(tmp, 'train.csv');
const test = join(tmp, 'test.csv');
const testLatin1 = join(tmp, 'test-latin1.csv');
const out = join(tmp, 'model');
let testSpam: boolean[] = [];

beforeAll(() => {
  writeFileSync(train, dataset(600, 1).csv);
  const t = dataset(60, 2);
  testSpam = t.spam;
  writeFileSync(test, t.csv);
  writeFileSync(testLatin1, Buffer.from(t.csv, 'latin1'));
});

describe('saring model', () => {
  it('says why the holdout share of a small file differs from the one asked for', async () => {
    const small = join(tmp, 'small.csv');
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${i % 2 ? 'slot gacor maxwin' : 'resep rendang enak'} nomor ${i},${i % 2}`);
    writeFileSync(small, `id,text,label\n${rows.join('\n')}\n`);
    // With seed 10 no text of these 20 falls in the holdout: 0 %, asked 20 %.
    const r = await saring(['model', 'train', '--data', small, '--text', 'text', '--label', 'label', '--out', join(tmp, 'small-model'), '--holdout', '0.2', '--seed', '10', '--hash-bits', '12']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/note: holdout 0 % \(asked 20 %\) of 20 unique texts: each text falls into a split by a hash of its normalised form/);
  });

  it('trains, shows, evaluates and predicts (in order), without a database', async () => {
    const trained = await saring(['model', 'train', '--data', train, '--text', 'text', '--label', 'label=promo', '--out', out, '--holdout', '0.2', '--seed', '3', '--hash-bits', '16']);
    expect(trained.code, trained.stderr).toBe(0);
    expect(trained.stderr).toBe(''); // no progress bar when stderr is not a terminal
    expect(trained.stdout).toMatch(/holdout:\nlabel\s+precision\s+recall\s+F1\s+support\npromo\s+\d/);
    expect(trained.stdout).toMatch(/rows 600, unique \d+ \(\d+ duplicates removed/);
    expect(existsSync(join(out, 'weights.bin'))).toBe(true);

    const show = await saring(['model', 'show', '--model', out, '--json']);
    expect(JSON.parse(show.stdout)).toMatchObject({ task: 'binary', labels: [{ name: 'promo', source: 'label' }], training: { seed: 3, rows: 600 } });
    expect((await saring(['model', 'show', '--model', out])).stdout).toMatch(/binary, labels: promo \(threshold/);

    const evaluated = await saring(['model', 'eval', '--model', out, '--data', test, '--text', 'text', '--label', 'label', '--json']);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const m = JSON.parse(evaluated.stdout);
    expect(Object.keys(m.labels)).toEqual(['promo']);
    expect(m.labels.promo).toMatchObject({ support: 20 });
    expect(m.labels.promo.f1).toBeGreaterThan(0.9);
    expect(m.macroF1).toBe(m.labels.promo.f1);
    expect((await saring(['model', 'eval', '--model', out, '--data', test, '--text', 'text', '--label', 'label'])).stdout).toMatch(/^label\s+precision/);

    const predicted = await saring(['model', 'predict', '--model', out, '--data', test, '--text', 'text', '--json']);
    expect(predicted.code, predicted.stderr).toBe(0);
    const lines = predicted.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.row)).toEqual(testSpam.map((_, i) => i + 1));
    const agree = lines.filter((l, i) => l.labels.promo.predicted === (testSpam[i] ? 1 : 0)).length;
    expect(agree / lines.length).toBeGreaterThan(0.9);
    for (const l of lines) expect(l.labels.promo.score).toBeGreaterThanOrEqual(0);

    // The same rows in latin-1 give the same scores with --encoding latin1.
    const latin = await saring(['model', 'predict', '--model', out, '--data', testLatin1, '--text', 'text', '--json', '--encoding', 'latin1']);
    expect(latin.stdout).toBe(predicted.stdout);
    const refused = await saring(['model', 'predict', '--model', out, '--data', testLatin1, '--text', 'text', '--json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not valid utf-8 \(near byte \d+\); give its encoding with --encoding .*\[validation_failed\]/);

    const explained = await saring(['model', 'predict', '--model', out, '--data', test, '--text', 'text', '--json', '--explain']);
    expect(JSON.parse(explained.stdout.split('\n')[0]!).top.promo.length).toBeGreaterThan(0);
  });

  it('trains with inner-fold thresholds, class weights, an ensemble and more views; eval prints a calibration table', async () => {
    const rng = new Prng(4);
    const lines = ['text,judi,pinjol'];
    for (let i = 0; i < 400; i++) {
      const a = i % 3 === 0;
      const b = i % 7 === 0;
      const words = [HAM[rng.int(HAM.length)]!, String(rng.int(100000)), ...(a ? [SPAM[rng.int(SPAM.length)]!] : []), ...(b ? ['pinjol cair tanpa jaminan'] : [])];
      lines.push(`${csvField(words.join(' '))},${a ? 1 : 0},${b ? 1 : 0}`);
    }
    const data = join(tmp, 'multi.csv');
    writeFileSync(data, `${lines.join('\n')}\n`);
    const dir = join(tmp, 'multi-model');
    const trained = await saring([
      'model', 'train', '--data', data, '--text', 'text', '--label', 'judi,pinjol', '--out', dir, '--epochs', '3',
      '--threshold-folds', '3', '--ensemble', '2', '--class-weight', 'sqrt', '--char-views', 'leet,base', '--max-model-mb', '1',
    ]);
    expect(trained.code, trained.stderr).toBe(0);
    expect(trained.stdout).toMatch(/also over the leet and base views/);
    expect(trained.stdout).toMatch(/class weights sqrt; 2 models averaged; thresholds: max F1 on 3 inner folds/);
    expect(trained.stdout).toMatch(/out-of-fold at the chosen thresholds \(3 inner folds\):\n  judi: threshold/);
    expect(statSync(join(dir, 'weights.bin')).size).toBeLessThanOrEqual(1024 * 1024);

    const text = await saring(['model', 'eval', '--model', dir, '--data', data, '--text', 'text', '--label', 'judi,pinjol']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/calibration: judi \(threshold \d\.\d{4}\)\nscore\s+texts\s+positives\s+precision/);
    expect(text.stdout).toMatch(/\n0\.90–1\.00 /);
    expect(text.stdout).toMatch(/calibration: pinjol/);
    const json = await saring(['model', 'eval', '--model', dir, '--data', data, '--text', 'text', '--label', 'judi,pinjol', '--json', '--bins', '5']);
    const m = JSON.parse(json.stdout);
    expect(m.calibration.judi).toHaveLength(5);
    expect(m.calibration.judi.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(m.rows);
    expect(m.calibration.pinjol[0]).toMatchObject({ from: 0.8, to: 1 });
    expect(m.calibration.pinjol[4].recallAtOrAbove).toBe(1);

    for (const [flag, value, message] of [
      ['--class-weight', 'heavy', /--class-weight must be none, balanced or sqrt/],
      ['--char-views', 'skeleton', /--char-views takes leet, base/],
      ['--threshold-folds', '1', /--threshold-folds must be 0 or from 2 to 20/],
      ['--ensemble', '40', /--ensemble must be an integer from 1 to 16/],
    ] as const) {
      const r = await saring(['model', 'train', '--data', data, '--text', 'text', '--label', 'judi,pinjol', '--out', join(tmp, 'never'), flag, value]);
      expect(r.code, flag).toBe(1);
      expect(r.stderr).toMatch(message);
    }
  });

  it('says clearly what is wrong with the data, exit 1', async () => {
    const write = (name: string, content: string) => {
      const p = join(tmp, name);
      writeFileSync(p, content);
      return p;
    };
    const cases: [string[], RegExp][] = [
      [['--data', write('empty.csv', ''), '--text', 'text', '--label', 'label'], /empty\.csv is empty\. \[validation_failed\]/],
      [['--data', train, '--text', 'komentar', '--label', 'label'], /no text column "komentar"; its columns are: "id", "text", "label"\. \[validation_failed\]/],
      [['--data', train, '--text', 'text', '--label', 'label,toxic'], /no label column "toxic"; its columns are: "id", "text", "label"/],
      [['--data', write('one.csv', 'text,label\na,0\nb,0\n'), '--text', 'text', '--label', 'label'], /Only one class in label "label": every row is 0/],
      [['--data', write('ml.csv', 'text,a,b\nx,0,1\ny,1,2\n'), '--text', 'text', '--label', 'a,b'], /row 2 \(line 3\): column "b" is "2", not 0 or 1/],
      [['--data', write('long.csv', `text,label\n"${'x'.repeat(300)}",1\n`), '--text', 'text', '--label', 'label', '--max-record-chars', '100'], /over the limit of 100 characters/],
      [['--data', join(tmp, 'missing.csv'), '--text', 'text', '--label', 'label'], /No such file.*\[not_found\]/],
      [['--data', train, '--text', 'text', '--label', 'label', '--holdout', '2'], /--holdout must be a number from 0 to 0.9/],
    ];
    for (const [args, message] of cases) {
      const r = await saring(['model', 'train', ...args, '--out', join(tmp, 'never')]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^saring: /);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(join(tmp, 'never'))).toBe(false);
    const noModel = await saring(['model', 'show', '--model', join(tmp, 'nothing')]);
    expect(noModel.stderr).toMatch(/No model in .* \[not_found\]/);
  });
});

describe('saring model on a ~50 MB file', () => {
  it('predicts and evaluates in order within a 48 MB heap (streaming)', async () => {
    const path = join(tmp, 'big.csv');
    const out = createWriteStream(path);
    const note = 'catatan panjang yang tidak dibaca, '.repeat(55); // ~1.9 kB per row in a column not scored
    const rows = 26_000;
    out.write('id,text,notes,label\n');
    for (let i = 1; i <= rows; i++) {
      const text = i % 2 ? `slot gacor maxwin depo ${i} bosku` : `resep rendang nomor ${i}`;
      if (!out.write(`${i},"${text}","${note}",${i % 2}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(() => r()));
    expect(statSync(path).size).toBeGreaterThan(48 * 1024 * 1024);
    const env = { NODE_OPTIONS: '--max-old-space-size=48' };
    const predicted = await saring(['model', 'predict', '--model', SHIPPED, '--data', path, '--text', 'text', '--json'], env);
    expect(predicted.code, predicted.stderr).toBe(0);
    const lines = predicted.stdout.trim().split('\n');
    expect(lines).toHaveLength(rows);
    lines.forEach((l, i) => {
      const o = JSON.parse(l);
      expect(o.row).toBe(i + 1);
      expect(o.labels.promo.predicted).toBe((i + 1) % 2);
    });
    const evaluated = await saring(['model', 'eval', '--model', SHIPPED, '--data', path, '--text', 'text', '--label', 'label', '--json'], env);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    expect(JSON.parse(evaluated.stdout)).toMatchObject({ rows, labels: { promo: { support: rows / 2, f1: 1 } } });
  });
});

describe('the shipped judol model', () => {
  it('loads fast and separates promotion from talk about gambling', () => {
    const t0 = performance.now();
    const model = loadModel(SHIPPED);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(model.labelNames).toEqual(['promo']);
    const spam = model.predict('𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb WD cepat bosku', { explain: true });
    expect(spam.labels['promo']!.score).toBeGreaterThan(0.9);
    expect(spam.labels['promo']!.predicted).toBe(1);
    const top = spam.top!['promo']!;
    expect(top.length).toBe(5);
    const styled = [...'𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb WD cepat bosku'];
    const gacor = top.find((c) => c.feature === 'gacor')!;
    expect(gacor).toMatchObject({ kind: 'token' });
    expect(gacor.weight).toBeGreaterThan(0);
    expect(styled.slice(gacor.start, gacor.end).join('')).toBe('𝐆𝐀𝐂𝐎𝐑');
    const talk = model.predict('judi online itu haram, jauhi');
    expect(talk.labels['promo']!.score).toBeLessThan(0.1);
    expect(talk.labels['promo']!.predicted).toBe(0);
    const meta = model.meta as typeof model.meta & { aboutGambling?: { rate: number } };
    expect(meta.training!.crossValidation).toBeDefined();
    expect(meta.aboutGambling!.rate).toBeLessThan(0.2);
  });

  it('scores the hand-written about-gambling comments through the CLI', async () => {
    const r = await saring(['model', 'eval', '--model', SHIPPED, '--data', join(SHIPPED, 'about-gambling.csv'), '--text', 'text', '--label', 'label', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.rows).toBeGreaterThanOrEqual(40);
    expect(m.labels.promo.fp / m.rows).toBeLessThan(0.2);
  });
});
