/**
 * The lexicons shipped with Saring (`data/lexicons/*.yaml`), read quickly.
 *
 * Parsing the YAML and validating every entry (each pattern compiled and tried) took most of a
 * `saring scan` start. The build (`scripts/build-lexicons.mjs`) therefore stores each shipped file's
 * validated lexicon in `dist/lexicons/shipped-lexicons.json`, keyed by the SHA-256 of the file's
 * bytes and by a fingerprint of the validation code. At run time a file whose bytes (or whose
 * validator) differ from what the build saw — an operator's edit of `data/lexicons`, a partial
 * build — is parsed and validated from its YAML as before, so nothing unvalidated is ever used.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { compileLexicons, defaultLexiconDir, loadLexiconFile, validateLexicon, type CompiledLexicons, type Lexicon } from '../signals/text/index.js';
import { normaliseTokens } from '../signals/text/normalise.js';
import { planPattern, type PatternPlan } from '../signals/text/pattern-filter.js';

const FORMAT = 1;

/** Where the build writes the validated shipped lexicons: beside this module (in `dist/lexicons/`). */
export const SHIPPED_LEXICONS_FILE = fileURLToPath(new URL('./shipped-lexicons.json', import.meta.url));

interface ShippedLexiconsFile {
  format: typeof FORMAT;
  /** {@link validatorFingerprint} when the file was written. */
  validator: string;
  /** YAML file name → the SHA-256 of its bytes and its validated lexicon. */
  files: Record<string, { sha256: string; lexicon: Lexicon }>;
  /** Each word or phrase term and exception → its `normaliseTokens` (what compiling spends its time on). */
  tokens: Record<string, string[]>;
  /** Each pattern's source → its `planPattern` (how the pattern prefilter decides when it runs). */
  plans: Record<string, PatternPlan>;
}

/** The modules whose code decides what a valid lexicon is (relative to this one). */
const VALIDATOR_MODULES = [
  '../signals/text/lexicon',
  '../signals/text/normalise',
  '../signals/text/pattern-filter',
  '../signals/text/alay',
  '../signals/text/tables',
  '../signals/text/domain',
  '../signals/text/extract',
  '../categories/categories',
  '../shared/json',
];

/**
 * A hash of the validation code as it is on disk (`.js` in dist/, `.ts` when run from source):
 * lexicons validated by other code are validated again. Undefined when a module cannot be read.
 */
export function validatorFingerprint(): string | undefined {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const hash = createHash('sha256');
  try {
    for (const m of VALIDATOR_MODULES) hash.update(readFileSync(new URL(`${m}${ext}`, import.meta.url)));
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
}

/** What compiling can take from the build's file rather than compute (`compileLexicons`' `tokens` and `plans`). */
export interface CompileHints {
  tokens: ReadonlyMap<string, readonly string[]>;
  plans: ReadonlyMap<string, PatternPlan>;
}

function hints(file: ShippedLexiconsFile | undefined): CompileHints {
  return { tokens: new Map(file ? Object.entries(file.tokens) : []), plans: new Map(file ? Object.entries(file.plans) : []) };
}

function readShippedFile(path: string): ShippedLexiconsFile | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as ShippedLexiconsFile;
    return file.format === FORMAT && typeof file.files === 'object' && file.files !== null && typeof file.tokens === 'object' && file.tokens !== null && typeof file.plans === 'object' && file.plans !== null ? file : undefined;
  } catch {
    return undefined;
  }
}

export interface ShippedLexicons {
  /** Every lexicon of the folder, sorted by file name, validated. */
  lexicons: Lexicon[];
  /** How many came validated from the build's file (the rest were parsed and validated now). */
  prevalidated: number;
  /** Terms and exceptions → their normalised tokens, from the build's file (for `compileLexicons`' `tokens`). */
  tokens: ReadonlyMap<string, readonly string[]>;
  /** Pattern sources → their plans, from the build's file (for `compileLexicons`' `plans`). */
  plans: ReadonlyMap<string, PatternPlan>;
}

/**
 * The lexicons of `dir` (default `data/lexicons`), each validated: taken from `file` (the build's)
 * when the YAML's bytes and the validation code are those it was written from, else parsed and
 * validated now. Throws {@link LexiconValidationError} for an invalid file, like `loadLexiconDir`.
 */
export function readShippedLexicons(dir = defaultLexiconDir(), file = SHIPPED_LEXICONS_FILE): ShippedLexicons {
  const shipped = readShippedFile(file);
  const usable = shipped && shipped.validator === validatorFingerprint() ? shipped : undefined;
  const cached = usable?.files ?? {};
  let prevalidated = 0;
  const lexicons = yamlFiles(dir).map((name) => {
    const path = join(dir, name);
    const bytes = readFileSync(path);
    const hit = Object.hasOwn(cached, name) ? cached[name] : undefined;
    if (hit && hit.sha256 === sha256(bytes)) {
      prevalidated++;
      return hit.lexicon;
    }
    return loadLexiconFile(path);
  });
  return { lexicons, prevalidated, ...hints(usable) };
}

/** The shipped lexicons, validated, compiled (see {@link readShippedLexicons}). */
export function compileShippedLexicons(): { lexicons: Lexicon[]; compiled: CompiledLexicons } {
  const { lexicons, tokens, plans } = readShippedLexicons();
  return { lexicons, compiled: compileLexicons(lexicons, { validated: true, tokens, plans }) };
}

/**
 * Lexicons from elsewhere (the database, a scan snapshot), validated for {@link compileLexicons}
 * with `validated: true`: one whose name, category, kind and entries are those of a shipped
 * lexicon validated at build time (the usual case: seeded from the shipped files, never edited)
 * is not validated again; every other one is, as before. Without the build's file, all are.
 */
export function validateLexicons(lexicons: readonly Lexicon[], file = SHIPPED_LEXICONS_FILE): { lexicons: Lexicon[] } & CompileHints {
  const shipped = readShippedFile(file);
  const usable = shipped && shipped.validator === validatorFingerprint() ? shipped : undefined;
  const byName = new Map(Object.values(usable?.files ?? {}).map((f) => [f.lexicon.name, f.lexicon]));
  const validated = lexicons.map((l): Lexicon => {
    const s = l !== null && typeof l === 'object' ? byName.get(l.name) : undefined;
    if (s && s.category === l.category && s.kind === l.kind && Number.isInteger(l.version) && l.version >= 1 && isDeepStrictEqual(l.entries, s.entries)) {
      return { name: s.name, category: s.category, kind: s.kind, version: l.version, entries: s.entries };
    }
    return validateLexicon(l);
  });
  return { lexicons: validated, ...hints(usable) };
}

/**
 * Validates every lexicon of `dir` from its YAML and writes them, keyed by the files' SHA-256, to
 * `file` (the build runs this; a file that does not validate fails the build). Returns how many.
 */
export function writeShippedLexicons(dir = defaultLexiconDir(), file = SHIPPED_LEXICONS_FILE): number {
  const validator = validatorFingerprint();
  if (!validator) throw new Error('The lexicon validation modules were not found next to this one; build first.');
  const files: ShippedLexiconsFile['files'] = {};
  const tokens: ShippedLexiconsFile['tokens'] = Object.create(null) as ShippedLexiconsFile['tokens'];
  const plans: ShippedLexiconsFile['plans'] = Object.create(null) as ShippedLexiconsFile['plans'];
  for (const name of yamlFiles(dir)) {
    const path = join(dir, name);
    const bytes = readFileSync(path);
    const lexicon = loadLexiconFile(path);
    files[name] = { sha256: sha256(bytes), lexicon };
    for (const e of lexicon.entries) {
      if (e.type === 'word' || e.type === 'phrase') tokens[e.term] ??= normaliseTokens(e.term);
      if (e.type === 'pattern') {
        const source = new RegExp(e.term, 'gu').source; // what the filter is given
        plans[source] ??= planPattern(source);
      }
      for (const x of e.exceptions ?? []) tokens[x] ??= normaliseTokens(x);
    }
  }
  const out: ShippedLexiconsFile = { format: FORMAT, validator, files, tokens, plans };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(out));
  renameSync(tmp, file); // readers never see half a file
  return Object.keys(files).length;
}
