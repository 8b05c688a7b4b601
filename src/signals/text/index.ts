/**
 * The text signal: normalisation that defeats obfuscation, lexicon matching, entity
 * extraction and per-category scores with evidence.
 *
 * @example
 * const compiled = compileLexicons(loadDefaultLexicons());
 * const { categories } = analyseText(compiled, '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin depo 10rb WD cepat bosku');
 * categories[0]; // { category: 'gambling', score: 0.99…, evidence: [{ match: '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑', … }, …] }
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractEntities, type TextEntity } from './extract.js';
import { LexiconValidationError, matchNormalised, validateLexicon, withEntityHits, type CompiledLexicons, type Lexicon, type TextHit } from './lexicon.js';
import { normalise, type NormalisedText } from './normalise.js';
import { dataPath } from '../../config/paths.js';
import { yaml } from '../../shared/shipped-yaml.js';
import { scoreHits, type CategoryScore } from './score.js';

export interface TextAnalysis {
  /** Lexicon hits (terms and domains), by position. */
  hits: TextHit[];
  entities: TextEntity[];
  /** Categories with positive evidence, highest score first. */
  categories: CategoryScore[];
  /** The normalised views, for other signals of the same text (classifiers). */
  normalised: NormalisedText;
}

/** Normalises, matches, extracts and scores one text. */
export function analyseText(compiled: CompiledLexicons, text: string): TextAnalysis {
  const normalised = normalise(text);
  const entities = extractEntities(normalised);
  const hits = withEntityHits(compiled, matchNormalised(compiled, normalised), entities, text);
  return { hits, entities, categories: scoreHits(hits), normalised };
}

/** Reads and validates one lexicon file (YAML or JSON). */
export function loadLexiconFile(path: string): Lexicon {
  let doc: unknown;
  try {
    doc = yaml().parse(readFileSync(path, 'utf8')); // loaded on use: the shipped lexicons come validated from the build
  } catch (err) {
    throw new LexiconValidationError([`${path}: ${(err as Error).message}`]);
  }
  try {
    return validateLexicon(doc);
  } catch (err) {
    if (err instanceof LexiconValidationError) throw new LexiconValidationError(err.problems.map((p) => `${path}: ${p}`));
    throw err;
  }
}

/** Every `*.yaml` / `*.yml` lexicon in a folder, sorted by file name. */
export function loadLexiconDir(dir: string): Lexicon[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => loadLexiconFile(join(dir, f)));
}

/** The folder of the lexicons shipped with Saring (`data/lexicons`). */
export function defaultLexiconDir(): string {
  return dataPath('lexicons');
}

/** The lexicons shipped with Saring. */
export function loadDefaultLexicons(): Lexicon[] {
  return loadLexiconDir(defaultLexiconDir());
}

export { parseCsv, parseCsvRecords } from '../../shared/csv.js';
export { normaliseDomain } from './domain.js';
export { DOMAIN_TLDS, entityHost, extractEntities, type EntityType, type TextEntity } from './extract.js';
export {
  compileLexicons,
  compilePattern,
  LEXICON_LIMITS,
  lexiconSchema,
  LexiconValidationError,
  matchDomains,
  matchNormalised,
  matchText,
  validateLexicon,
  withEntityHits,
  type CompiledEntry,
  type CompiledLexicons,
  type Lexicon,
  type LexiconEntry,
  type LexiconKind,
  type TextHit,
} from './lexicon.js';
export {
  foldMapped,
  normalise,
  normaliseTokens,
  originalRange,
  type MappedText,
  type NormalisedText,
  type TextView,
  type ViewKind,
  type ViewToken,
} from './normalise.js';
export { scoreHits, type CategoryScore } from './score.js';
