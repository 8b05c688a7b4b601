import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../config/paths.js';
import { compileLexicons, defaultLexiconDir, LexiconValidationError, loadLexiconDir, loadLexiconFile, matchText } from '../signals/text/index.js';
import { planPattern } from '../signals/text/pattern-filter.js';
import { readShippedLexicons, validateLexicons, writeShippedLexicons } from './shipped.js';

const tmp = mkdtempSync(join(tmpdir(), 'saring-shipped-lexicons-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const fromYaml = loadLexiconDir(defaultLexiconDir());

describe('shipped lexicons, validated at build time', () => {
  const file = join(tmp, 'shipped.json');
  const written = writeShippedLexicons(defaultLexiconDir(), file);

  it('are the lexicons of the YAML files, all taken from the build file', () => {
    expect(written).toBe(fromYaml.length);
    const { lexicons, prevalidated } = readShippedLexicons(defaultLexiconDir(), file);
    expect(prevalidated).toBe(fromYaml.length);
    expect(lexicons).toEqual(fromYaml);
  });

  it('compile without validating again to the same entries, patterns and matches', () => {
    const { lexicons, tokens, plans } = readShippedLexicons(defaultLexiconDir(), file);
    expect(tokens.get('slot gacor')).toEqual(['slot', 'gacor']);
    const fast = compileLexicons(lexicons, { validated: true, tokens, plans });
    const checked = compileLexicons(fromYaml);
    expect(fast.entries).toEqual(checked.entries);
    expect([...fast.words]).toEqual([...checked.words]);
    expect([...fast.phrases]).toEqual([...checked.phrases]);
    expect(fast.prefixes).toEqual(checked.prefixes);
    expect(fast.substrings).toEqual(checked.substrings);
    expect(fast.spread).toEqual(checked.spread);
    expect([...fast.domains]).toEqual([...checked.domains]);
    expect(fast.patterns.map((p) => `${p.re.source}/${p.re.flags}`)).toEqual(checked.patterns.map((p) => `${p.re.source}/${p.re.flags}`));
    // Every pattern's prefilter plan came from the file, and is what planning it now gives.
    expect(fast.patterns.length).toBeGreaterThan(100);
    for (const p of fast.patterns) expect(plans.get(p.re.source)).toEqual(planPattern(p.re.source));
    for (const text of ['slot gacor maxwin depo 10rb wd cepat', 'jual sabu murah cod', '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 bosku', 'berita: polisi tangkap bandar judi online']) {
      expect(matchText(fast, text)).toEqual(matchText(checked, text));
    }
  });

  it('an edited YAML file is read and validated from its YAML; the others still come from the build file', () => {
    const dir = join(tmp, 'edited');
    cpSync(defaultLexiconDir(), dir, { recursive: true });
    const path = join(dir, 'gambling.yaml');
    writeFileSync(path, `${readFileSync(path, 'utf8').trimEnd()}\n  - term: judi zz edited\n    type: phrase\n    weight: 0.5\n`);
    const { lexicons, prevalidated } = readShippedLexicons(dir, file);
    expect(prevalidated).toBe(fromYaml.length - 1);
    expect(lexicons.find((l) => l.name === 'gambling')!.entries.at(-1)).toEqual({ term: 'judi zz edited', type: 'phrase', weight: 0.5 });

    writeFileSync(path, `${readFileSync(path, 'utf8').trimEnd()}\n  - term: judi zz bad\n    type: phrase\n    weight: 2\n`);
    expect(() => readShippedLexicons(dir, file)).toThrow(LexiconValidationError);
    expect(() => readShippedLexicons(dir, file)).toThrow(/gambling\.yaml: entries\[\d+\]\.weight: must be between -1 and 1/);
  });

  it('lexicons from a database or snapshot that are the shipped ones are not validated again; others are', () => {
    // As the database gives them back: its own version numbers, each entry's keys in another order.
    const stored = fromYaml.map((l) => ({ ...l, version: 7, entries: l.entries.map((e) => Object.fromEntries(Object.entries(e).reverse())) })) as typeof fromYaml;
    const { lexicons, tokens, plans } = validateLexicons(stored, file);
    expect(tokens.size).toBeGreaterThan(0);
    expect(plans.size).toBeGreaterThan(0);
    expect(lexicons).toEqual(fromYaml.map((l) => ({ ...l, version: 7 })));
    expect(compileLexicons(lexicons, { validated: true, tokens }).entries).toEqual(compileLexicons(stored).entries);

    const gambling = stored.find((l) => l.name === 'gambling')!;
    const edited = { ...gambling, entries: [...gambling.entries, { term: '  judi zz  ', type: 'phrase' as const, weight: 0.5 }] };
    expect(validateLexicons([edited], file).lexicons[0]!.entries.at(-1)).toEqual({ term: 'judi zz', type: 'phrase', weight: 0.5 }); // validated: trimmed
    const bad = { ...gambling, entries: [...gambling.entries, { term: '(a+)+', type: 'pattern' as const, weight: 0.5 }] };
    expect(() => validateLexicons([bad], file)).toThrow(/nested quantifiers/);
    expect(() => validateLexicons([{ ...gambling, version: 0 }], file)).toThrow(LexiconValidationError);
  });

  it('a build file written by other validation code, or unreadable, is not used', () => {
    const stale = join(tmp, 'stale.json');
    writeFileSync(stale, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), validator: 'other' }));
    expect(readShippedLexicons(defaultLexiconDir(), stale)).toEqual({ lexicons: fromYaml, prevalidated: 0, tokens: new Map(), plans: new Map() });
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(readShippedLexicons(defaultLexiconDir(), broken)).toEqual({ lexicons: fromYaml, prevalidated: 0, tokens: new Map(), plans: new Map() });
    expect(readShippedLexicons(defaultLexiconDir(), join(tmp, 'missing.json'))).toEqual({ lexicons: fromYaml, prevalidated: 0, tokens: new Map(), plans: new Map() });
  });

  it('the built file in dist/ (when built) holds each YAML file it was written from as that file validates', () => {
    const built = join(packageRoot(), 'dist', 'lexicons', 'shipped-lexicons.json');
    if (!existsSync(built)) return; // not built yet: `npm run build` writes it
    const files = (JSON.parse(readFileSync(built, 'utf8')) as { files: Record<string, { sha256: string; lexicon: unknown }> }).files;
    let same = 0;
    for (const [name, { sha256, lexicon }] of Object.entries(files)) {
      const path = join(defaultLexiconDir(), name);
      if (!existsSync(path) || createHash('sha256').update(readFileSync(path)).digest('hex') !== sha256) continue; // changed since the build: not used
      expect(lexicon).toEqual(loadLexiconFile(path));
      same++;
    }
    expect(same).toBeGreaterThan(0);
  });
});
