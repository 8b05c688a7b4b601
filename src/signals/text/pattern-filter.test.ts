import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../config/paths.js';
import { Prng } from './classifier/prng.js';
import { compileLexicons, loadDefaultLexicons, parseCsvRecords } from './index.js';
import { normalise } from './normalise.js';
import { LiteralFilter, neededLiterals } from './pattern-filter.js';

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
    const filter = new LiteralFilter(['\\bjual\\ssabu', '\\b[a-z]+\\d+', 'ganja|sabu', 'open\\sbo']);
    expect(filter.candidates('ada yang jual sabu')).toEqual([0, 1, 2]);
    expect(filter.candidates('open bo malam ini')).toEqual([1, 3]);
    expect(filter.candidates('resep rendang')).toEqual([1]);
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
    const pieces = [...'abcdeghijklmnoprstuwy0123456789 .,:+-/\n', '💎', '🍑', '😂', ' sabu', ' open bo', ' wa 0812', ' 4d', ' jp', ' slot'];
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
