import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../config/paths.js';
import { Prng } from './classifier/prng.js';
import { compileLexicons, loadDefaultLexicons, parseCsvRecords } from './index.js';
import { normalise } from './normalise.js';
import { KIND_DIGIT, KIND_NON_ASCII, LiteralFilter, neededKinds, neededLiteralSets, neededLiterals } from './pattern-filter.js';

describe('the literals a pattern needs', () => {
  it.each([
    ['\\bjual\\s(?:sabu|ganja)\\b', ['jual']],
    // The longest of the needed sets wins: every match holds "ready" or "sedia".
    ['\\b(?:ready|sedia)\\s(?:sabu|ganja|tembakau gorila)\\b', ['ready', 'sedia']],
    ['\\b(?:ok|ya)\\s(?:sabu|ganja|tembakau gorila)\\b', ['sabu', 'ganja', 'tembakau gorila']],
    ['open\\s?b\\W?o', ['open']],
    ['\\b[a-z]{3,}(?:4d|88|777)\\b', ['4d', '88', '777']],
    ['(?<![^\\n])(?=[^\\n]*?\\b(?:bokep|vcs))[^\\n]*?\\b(?:wa|dm)\\b', ['bokep', 'vcs']],
    ['cair\\s(?:dalam\\s)?\\d+\\s?(?:menit|jam)', ['cair']],
    ['\\bcr\\s(?:dalam\\s)?\\d+\\s?(?:menit|jam)', ['menit', 'jam']],
    ['ab(?!x)cd', ['abcd']],
    ['x{2}yz', ['yz']],
  ])('%s needs one of %j', (pattern, literals) => {
    expect(neededLiterals(pattern)?.sort()).toEqual([...literals].sort());
  });

  it.each([
    ['\\b[a-z]{3,} \\d{2,3}\\b'],
    ['(?:jual|)sabu?'.replace('sabu?', 's?')],
    ['(?:^|\\s)s\\s\\d'],
    ['[😂🤣]'],
    ['a|bc'],
    ['(?:ab)?cd?'],
  ])('%s needs nothing it can tell (always runs)', (pattern) => {
    expect(neededLiterals(pattern)).toBeNull();
  });

  it('finds the patterns whose literals occur, in one pass, in pattern order', () => {
    const filter = new LiteralFilter(['\\bjual\\ssabu', '\\b[a-z]+\\w+', 'ganja|sabu', 'open\\sbo']);
    expect(filter.candidates('ada yang jual sabu')).toEqual([0, 1, 2]);
    expect(filter.candidates('open bo malam ini')).toEqual([1, 3]);
    expect(filter.candidates('resep rendang')).toEqual([1]);
  });
});

describe('the further literal sets a pattern needs', () => {
  it.each([
    ['\\bjual\\s(?:sabu|ganja)\\b', [['jual'], ['sabu', 'ganja']]],
    ['\\bp[ae]ng[ae]nt[ei]n\\w*\\b[^\\n]{0,80}?\\b(?:syahid|bidadari)', [['ng'], ['nt'], ['syahid', 'bidadari']]],
    ['(?=[^\\n]*?\\b(?:bokep|vcs))[^\\n]*?\\b(?:wa|dm)\\b', [['bokep', 'vcs'], ['wa', 'dm']]],
    ['(?:ab)?cd?', []],
    ['x(?!abc)yz', [['xyz']]],
    ['(?:jual|beli)\\s(?:sabu|x)', [['jual', 'beli']]],
  ])('%s needs one of each of %j', (pattern, sets) => {
    const sorted = (x: string[][]) => x.map((set) => [...set].sort()).sort((a, b) => a.join().localeCompare(b.join()));
    expect(sorted(neededLiteralSets(pattern))).toEqual(sorted(sets));
  });

  it('counts single characters when asked', () => {
    expect(neededLiteralSets('\\bv\\W{1,2}c\\W{1,2}s\\b', 1)).toEqual([['v'], ['c'], ['s']]);
    expect(neededLiteralSets('\\bv\\W{1,2}c\\W{1,2}s\\b')).toEqual([]);
    expect(neededLiteralSets('(?:^|\\s)s,?\\s(?:1\\/2|setengah)', 1)).toEqual([['s'], ['1/2', 'setengah']]);
  });

  it('runs a pattern only when every set it needs has a literal in the text', () => {
    const filter = new LiteralFilter(['\\bjual\\s(?:sabu|ganja)\\b', 'open\\sbo']);
    expect(filter.candidates('jual beli mobil')).toEqual([]);
    expect(filter.candidates('jual ganja')).toEqual([0]);
    expect(filter.candidates('ganja dijual, open bo')).toEqual([0, 1]);
    // No literal of two characters: single characters still decide.
    const chars = new LiteralFilter(['\\bv\\W{1,2}c\\W{1,2}s\\b', '(?:a|b)\\s?,']);
    expect(chars.candidates('v.c.s')).toEqual([0]);
    expect(chars.candidates('vcs, a,')).toEqual([0, 1]);
    expect(chars.candidates('kamu siapa')).toEqual([]);
  });
});

describe('the kinds of character a pattern needs', () => {
  it.each([
    ['\\b[a-z]{3,} \\d{2,3}\\b', KIND_DIGIT],
    ['\\b[a-z]+[0-9]', KIND_DIGIT],
    ['x(?=[a-z]*[0-9])', KIND_DIGIT],
    ['[😂🤣]', KIND_NON_ASCII],
    ['(?:💎|❄)\\s?\\d+', KIND_DIGIT | KIND_NON_ASCII],
    ['(?<=\\p{So}\\s?)[a-z]{3,}\\d', KIND_DIGIT | KIND_NON_ASCII],
    ['a7|b8', KIND_DIGIT],
  ])('%s needs kinds %i', (pattern, kinds) => {
    expect(neededKinds(pattern)).toBe(kinds);
  });

  it.each([['\\b[a-z]+\\d?'], ['a7|b'], ['x(?![0-9])'], ['[^0-9]+'], ['[0-9a-z]'], ['\\P{So}'], ['\\p{L}'], ['(?:\\d)*x'], ['\\w\\1']])('%s needs no kind it can tell', (pattern) => {
    expect(neededKinds(pattern)).toBe(0);
  });

  it('skips a pattern on texts without a kind it needs', () => {
    const filter = new LiteralFilter(['\\bjual\\ssabu\\s\\d', '\\b[a-z]+\\d+', '[😂🤣]', 'sabu']);
    expect(filter.candidates('ada yang jual sabu')).toEqual([3]);
    expect(filter.candidates('ada yang jual sabu 5')).toEqual([0, 1, 3]);
    expect(filter.candidates('resep rendang 😂')).toEqual([2]);
    expect(filter.candidates('resep rendang')).toEqual([]);
  });
});

describe('the prefilter over the shipped lexicons', () => {
  it('never skips a pattern that matches (every shipped pattern, evaluation lines, comments and random text)', () => {
    const compiled = compileLexicons(loadDefaultLexicons());
    const texts: string[] = [];
    const evalDir = dataPath('eval');
    for (const dir of [evalDir, join(evalDir, 'holdout')]) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl'))) {
        for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
      }
    }
    const comments = parseCsvRecords(readFileSync(dataPath('text', 'judol-youtube', 'comments.csv'), 'utf8'));
    for (let i = 0; i < comments.length; i += 100) texts.push(comments[i]!['comment_text']!);
    const rng = new Prng(14);
    const pieces = [...'abcdeghijklmnoprstuvwxy0123456789 .,:=+-/\n', '💎', '❄', '🍑', '😂', '🔥', ' sabu', ' open bo', ' wa 0812', ' 4d', ' jp', ' slot', ' v.c.s', ' setengah', ' 1/2', ' gr', ' full'];
    for (let i = 0; i < 500; i++) texts.push(Array.from({ length: 5 + rng.int(60) }, () => pieces[rng.int(pieces.length)]!).join(''));
    const skipped: string[] = [];
    for (const text of texts) {
      const n = normalise(text);
      for (const view of [n.plain, n.leet]) {
        const run = new Set(compiled.patternFilter.candidates(view.text));
        compiled.patterns.forEach((p, i) => {
          p.re.lastIndex = 0;
          if (!run.has(i) && p.re.test(view.text)) skipped.push(`${p.re.source.slice(0, 60)} on ${JSON.stringify(view.text.slice(0, 60))}`);
          p.re.lastIndex = 0;
        });
      }
    }
    expect(texts.length).toBeGreaterThan(3000);
    expect(skipped).toEqual([]);
  });
});
