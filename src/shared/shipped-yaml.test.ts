import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { dataPath, packageRoot } from '../config/paths.js';
import { shippedYamlDocument, writeShippedYaml } from './shipped-yaml.js';

const tmp = mkdtempSync(join(tmpdir(), 'saring-shipped-yaml-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const policy = dataPath('policies', 'indonesia-default.yaml');
const underage = dataPath('text', 'underage', 'lexicon.yaml');

describe('shipped YAML parsed at build time', () => {
  const file = join(tmp, 'shipped-yaml.json');
  it('gives the parsed document of exactly the text the build parsed, a fresh copy each time', () => {
    expect(writeShippedYaml([policy, underage], (t) => parse(t), file)).toBe(2);
    for (const path of [policy, underage]) {
      const text = readFileSync(path, 'utf8');
      expect(shippedYamlDocument(text, file)).toEqual(parse(text));
    }
    const text = readFileSync(policy, 'utf8');
    const a = shippedYamlDocument(text, file) as { id: string };
    a.id = 'changed';
    expect((shippedYamlDocument(text, file) as { id: string }).id).toBe(parse(text).id);
  });

  it('gives nothing for a text the build did not parse (an edited file), or without the build file', () => {
    const edited = `${readFileSync(policy, 'utf8')}\n# edited\n`;
    expect(shippedYamlDocument(edited, file)).toBeUndefined();
    expect(shippedYamlDocument(readFileSync(policy, 'utf8'), join(tmp, 'missing.json'))).toBeUndefined();
  });

  it('stores no document that JSON would change', () => {
    const path = join(tmp, 'inf.yaml');
    const other = join(tmp, 'other.json');
    writeFileSync(path, 'limit: .inf\n');
    expect(writeShippedYaml([path], (t) => parse(t), other)).toBe(0);
    expect(shippedYamlDocument('limit: .inf\n', other)).toBeUndefined();
  });

  it('the built file in dist/ (when built) holds the shipped policy as it parses', () => {
    const built = join(packageRoot(), 'dist', 'shared', 'shipped-yaml.json');
    if (!existsSync(built)) return; // not built yet: `npm run build` writes it
    const text = readFileSync(policy, 'utf8');
    expect(shippedYamlDocument(text, built)).toEqual(parse(text));
  });
});
