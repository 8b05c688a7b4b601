// Build step (after tsc), so that `saring scan` does not parse and validate shipped YAML on every start:
// - validates the shipped lexicons (data/lexicons/*.yaml) once and writes them, keyed by each file's
//   SHA-256, to dist/lexicons/shipped-lexicons.json (src/lexicons/shipped.ts); a lexicon that does
//   not validate fails the build;
// - parses the other YAML read at start (the policies, the underage lexicon) into
//   dist/shared/shipped-yaml.json, keyed by their text's SHA-256 (src/shared/shipped-yaml.ts).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { SHIPPED_LEXICONS_FILE, writeShippedLexicons } from '../dist/lexicons/shipped.js';
import { SHIPPED_YAML_FILE, writeShippedYaml } from '../dist/shared/shipped-yaml.js';

const root = join(import.meta.dirname, '..');
const yamlIn = (dir) => readdirSync(join(root, dir), { recursive: true }).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(root, dir, f));

const lexicons = writeShippedLexicons();
console.log(`shipped lexicons: ${lexicons} validated → ${relative(root, SHIPPED_LEXICONS_FILE)}`);
const docs = writeShippedYaml([...yamlIn('data/policies'), ...yamlIn('data/text')], (text) => parse(text));
console.log(`shipped YAML: ${docs} parsed → ${relative(root, SHIPPED_YAML_FILE)}`);
