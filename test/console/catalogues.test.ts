/**
 * The console speaks Bahasa Indonesia and English from its catalogues only: both languages have
 * the same keys in every namespace, and no component holds a literal text a person would read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = join(import.meta.dirname, '..', '..', 'web', 'src');
const LOCALES = join(WEB, 'i18n', 'locales');

function keys(value: unknown, prefix = ''): string[] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

/** i18next plural forms (`_one`, `_other`, …) count as one key. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : []));
}

describe('the console’s catalogues', () => {
  it('have the same keys in Bahasa Indonesia and English, in every namespace', () => {
    const namespaces = readdirSync(join(LOCALES, 'id')).sort();
    expect(readdirSync(join(LOCALES, 'en')).sort()).toEqual(namespaces);
    for (const ns of namespaces) {
      const id = new Set(keys(JSON.parse(readFileSync(join(LOCALES, 'id', ns), 'utf8'))).map(base));
      const en = new Set(keys(JSON.parse(readFileSync(join(LOCALES, 'en', ns), 'utf8'))).map(base));
      expect([...id].filter((k) => !en.has(k)), `${ns}: only in id`).toEqual([]);
      expect([...en].filter((k) => !id.has(k)), `${ns}: only in en`).toEqual([]);
    }
  });

  it('are the only source of text: components hold no literal words', () => {
    const problems: string[] = [];
    for (const file of files(WEB, '.tsx')) {
      const source = readFileSync(file, 'utf8');
      const where = relative(WEB, file);
      // Text between tags: <Text>Hello</Text>
      for (const m of source.matchAll(/>\s*([^<>{}\n]*[A-Za-zÀ-ÿ][^<>{}\n]*?)\s*<\//g)) problems.push(`${where}: text "${m[1]}"`);
      // Props a person reads, given as literals: label="Hello"
      for (const m of source.matchAll(/\b(label|placeholder|title|aria-label|description|alt|message)="([^"]*[A-Za-zÀ-ÿ][^"]*)"/g)) problems.push(`${where}: ${m[1]}="${m[2]}"`);
    }
    expect(problems).toEqual([]);
  });
});
