/**
 * Which pattern entries can match a text, found in one pass: most patterns need one of a few
 * literal strings ("jual", "sabu|ganja", "open bo") somewhere in any text they match. Those
 * literals are read from each pattern's source, put in one Aho–Corasick automaton, and a pattern
 * runs only on texts holding one of its literals (patterns with no such literal: see below).
 *
 * Once one of its literals is found, a pattern also needs one literal of each other set its
 * matches must hold (`\bp[ae]ng[ae]nt[ei]n\w*…(?:syahid|bidadari)` needs "ng", "nt" and one of
 * "syahid", "bidadari"), single characters included (`\bv\W{1,2}c\W{1,2}s\b` needs a "v", a
 * "c" and an "s"); a pattern with no literal of two characters is held to those sets alone.
 * And it may need a kind of character: an ASCII digit (`\d`, `[0-9]`) or a character outside
 * ASCII (`\p{So}`, `[😂🤣]`). A pattern runs only on texts that hold all it needs.
 *
 * The reading is conservative: a literal set or a kind is only kept when every match of the
 * pattern must contain it; anything the reader does not understand gives "always run".
 */
/** Literal strings, one of which every match contains; null: none known (always run). */
type Need = string[] | null;

/** Kinds of character a match must hold (bits): an ASCII digit, a UTF-16 unit outside ASCII. */
export const KIND_DIGIT = 1;
export const KIND_NON_ASCII = 2;

/** Fewer characters than this in a needed literal filter too little to be worth it. */
const MIN_LITERAL = 2;
/** A needed set larger than this (a cross product gone wide) is not used. */
const MAX_SET = 64;

interface Parser {
  src: string;
  i: number;
  /** Shortest literal kept. */
  min: number;
}

/**
 * What every match of a piece of a pattern needs: one of some literals (the best set), every set
 * of `all` (each set: one of its literals), and kinds of character.
 */
interface Needs {
  need: Need;
  all: string[][];
  kinds: number;
}

/** Sets whose every literal is long enough to look for. */
function usable(sets: readonly string[][], min: number): string[][] {
  return sets.filter((set) => set.every((s) => s.length >= min));
}

/** The best of several needs of a sequence: the one whose shortest literal is longest. */
function better(a: Need, b: Need): Need {
  if (!a) return b;
  if (!b) return a;
  const score = (n: string[]) => Math.min(...n.map((s) => s.length)) * 100 - n.length;
  return score(b) > score(a) ? b : a;
}

function parseAlternation(p: Parser): Needs {
  const branches: Needs[] = [parseSequence(p)];
  while (p.src[p.i] === '|') {
    p.i++;
    branches.push(parseSequence(p));
  }
  if (branches.length === 1) return branches[0]!;
  // A kind is needed when every branch needs it.
  const kinds = branches.reduce((k, b) => k & b.kinds, KIND_DIGIT | KIND_NON_ASCII);
  if (branches.some((b) => b.need === null)) return { need: null, all: [], kinds };
  const all = [...new Set(branches.flatMap((b) => b.need!))];
  const need = all.length > MAX_SET ? null : all;
  return { need, all: need ? [need] : [], kinds };
}

/** One atom: a literal character (as a one-string need), a group, or something that needs nothing (null). */
interface Atom {
  literal?: string;
  need: Need;
  /** Every one of these sets (one literal of each) is in every match of the atom. */
  all: string[][];
  /** Kinds of character every match of the atom holds. */
  kinds: number;
  /** Matches no characters (\b, ^, $, a lookaround): a run of literals goes on across it. */
  zeroWidth?: boolean;
}

function parseSequence(p: Parser): Needs {
  let best: Need = null;
  let kinds = 0;
  const all: string[][] = [];
  let run = '';
  const endRun = () => {
    if (run.length >= p.min) {
      best = better(best, [run]);
      all.push([run]);
    }
    run = '';
  };
  while (p.i < p.src.length && p.src[p.i] !== '|' && p.src[p.i] !== ')') {
    const atom = parseAtom(p);
    const q = parseQuantifier(p);
    const min = q ? q.min : 1;
    const max = q ? q.max : 1;
    if (min >= 1) {
      kinds |= atom.kinds;
      if (atom.literal === undefined) all.push(...usable(atom.all, p.min));
    }
    if (atom.literal !== undefined && min >= 1) {
      // A literal character: it joins the run; repeated, the run ends after its first copy.
      run += atom.literal;
      if (max !== 1) endRun();
      continue;
    }
    if (atom.zeroWidth && min >= 1) {
      // \b, ^, lookarounds match no characters: the run goes on. What a positive lookaround
      // needs is in the text all the same.
      if (atom.need && atom.need.every((s) => s.length >= p.min)) best = better(best, atom.need);
      continue;
    }
    endRun();
    if (min >= 1 && !atom.zeroWidth && atom.need) {
      const need = atom.need.filter((s) => s.length >= p.min);
      if (need.length === atom.need.length) best = better(best, need);
    }
  }
  endRun();
  return { need: best, all, kinds };
}

function zeroWidth(needs: Needs = { need: null, all: [], kinds: 0 }): Atom {
  return { need: needs.need, all: needs.all, kinds: needs.kinds, zeroWidth: true };
}

/** The kinds a code point is of. */
function kindsOf(cp: number): number {
  if (cp >= 0x30 && cp <= 0x39) return KIND_DIGIT;
  return cp >= 0x80 ? KIND_NON_ASCII : 0;
}

/** Unicode properties (after \p{…}) that hold no ASCII character. */
const NON_ASCII_PROPERTIES = new Set(['So', 'Other_Symbol']);

function propertyKinds(name: string): number {
  return NON_ASCII_PROPERTIES.has(name) ? KIND_NON_ASCII : 0;
}

/**
 * A class [...] from after its "[": the kinds every character it matches is of (0 for a negated
 * class, or one with members of mixed or unknown kinds).
 */
function parseClass(p: Parser): number {
  let negated = false;
  if (p.src[p.i] === '^') {
    negated = true;
    p.i++;
  }
  let kinds = KIND_DIGIT | KIND_NON_ASCII;
  let first = true;
  while (p.i < p.src.length && (p.src[p.i] !== ']' || first)) {
    first = false;
    let lo: number | undefined;
    if (p.src[p.i] === '\\') {
      const e = p.src[p.i + 1];
      if (e === undefined) throw new Error('trailing backslash');
      p.i += 2;
      if (e === 'd') kinds &= KIND_DIGIT;
      else if (e === 'p' || e === 'P') {
        const close = p.src.indexOf('}', p.i);
        if (close < 0 || p.src[p.i] !== '{') throw new Error('bad property');
        const name = p.src.slice(p.i + 1, close);
        p.i = close + 1;
        kinds &= e === 'p' ? propertyKinds(name) : 0;
      } else if (/[a-zA-Z0-9]/.test(e)) kinds = 0; // \s, \w, \u…, \b and the like: not read
      else lo = e.codePointAt(0)!; // an escaped punctuation character
    } else {
      lo = p.src.codePointAt(p.i)!;
      p.i += lo > 0xffff ? 2 : 1;
    }
    if (lo === undefined) continue;
    let hi = lo;
    if (p.src[p.i] === '-' && p.src[p.i + 1] !== ']' && p.i + 1 < p.src.length) {
      p.i++;
      if (p.src[p.i] === '\\') {
        const e = p.src[p.i + 1];
        if (e === undefined || /[a-zA-Z0-9]/.test(e)) throw new Error('range not read');
        hi = e.codePointAt(0)!;
        p.i += 2;
      } else {
        hi = p.src.codePointAt(p.i)!;
        p.i += hi > 0xffff ? 2 : 1;
      }
    }
    // Every code point lo..hi: digits only when the range is within 0-9, non-ASCII when lo is.
    let k = 0;
    if (lo >= 0x30 && hi <= 0x39) k |= KIND_DIGIT;
    if (lo >= 0x80) k |= KIND_NON_ASCII;
    kinds &= k;
  }
  if (p.src[p.i] !== ']') throw new Error('unclosed class');
  p.i++;
  return negated ? 0 : kinds;
}

function parseAtom(p: Parser): Atom {
  const c = p.src[p.i]!;
  if (c === '(') {
    p.i++;
    let lookaround = false;
    let negative = false;
    if (p.src[p.i] === '?') {
      const rest = p.src.slice(p.i, p.i + 4);
      if (rest.startsWith('?:')) p.i += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) {
        lookaround = true;
        negative = rest[1] === '!';
        p.i += 2;
      } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
        lookaround = true;
        negative = rest[2] === '!';
        p.i += 3;
      } else if (rest.startsWith('?<')) {
        const close = p.src.indexOf('>', p.i);
        if (close < 0) throw new Error('bad group');
        p.i = close + 1;
      } else throw new Error('unknown group');
    }
    const inner = parseAlternation(p);
    if (p.src[p.i] !== ')') throw new Error('unclosed group');
    p.i++;
    if (lookaround) return zeroWidth(negative ? undefined : inner);
    return { need: inner.need, all: inner.all, kinds: inner.kinds };
  }
  if (c === '[') {
    p.i++;
    return { need: null, all: [], kinds: parseClass(p) };
  }
  if (c === '\\') {
    const e = p.src[p.i + 1];
    if (e === undefined) throw new Error('trailing backslash');
    p.i += 2;
    if (e === 'b' || e === 'B') return zeroWidth();
    if (e === 'p' || e === 'P') {
      const close = p.src.indexOf('}', p.i);
      if (close < 0) throw new Error('bad property');
      const name = p.src[p.i] === '{' ? p.src.slice(p.i + 1, close) : '';
      p.i = close + 1;
      return { need: null, all: [], kinds: e === 'p' ? propertyKinds(name) : 0 };
    }
    if (e === 'u' || e === 'x' || e === 'c' || e === 'k' || /[0-9]/.test(e)) throw new Error('escape not read');
    if (e === 'd') return { need: null, all: [], kinds: KIND_DIGIT };
    if ('DsSwWtnrfv'.includes(e)) return { need: null, all: [], kinds: 0 };
    return { literal: e, need: [e], all: [], kinds: kindsOf(e.codePointAt(0)!) }; // an escaped punctuation character
  }
  if (c === '^' || c === '$') {
    p.i++;
    return zeroWidth();
  }
  if (c === '.') {
    p.i++;
    return { need: null, all: [], kinds: 0 };
  }
  if ('*+?{'.includes(c)) throw new Error('quantifier without an atom');
  // A literal character (a whole code point).
  const cp = p.src.codePointAt(p.i)!;
  const ch = String.fromCodePoint(cp);
  p.i += ch.length;
  return { literal: ch, need: [ch], all: [], kinds: kindsOf(cp) };
}

function parseQuantifier(p: Parser): { min: number; max: number } | undefined {
  const c = p.src[p.i];
  let q: { min: number; max: number } | undefined;
  if (c === '*') q = { min: 0, max: Infinity };
  else if (c === '+') q = { min: 1, max: Infinity };
  else if (c === '?') q = { min: 0, max: 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(p.src.slice(p.i));
    if (!m) return undefined; // a literal {
    p.i += m[0].length;
    const min = Number(m[1]);
    const max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
    if (p.src[p.i] === '?') p.i++;
    return { min, max };
  }
  if (!q) return undefined;
  p.i++;
  if (p.src[p.i] === '?') p.i++; // lazy
  return q;
}

function readNeeds(pattern: string, min = MIN_LITERAL): Needs | null {
  try {
    const p: Parser = { src: pattern, i: 0, min };
    const needs = parseAlternation(p);
    return p.i === pattern.length ? needs : null;
  } catch {
    return null;
  }
}

/**
 * Literal strings one of which every match of `pattern` (flags `gu`, no `i`) contains, or null
 * when none can be told.
 */
export function neededLiterals(pattern: string): string[] | null {
  const need = readNeeds(pattern)?.need;
  return need && need.every((s) => s.length >= MIN_LITERAL) ? need : null;
}

/**
 * Sets of literal strings every match of `pattern` (flags `gu`, no `i`) contains one of each of
 * ("open\\sbo\\s(?:wa|dm)\\d" → [["open"], ["wa", "dm"]]); [] when none can be told. With
 * `min` 1, single characters count too ("\\bv\\W?c" → [["v"], ["c"]]).
 */
export function neededLiteralSets(pattern: string, min = MIN_LITERAL): string[][] {
  const all = readNeeds(pattern, min)?.all ?? [];
  const seen = new Set<string>();
  return all.filter((set) => {
    const key = JSON.stringify([...set].sort());
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The kinds of character ({@link KIND_DIGIT}, {@link KIND_NON_ASCII}) every match of `pattern`
 * (flags `gu`, no `i`) contains; 0 when none can be told.
 */
export function neededKinds(pattern: string): number {
  return readNeeds(pattern)?.kinds ?? 0;
}

/** At most this many further literal sets are checked per pattern. */
const MAX_FURTHER_SETS = 8;

/** What {@link LiteralFilter} needs to know of one pattern: a pure function of its source. */
export interface PatternPlan {
  /** Kinds of character every match holds ({@link neededKinds}). */
  kinds: number;
  /** Literals (two or more characters each) one of which every match holds; null: the pattern runs whenever its kinds are there. */
  need: string[] | null;
  /** Further sets of literals every match holds one of each of, checked once `need` is met (longer literals first). */
  sets: string[][];
}

/** How {@link LiteralFilter} decides whether `source` (flags `gu`, no `i`) can match a text. */
export function planPattern(source: string): PatternPlan {
  const needs = readNeeds(source);
  const need = needs?.need;
  const triggered = !!need && need.every((s) => s.length >= MIN_LITERAL);
  // The other sets every match needs (single characters too), checked once one of `need` is
  // found — or on every text for a pattern that needs no literal of two or more characters.
  // Sets of longer literals first: they rule out more texts.
  const key = (set: readonly string[]) => JSON.stringify([...set].sort());
  const done = new Set(triggered ? [key(need)] : []);
  const shortest = (set: readonly string[]) => Math.min(...set.map((x) => x.length));
  const sets: string[][] = [];
  for (const set of neededLiteralSets(source, 1).sort((a, b) => shortest(b) - shortest(a) || a.length - b.length)) {
    if (sets.length >= MAX_FURTHER_SETS || set.length > MAX_SET || done.has(key(set))) continue;
    done.add(key(set));
    sets.push(set);
  }
  return { kinds: needs?.kinds ?? 0, need: triggered ? need : null, sets };
}

/** Transitions of the automaton for ASCII units go through a table of the units literals use. */
const ASCII = 128;

/**
 * An Aho–Corasick automaton over literal strings, built once. A pattern is a candidate when one
 * of its needed literals ({@link neededLiterals}) is in the text, each further set of literals it
 * needs ({@link neededLiteralSets}) has one in the text, and the text holds the kinds of
 * character it needs ({@link neededKinds}).
 */
export class LiteralFilter {
  /** Patterns with no needed literal (they run whenever their kinds are there). */
  private readonly always: Int32Array;
  /** Further sets of each pattern: sets[setsAt[p] .. setsAt[p + 1]), a set being setLits[setAt[s] .. setAt[s + 1]). */
  private readonly setsAt: Int32Array;
  private readonly setAt: Int32Array;
  private readonly setLits: Int32Array;
  /** Stamp of the last text each literal id was found in. */
  private literalMarks: Uint32Array;
  /** For a literal of one ASCII character, that character (looked up in `charMarks`), else -1. */
  private literalChar: Int32Array;
  /** Stamp of the last text each ASCII character was seen in. */
  private readonly charMarks = new Uint32Array(ASCII);
  /** Kinds of character each pattern needs. */
  private readonly kinds: Uint8Array;
  /** Patterns of each literal id: byLiteral[byLiteralAt[id] .. byLiteralAt[id + 1]). */
  private readonly byLiteral: Int32Array;
  private readonly byLiteralAt: Int32Array;
  /** Column of each ASCII unit in `delta` (0: the unit is in no literal). */
  private readonly column = new Uint8Array(ASCII);
  private readonly columns: number;
  /** Full transition table for ASCII units: delta[state * columns + column]. */
  private readonly delta: Int32Array;
  /** Non-ASCII edges (goto only; failure links followed at run time). */
  private readonly wide: Map<number, number>[];
  private readonly fail: Int32Array;
  /** Literal ids each state ends: out[outAt[state] .. outAt[state + 1]). */
  private readonly out: Int32Array;
  private readonly outAt: Int32Array;
  private readonly marks: Uint32Array;
  private stamp = 0;
  private readonly found: Int32Array;
  readonly patterns: number;

  /**
   * @param plans each pattern's {@link planPattern}, computed ahead (the build stores those of the
   *   shipped lexicons); a pattern without one is planned here.
   */
  constructor(patterns: readonly string[], plans?: ReadonlyMap<string, PatternPlan>) {
    this.patterns = patterns.length;
    this.marks = new Uint32Array(patterns.length);
    this.found = new Int32Array(patterns.length);
    this.kinds = new Uint8Array(patterns.length);
    const ids = new Map<string, number>();
    const byLiteral: number[][] = [];
    const always: number[] = [];
    const next: Map<number, number>[] = [new Map()];
    const endsAt: number[][] = [[]];
    const chars: number[] = [];
    const literalId = (lit: string): number => {
      let id = ids.get(lit);
      if (id === undefined) {
        ids.set(lit, (id = ids.size));
        byLiteral.push([]);
        // One ASCII character: told by the characters seen, not by the automaton.
        chars.push(lit.length === 1 && lit.charCodeAt(0) < ASCII ? lit.charCodeAt(0) : -1);
        if (chars[id] !== -1) return id;
        let node = 0;
        for (let i = 0; i < lit.length; i++) {
          const c = lit.charCodeAt(i);
          let n = next[node]!.get(c);
          if (n === undefined) {
            n = next.length;
            next.push(new Map());
            endsAt.push([]);
            next[node]!.set(c, n);
          }
          node = n;
        }
        endsAt[node]!.push(id);
      }
      return id;
    };
    const further: number[][][] = [];
    patterns.forEach((source, index) => {
      const plan = plans?.get(source) ?? planPattern(source);
      this.kinds[index] = plan.kinds;
      if (!plan.need) always.push(index);
      else for (const lit of plan.need) byLiteral[literalId(lit)]!.push(index);
      further.push(plan.sets.map((set) => set.map(literalId)));
    });
    this.literalMarks = new Uint32Array(ids.size);
    this.literalChar = Int32Array.from(chars);
    this.setsAt = new Int32Array(patterns.length + 1);
    const setAt: number[] = [0];
    const setLits: number[] = [];
    further.forEach((sets, p) => {
      for (const set of sets) {
        setLits.push(...set);
        setAt.push(setLits.length);
      }
      this.setsAt[p + 1] = this.setsAt[p]! + sets.length;
    });
    this.setAt = Int32Array.from(setAt);
    this.setLits = Int32Array.from(setLits);
    this.always = Int32Array.from(always);
    this.byLiteralAt = new Int32Array(byLiteral.length + 1);
    byLiteral.forEach((list, id) => (this.byLiteralAt[id + 1] = this.byLiteralAt[id]! + list.length));
    this.byLiteral = Int32Array.from(byLiteral.flat());

    // Failure links, breadth first; a state's output includes its failure state's.
    const states = next.length;
    const fail = new Int32Array(states);
    const order: number[] = [];
    for (const n of next[0]!.values()) order.push(n);
    for (let q = 0; q < order.length; q++) {
      const node = order[q]!;
      for (const [c, child] of next[node]!) {
        let f = fail[node]!;
        while (f !== 0 && !next[f]!.has(c)) f = fail[f]!;
        const to = next[f]!.get(c);
        fail[child] = to !== undefined && to !== child ? to : 0;
        endsAt[child] = [...endsAt[child]!, ...endsAt[fail[child]!]!];
        order.push(child);
      }
    }
    this.fail = fail;
    this.outAt = new Int32Array(states + 1);
    endsAt.forEach((list, s) => (this.outAt[s + 1] = this.outAt[s]! + list.length));
    this.out = Int32Array.from(endsAt.flat());

    // ASCII: a full table (goto, else the failure state's transition), over the units literals use.
    let columns = 1;
    for (const m of next) for (const c of m.keys()) if (c < ASCII && this.column[c] === 0) this.column[c] = columns++;
    this.columns = columns;
    const delta = new Int32Array(states * columns);
    for (const state of [0, ...order]) {
      for (let c = 0; c < ASCII; c++) {
        const col = this.column[c]!;
        if (col === 0) continue;
        const to = next[state]!.get(c);
        delta[state * columns + col] = to !== undefined ? to : state === 0 ? 0 : delta[fail[state]! * columns + col]!;
      }
    }
    this.delta = delta;
    this.wide = next.map((m) => {
      const w = new Map<number, number>();
      for (const [c, n] of m) if (c >= ASCII) w.set(c, n);
      return w;
    });
  }

  /** Indexes of the patterns that may match `text`, in pattern order. */
  candidates(text: string): number[] {
    if (++this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.literalMarks.fill(0);
      this.charMarks.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const marks = this.marks;
    const literalMarks = this.literalMarks;
    const charMarks = this.charMarks;
    const found = this.found;
    const { delta, columns, column, wide, fail, out, outAt, byLiteral, byLiteralAt } = this;
    let n = 0;
    let kinds = 0;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < ASCII) {
        charMarks[c] = stamp;
        if (c >= 0x30 && c <= 0x39) kinds |= KIND_DIGIT;
        node = delta[node * columns + column[c]!]!;
      } else {
        kinds |= KIND_NON_ASCII;
        let to = wide[node]!.get(c);
        while (to === undefined && node !== 0) {
          node = fail[node]!;
          to = wide[node]!.get(c);
        }
        node = to ?? 0;
      }
      for (let o = outAt[node]!, oEnd = outAt[node + 1]!; o < oEnd; o++) {
        const id = out[o]!;
        literalMarks[id] = stamp;
        for (let k = byLiteralAt[id]!, kEnd = byLiteralAt[id + 1]!; k < kEnd; k++) {
          const pattern = byLiteral[k]!;
          if (marks[pattern] === stamp) continue;
          marks[pattern] = stamp;
          found[n++] = pattern;
        }
      }
    }
    const always = this.always;
    for (let k = 0; k < always.length; k++) found[n++] = always[k]!;
    const result: number[] = [];
    const need = this.kinds;
    const { setsAt, setAt, setLits, literalChar } = this;
    for (let k = 0; k < n; k++) {
      const pattern = found[k]!;
      if ((need[pattern]! & ~kinds) !== 0) continue;
      let ok = true;
      for (let set = setsAt[pattern]!, last = setsAt[pattern + 1]!; ok && set < last; set++) {
        ok = false;
        for (let l = setAt[set]!, lEnd = setAt[set + 1]!; l < lEnd; l++) {
          const lit = setLits[l]!;
          const ch = literalChar[lit]!;
          if ((ch < 0 ? literalMarks[lit] : charMarks[ch]) === stamp) {
            ok = true;
            break;
          }
        }
      }
      if (ok) result.push(pattern);
    }
    return result.sort((a, b) => a - b);
  }
}
