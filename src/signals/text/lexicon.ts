/**
 * Lexicons: validation, compilation into lookup structures, and matching over the
 * normaliser's views. Terms are normalised with the same normaliser as the text, so an
 * author writes "slot gacor" once and it meets 𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑, s.l.o.t g4c00r and sl0t-gacor.
 */
import { LiteralFilter, type PatternPlan } from './pattern-filter.js';
import { z } from 'zod';
import { CATEGORY_IDS, type CategoryId } from '../../categories/categories.js';
import { SaringError } from '../../errors/errors.js';
import { checkJsonValue } from '../../shared/json.js';
import { normaliseDomain } from './domain.js';
import { entityHost, extractEntities, type TextEntity } from './extract.js';
import { normalise, normaliseTokens, originalRange, type NormalisedText, type TextView, type ViewToken } from './normalise.js';

export type LexiconKind = 'terms' | 'domains';

export interface LexiconEntry {
  term: string;
  type: 'word' | 'phrase' | 'pattern' | 'domain';
  /** -1..1; negative = counter-evidence (criticism, news) that lowers the category's score. */
  weight: number;
  /** For `word` entries (default `word`): whole token, token prefix, or inside a token. */
  match?: 'word' | 'prefix' | 'substring';
  /** Phrases that cancel a hit when they occur overlapping it or within 3 tokens of it. */
  exceptions?: string[];
  /**
   * Only count the hit when its characters were obfuscated in the original: styled or
   * look-alike letters, letters spread apart, or leetspeak (e.g. 𝐁𝐄𝐑𝐊𝐀𝐇𝟗𝟗, not berkah99).
   */
  obfuscated?: boolean;
  note?: string;
}

export interface Lexicon {
  name: string;
  category: CategoryId;
  kind: LexiconKind;
  version: number;
  entries: LexiconEntry[];
}

export interface TextHit {
  category: CategoryId;
  lexicon: string;
  lexiconVersion: number;
  term: string;
  type: LexiconEntry['type'];
  weight: number;
  /** UTF-16 offsets in the original text. */
  start: number;
  end: number;
  /** The original substring. */
  match: string;
  view: 'plain' | 'leet';
}

export const LEXICON_LIMITS = {
  entries: 20_000,
  termLength: 200,
  patternLength: 500,
  domainLength: 253,
  exceptions: 50,
  noteLength: 1000,
} as const;

// ---------------------------------------------------------------------------------------
// Validation

/** A lexicon that does not validate or compile; `problems` lists each issue as `path: message`. */
export class LexiconValidationError extends SaringError {
  readonly problems: string[];

  constructor(problems: string[], lexicon?: string) {
    const prefix = lexicon ? `Lexicon ${lexicon}: ` : '';
    const shown = problems.length > 20 ? [...problems.slice(0, 20), `… and ${problems.length - 20} more`] : problems;
    super('invalid_lexicon', prefix + shown.join('; '), { problems });
    this.name = 'LexiconValidationError';
    this.problems = problems;
  }
}

const entrySchema = z
  .object({
    term: z.string().trim().min(1, 'must not be empty'),
    type: z.enum(['word', 'phrase', 'pattern', 'domain']),
    weight: z
      .number()
      .min(-1, 'must be between -1 and 1')
      .max(1, 'must be between -1 and 1')
      .refine((w) => w !== 0, 'must not be 0 (a zero weight does nothing)'),
    match: z.enum(['word', 'prefix', 'substring']).optional(),
    exceptions: z
      .array(z.string().trim().min(1, 'must not be empty').max(LEXICON_LIMITS.termLength))
      .max(LEXICON_LIMITS.exceptions)
      .optional(),
    obfuscated: z.boolean().optional(),
    note: z.string().max(LEXICON_LIMITS.noteLength).optional(),
  })
  .strict();

/** The zod schema of a lexicon document (YAML or JSON). Unknown top-level keys are dropped. */
export const lexiconSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be 1–64 characters: lower-case letters, digits, ".", "_" or "-"'),
    category: z.enum(CATEGORY_IDS),
    kind: z.enum(['terms', 'domains']),
    version: z.number().int().min(1),
    entries: z.array(entrySchema).max(LEXICON_LIMITS.entries, `at most ${LEXICON_LIMITS.entries} entries`),
  })
  .superRefine((lex, ctx) => {
    const seen = new Map<string, number>();
    lex.entries.forEach((e, i) => {
      const at = ['entries', i];
      const limit =
        e.type === 'pattern' ? LEXICON_LIMITS.patternLength : e.type === 'domain' ? LEXICON_LIMITS.domainLength : LEXICON_LIMITS.termLength;
      if (e.term.length > limit) ctx.addIssue({ code: 'custom', path: [...at, 'term'], message: `must be at most ${limit} characters` });
      if (lex.kind === 'domains' && e.type !== 'domain') {
        ctx.addIssue({ code: 'custom', path: [...at, 'type'], message: 'a domains lexicon holds only entries of type "domain"' });
      }
      if (lex.kind === 'terms' && e.type === 'domain') {
        ctx.addIssue({ code: 'custom', path: [...at, 'type'], message: 'entries of type "domain" belong in a lexicon of kind "domains"' });
      }
      if (e.match !== undefined && e.type !== 'word') {
        ctx.addIssue({ code: 'custom', path: [...at, 'match'], message: 'only word entries take "match"' });
      }
      if (e.exceptions !== undefined && e.type === 'domain') {
        ctx.addIssue({ code: 'custom', path: [...at, 'exceptions'], message: 'domain entries take no exceptions' });
      }
      const key = `${e.type}\u0000${e.term.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: [...at, 'term'], message: `duplicates entries[${first}] (same type and term)` });
      } else seen.set(key, i);
      const problem = termProblem(e);
      if (problem) ctx.addIssue({ code: 'custom', path: [...at, 'term'], message: problem });
    });
  });

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(lexicon)';
}

function termOf(input: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'entries' || typeof path[1] !== 'number') return undefined;
  const entries = (input as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) return undefined;
  const term = (entries[path[1]] as { term?: unknown } | undefined)?.term;
  return typeof term === 'string' ? term.slice(0, 60) : undefined;
}

/**
 * Validates a lexicon document and returns it typed (terms trimmed). Throws
 * {@link LexiconValidationError} listing every problem, e.g.
 * `entries[3].weight: must be between -1 and 1 (term "maxwin")`. Patterns are checked
 * here too (syntax, nested quantifiers), so a bad lexicon is refused when saved, not when scanned.
 */
export function validateLexicon(input: unknown): Lexicon {
  checkJsonValue(input);
  const result = lexiconSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => {
    const term = termOf(input, i.path);
    return `${formatPath(i.path)}: ${i.message}${term !== undefined ? ` (term "${term}")` : ''}`;
  });
  const name = (input as { name?: unknown } | null)?.name;
  throw new LexiconValidationError(problems, typeof name === 'string' ? name.slice(0, 64) : undefined);
}

// ---------------------------------------------------------------------------------------
// Term checks shared by validation and compilation

/** Whether the quantifier at `at` (if any) repeats more than a few times: *, +, {n,}, {n,m>10}. */
function repeatsMany(pattern: string, at: number): boolean {
  const q = pattern[at];
  if (q === '*' || q === '+') return true;
  if (q !== '{') return false;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at, at + 24));
  if (!m) return false;
  if (m[2] === undefined) return Number(m[1]) > 10;
  return m[3] === '' || Number(m[3]) > 10;
}

/**
 * Nested unbounded quantifiers like (a+)+ or (\w*\s?)* backtrack exponentially. This scanner
 * finds a repeated group whose body already holds an unbounded quantifier. It does not catch
 * every slow pattern (overlapping alternatives such as (a|ab)* pass); it catches the usual one.
 */
function nestedQuantifier(pattern: string): boolean {
  const stack: boolean[] = [];
  let inner = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      stack.push(inner);
      inner = false;
      continue;
    }
    const unbounded = (c === '*' || c === '+' || c === '{') && repeatsMany(pattern, i);
    if (c === ')') {
      const body: boolean = inner;
      inner = (stack.pop() ?? false) || body;
      if (body && repeatsMany(pattern, i + 1)) return true;
      continue;
    }
    if (unbounded) inner = true;
  }
  return false;
}

/** Compiles a pattern entry (flags `gu`) or throws an Error saying what is wrong with it. */
export function compilePattern(pattern: string): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'gu');
  } catch (err) {
    throw new Error(`not a valid regular expression: ${(err as Error).message}`);
  }
  if (nestedQuantifier(pattern)) {
    throw new Error('nested quantifiers such as (a+)+ can take exponential time; rewrite the pattern');
  }
  re.lastIndex = 0;
  if (re.test('')) throw new Error('the pattern matches the empty string');
  re.lastIndex = 0;
  return re;
}

function termProblem(e: { term: string; type: LexiconEntry['type']; match?: string | undefined }): string | undefined {
  if (e.type === 'pattern') {
    try {
      compilePattern(e.term);
    } catch (err) {
      return (err as Error).message;
    }
    return undefined;
  }
  if (e.type === 'domain') return normaliseDomain(e.term) === undefined ? 'not a valid domain name (e.g. example.com)' : undefined;
  const tokens = normaliseTokens(e.term);
  if (tokens.length === 0) return 'has no letters or digits after normalisation; use a pattern for symbols';
  if (tokens.length === 1 && tokens[0]!.length === 1) {
    return `normalises to the single character "${tokens[0]}" (repeated letters collapse), which would match too much`;
  }
  if ((e.match === 'prefix' || e.match === 'substring') && tokens.length !== 1) {
    return `a ${e.match} entry must be a single word (it normalises to "${tokens.join(' ')}")`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Compilation

export interface CompiledEntry {
  readonly id: number;
  readonly lexicon: string;
  readonly lexiconVersion: number;
  readonly category: CategoryId;
  readonly term: string;
  readonly type: LexiconEntry['type'];
  readonly weight: number;
  readonly obfuscated: boolean;
  /** Each exception as normalised tokens. */
  readonly exceptions: readonly (readonly string[])[];
}

interface TrieNode {
  next: Map<number, TrieNode> | null;
  out: CompiledEntry[] | null;
}

interface PhraseRule {
  readonly tokens: readonly string[];
  readonly entry: CompiledEntry;
}

interface PatternRule {
  readonly re: RegExp;
  readonly entry: CompiledEntry;
}

/** Lexicons compiled for matching. Build once with {@link compileLexicons}; reuse for every text. */
export interface CompiledLexicons {
  readonly lexicons: readonly { name: string; category: CategoryId; kind: LexiconKind; version: number; entries: number }[];
  readonly entries: readonly CompiledEntry[];
  readonly words: ReadonlyMap<string, readonly CompiledEntry[]>;
  readonly phrases: ReadonlyMap<string, readonly PhraseRule[]>;
  readonly prefixes: TrieNode | null;
  readonly substrings: TrieNode | null;
  /** Word and phrase terms (≥ 3 letters, phrases without spaces) looked for inside joined spread letters. */
  readonly spread: TrieNode | null;
  readonly patterns: readonly PatternRule[];
  /** Which patterns can match a text, in one pass over it (src/signals/text/pattern-filter.ts). */
  readonly patternFilter: LiteralFilter;
  readonly domains: ReadonlyMap<string, readonly CompiledEntry[]>;
}

function trieInsert(root: TrieNode, key: string, entry: CompiledEntry): void {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    node.next ??= new Map();
    let child = node.next.get(c);
    if (!child) {
      child = { next: null, out: null };
      node.next.set(c, child);
    }
    node = child;
  }
  (node.out ??= []).push(entry);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface CompileOptions {
  /**
   * Every lexicon is {@link validateLexicon}'s output already (the shipped lexicons validated at
   * build time, src/lexicons/shipped.ts): it is not validated again, and a pattern is compiled
   * by the regular-expression engine when it first runs rather than tried here.
   */
  readonly validated?: boolean;
  /** Terms and exceptions → their `normaliseTokens`, computed ahead by the same code (the build's file); others are computed here. */
  readonly tokens?: ReadonlyMap<string, readonly string[]>;
  /** Pattern sources → their {@link planPattern}, computed ahead by the same code (the build's file); others are planned here. */
  readonly plans?: ReadonlyMap<string, PatternPlan>;
}

/**
 * Validates and compiles lexicons. Entries of one lexicon that normalise to the same key
 * (e.g. "bosq" and "bosku") count once: the first wins. Throws
 * {@link LexiconValidationError} for an invalid lexicon.
 */
export function compileLexicons(lexicons: readonly Lexicon[], options: CompileOptions = {}): CompiledLexicons {
  const entries: CompiledEntry[] = [];
  const words = new Map<string, CompiledEntry[]>();
  const phrases = new Map<string, PhraseRule[]>();
  const prefixes: TrieNode = { next: null, out: null };
  const substrings: TrieNode = { next: null, out: null };
  const spread: TrieNode = { next: null, out: null };
  const patterns: PatternRule[] = [];
  const domains = new Map<string, CompiledEntry[]>();
  let hasPrefix = false;
  let hasSubstring = false;
  let hasSpread = false;
  const summary: CompiledLexicons['lexicons'][number][] = [];
  const tokensOf = (text: string): readonly string[] => options.tokens?.get(text) ?? normaliseTokens(text);

  for (const input of lexicons) {
    const lex = options.validated ? input : validateLexicon(input);
    summary.push({ name: lex.name, category: lex.category, kind: lex.kind, version: lex.version, entries: lex.entries.length });
    const seen = new Set<string>();
    for (const e of lex.entries) {
      const exceptions = (e.exceptions ?? []).map(tokensOf).filter((t) => t.length > 0);
      const entry: CompiledEntry = {
        id: entries.length,
        lexicon: lex.name,
        lexiconVersion: lex.version,
        category: lex.category,
        term: e.term,
        type: e.type,
        weight: e.weight,
        obfuscated: e.obfuscated === true,
        exceptions,
      };
      if (e.type === 'pattern') {
        const key = `p\u0000${e.term}`;
        if (seen.has(key)) continue;
        seen.add(key);
        entries.push(entry);
        patterns.push({ re: options.validated ? new RegExp(e.term, 'gu') : compilePattern(e.term), entry });
        continue;
      }
      if (e.type === 'domain') {
        const domain = normaliseDomain(e.term)!;
        const key = `d\u0000${domain}`;
        if (seen.has(key)) continue;
        seen.add(key);
        entries.push(entry);
        pushTo(domains, domain, entry);
        continue;
      }
      const tokens = tokensOf(e.term);
      const mode = e.type === 'word' ? (e.match ?? 'word') : 'word';
      const key = `${mode}\u0000${tokens.join(' ')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push(entry);
      const first = tokens[0]!;
      if (mode === 'prefix') {
        trieInsert(prefixes, first, entry);
        hasPrefix = true;
      } else if (mode === 'substring') {
        trieInsert(substrings, first, entry);
        hasSubstring = true;
      } else if (tokens.length === 1) {
        pushTo(words, first, entry);
      } else {
        pushTo(phrases, first, { tokens, entry });
      }
      if (mode === 'word' && entry.weight > 0) {
        const joined = tokens.join('');
        if (joined.length >= 3) {
          trieInsert(spread, joined, entry);
          hasSpread = true;
        }
      }
    }
  }
  return {
    lexicons: summary,
    entries,
    words,
    phrases,
    prefixes: hasPrefix ? prefixes : null,
    substrings: hasSubstring ? substrings : null,
    spread: hasSpread ? spread : null,
    patterns,
    patternFilter: new LiteralFilter(patterns.map((p) => p.re.source), options.plans),
    domains,
  };
}

// ---------------------------------------------------------------------------------------
// Matching

const EXCEPTION_WINDOW = 3;
const MAX_PATTERN_HITS = 64;

interface MatchState {
  readonly original: string;
  readonly hits: TextHit[];
  /** entry id + original span, for hits kept and hits cancelled by an exception. */
  readonly seen: Set<string>;
}

function anyObfuscated(view: TextView, from: number, to: number): boolean {
  const o = view.obfuscated;
  for (let i = from; i < to; i++) if (o[i] === 1) return true;
  return false;
}

function tokensEqualAt(tokens: readonly ViewToken[], at: number, want: readonly string[], strict: boolean): boolean {
  if (at < 0 || at + want.length > tokens.length) return false;
  for (let k = 0; k < want.length; k++) {
    const t = tokens[at + k]!;
    if (t.text !== want[k]) return false;
    if (strict && k > 0 && t.hardBefore) return false;
  }
  return true;
}

function exceptionNear(tokens: readonly ViewToken[], from: number, to: number, exceptions: readonly (readonly string[])[]): boolean {
  for (const exc of exceptions) {
    const lo = Math.max(0, from - EXCEPTION_WINDOW - exc.length + 1);
    const hi = Math.min(tokens.length - exc.length, to + EXCEPTION_WINDOW);
    for (let a = lo; a <= hi; a++) if (tokensEqualAt(tokens, a, exc, false)) return true;
  }
  return false;
}

function addHit(
  state: MatchState,
  entry: CompiledEntry,
  view: TextView,
  tokFrom: number,
  tokTo: number,
  from: number,
  to: number,
): void {
  if (entry.obfuscated && !anyObfuscated(view, from, to)) return;
  const [start, end] = originalRange(view, from, to);
  const key = `${entry.id}:${start}:${end}`;
  if (state.seen.has(key)) return;
  state.seen.add(key);
  if (entry.exceptions.length > 0 && exceptionNear(view.tokens, tokFrom, tokTo, entry.exceptions)) return;
  state.hits.push({
    category: entry.category,
    lexicon: entry.lexicon,
    lexiconVersion: entry.lexiconVersion,
    term: entry.term,
    type: entry.type,
    weight: entry.weight,
    start,
    end,
    match: state.original.slice(start, end),
    view: view.kind,
  });
}

function walkTrie(
  state: MatchState,
  root: TrieNode,
  view: TextView,
  tokenIndex: number,
  text: string,
  from: number,
  wholeToken: boolean,
): void {
  const token = view.tokens[tokenIndex]!;
  let node: TrieNode | undefined = root;
  for (let i = from; i < text.length; i++) {
    node = node.next?.get(text.charCodeAt(i));
    if (!node) return;
    if (node.out) {
      for (const e of node.out) {
        if (wholeToken) addHit(state, e, view, tokenIndex, tokenIndex, token.start, token.end);
        else addHit(state, e, view, tokenIndex, tokenIndex, token.start + from, token.start + i + 1);
      }
    }
  }
}

function matchTokens(compiled: CompiledLexicons, view: TextView, state: MatchState): void {
  const tokens = view.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const text = token.text;
    const ws = compiled.words.get(text);
    if (ws) for (const e of ws) addHit(state, e, view, i, i, token.start, token.end);
    const ps = compiled.phrases.get(text);
    if (ps) {
      for (const p of ps) {
        if (tokensEqualAt(tokens, i, p.tokens, true)) {
          const last = i + p.tokens.length - 1;
          addHit(state, p.entry, view, i, last, token.start, tokens[last]!.end);
        }
      }
    }
    if (compiled.prefixes) walkTrie(state, compiled.prefixes, view, i, text, 0, true);
    if (compiled.substrings) for (let s = 0; s < text.length; s++) walkTrie(state, compiled.substrings, view, i, text, s, false);
    if (token.joined && compiled.spread) for (let s = 0; s < text.length; s++) walkTrie(state, compiled.spread, view, i, text, s, false);
  }
}

/** Index of the first token ending after `at` (tokens are sorted). */
function tokenAt(tokens: readonly ViewToken[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function matchPatterns(compiled: CompiledLexicons, view: TextView, state: MatchState): void {
  const text = view.text;
  const tokens = view.tokens;
  for (const index of compiled.patternFilter.candidates(text)) {
    const { re, entry } = compiled.patterns[index]!;
    re.lastIndex = 0;
    let n = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const from = m.index;
      const to = from + m[0].length;
      if (to === from) {
        re.lastIndex = from + 1;
        continue;
      }
      const tokFrom = Math.min(tokenAt(tokens, from), Math.max(0, tokens.length - 1));
      const tokTo = Math.max(tokFrom, Math.min(tokenAt(tokens, to - 1), tokens.length - 1));
      addHit(state, entry, view, tokFrom, tokTo, from, to);
      if (++n >= MAX_PATTERN_HITS) break;
    }
    re.lastIndex = 0;
  }
}

/** Lexicon hits on an already normalised text: every entry type on the plain view, then on the leet view where it differs. */
export function matchNormalised(compiled: CompiledLexicons, normalised: NormalisedText): TextHit[] {
  const state: MatchState = { original: normalised.original, hits: [], seen: new Set() };
  matchTokens(compiled, normalised.plain, state);
  matchPatterns(compiled, normalised.plain, state);
  if (normalised.leet !== normalised.plain && normalised.leet.text !== normalised.plain.text) {
    matchTokens(compiled, normalised.leet, state);
    matchPatterns(compiled, normalised.leet, state);
  }
  return state.hits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Every lexicon hit in `text` — terms, phrases and patterns on the normalised views, and
 * domain entries on the URLs and domains in it — with offsets into `text`, by position.
 *
 * @example
 * const compiled = compileLexicons(loadDefaultLexicons());
 * matchText(compiled, '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑 maxwin')[0].match; // '𝐒𝐋𝐎𝐓 𝐆𝐀𝐂𝐎𝐑'
 */
export function matchText(compiled: CompiledLexicons, text: string): TextHit[] {
  const normalised = normalise(text);
  const hits = matchNormalised(compiled, normalised);
  if (compiled.domains.size === 0) return hits;
  return withEntityHits(compiled, hits, extractEntities(normalised), text);
}

/** `hits` plus the domain-lexicon hits on URL and domain entities, by position. */
export function withEntityHits(compiled: CompiledLexicons, hits: TextHit[], entities: readonly TextEntity[], original: string): TextHit[] {
  if (compiled.domains.size === 0 || entities.length === 0) return hits;
  const hosts: { host: string; start: number; end: number }[] = [];
  for (const e of entities) {
    const host = entityHost(e);
    if (host !== undefined) hosts.push({ host, start: e.start, end: e.end });
  }
  const extra = matchDomains(compiled, hosts, original);
  if (extra.length === 0) return hits;
  return hits.concat(extra).sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A domain and its parents, most specific first: a.b.example.com → …, b.example.com, example.com. */
function* domainSuffixes(host: string): Generator<string> {
  let at = 0;
  while (true) {
    const rest = host.slice(at);
    if (!rest.includes('.')) return;
    yield rest;
    const dot = host.indexOf('.', at);
    if (dot < 0) return;
    at = dot + 1;
  }
}

/** Hits of domain lexicons on hosts: the entry itself or any subdomain of it. */
export function matchDomains(
  compiled: CompiledLexicons,
  hosts: readonly { host: string; start: number; end: number }[],
  original: string,
): TextHit[] {
  if (compiled.domains.size === 0) return [];
  const hits: TextHit[] = [];
  const seen = new Set<string>();
  for (const h of hosts) {
    const host = normaliseDomain(h.host);
    if (host === undefined) continue;
    for (const suffix of domainSuffixes(host)) {
      const list = compiled.domains.get(suffix);
      if (!list) continue;
      for (const e of list) {
        const key = `${e.id}:${h.start}:${h.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({
          category: e.category,
          lexicon: e.lexicon,
          lexiconVersion: e.lexiconVersion,
          term: e.term,
          type: 'domain',
          weight: e.weight,
          start: h.start,
          end: h.end,
          match: original.slice(h.start, h.end),
          view: 'plain',
        });
      }
    }
  }
  return hits;
}
