/**
 * Shipped YAML files (the default policy, the underage lexicon) parsed at build time.
 *
 * Parsing YAML is slow next to JSON, and a `saring scan` start parsed the same shipped files every
 * time. The build (`scripts/build-lexicons.mjs`) stores each file's parsed document in
 * `dist/shared/shipped-yaml.json`, keyed by the SHA-256 of its text; a reader asks for the
 * document of the text it has just read and gets it only when the text is exactly what the build
 * parsed (else undefined: it parses as before). What the document means is still validated by
 * the reader, as for any other input.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const FORMAT = 1;

const require = createRequire(import.meta.url);

/** The `yaml` package, loaded on first use: a start that finds every shipped file parsed never loads it. */
export function yaml(): typeof import('yaml') {
  return require('yaml') as typeof import('yaml');
}

/** Where the build writes the parsed documents: beside this module (in `dist/lexicons/`). */
export const SHIPPED_YAML_FILE = fileURLToPath(new URL('./shipped-yaml.json', import.meta.url));

const loaded = new Map<string, Map<string, unknown>>();

function documents(file: string): Map<string, unknown> {
  let docs = loaded.get(file);
  if (docs) return docs;
  docs = new Map();
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; docs?: unknown };
    if (parsed.format === FORMAT && parsed.docs && typeof parsed.docs === 'object') {
      for (const [sha256, doc] of Object.entries(parsed.docs)) docs.set(sha256, doc);
    }
  } catch {
    // not built (running from source) or unreadable: every text is parsed by its reader
  }
  loaded.set(file, docs);
  return docs;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The document the build parsed from exactly `text` (a fresh copy each call), or undefined when
 * the build did not parse this text: the caller parses it itself.
 */
export function shippedYamlDocument(text: string, file = SHIPPED_YAML_FILE): unknown {
  const docs = documents(file);
  if (docs.size === 0) return undefined;
  const doc = docs.get(sha256(text));
  return doc === undefined ? undefined : structuredClone(doc);
}

/**
 * Parses each file with `parse` and writes the documents that JSON represents exactly (the build
 * runs this). Returns how many were stored.
 */
export function writeShippedYaml(paths: readonly string[], parse: (text: string) => unknown, file = SHIPPED_YAML_FILE): number {
  const docs: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const path of paths) {
    const text = readFileSync(path, 'utf8');
    const doc = parse(text);
    if (doc !== undefined && isDeepStrictEqual(JSON.parse(JSON.stringify(doc)), doc)) docs[sha256(text)] = doc;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ format: FORMAT, docs }));
  renameSync(tmp, file); // readers never see half a file
  loaded.delete(file);
  return Object.keys(docs).length;
}
