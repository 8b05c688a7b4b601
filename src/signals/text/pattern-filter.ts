/**
 * Which pattern entries can match a text, found in one pass: most patterns need one of a few
 * literal strings ("jual", "sabu|ganja", "open bo") somewhere in any text they match. Those
 * literals are read from each pattern's source, put in one Aho–Corasick automaton, and a pattern
 * runs only on texts holding one of its literals. Patterns with no such literal always run.
 *
 * The reading is conservative: a literal set is only kept when every match of the pattern must
 * contain one of its strings; anything the reader does not understand gives "always run".
 */

/** Literal strings, one of which every match contains; null: none known (always run). */
type Need = string[] | null;

/** Fewer characters than this in a needed literal filter too little to be worth it. */
const MIN_LITERAL = 2;
/** A needed set larger than this (a cross product gone wide) is not used. */
const MAX_SET = 64;

interface Parser {
  src: string;
  i: number;
}

/** The best of several needs of a sequence: the one whose shortest literal is longest. */
function better(a: Need, b: Need): Need {
  if (!a) return b;
  if (!b) return a;
  const score = (n: string[]) => Math.min(...n.map((s) => s.length)) * 100 - n.length;
  return score(b) > score(a) ? b : a;
}

function parseAlternation(p: Parser): Need {
  const branches: Need[] = [parseSequence(p)];
  while (p.src[p.i] === '|') {
    p.i++;
    branches.push(parseSequence(p));
  }
  if (branches.length === 1) return branches[0]!;
  if (branches.some((b) => b === null)) return null;
  const all = [...new Set(branches.flatMap((b) => b!))];
  return all.length > MAX_SET ? null : all;
}

/** One atom: a literal character (as a one-string need), a group, or something that needs nothing (null). */
interface Atom {
  literal?: string;
  need: Need;
  /** Matches no characters (\b, ^, $, a lookaround): a run of literals goes on across it. */
  zeroWidth?: boolean;
}

function parseSequence(p: Parser): Need {
  let best: Need = null;
  let run = '';
  const endRun = () => {
    if (run.length >= MIN_LITERAL) best = better(best, [run]);
    run = '';
  };
  while (p.i < p.src.length && p.src[p.i] !== '|' && p.src[p.i] !== ')') {
    const atom = parseAtom(p);
    const q = parseQuantifier(p);
    const min = q ? q.min : 1;
    const max = q ? q.max : 1;
    if (atom.literal !== undefined && min >= 1) {
      // A literal character: it joins the run; repeated, the run ends after its first copy.
      run += atom.literal;
      if (max !== 1) endRun();
      continue;
    }
    if (atom.zeroWidth && min >= 1) {
      // \b, ^, lookarounds match no characters: the run goes on. What a positive lookaround
      // needs is in the text all the same.
      if (atom.need && atom.need.every((s) => s.length >= MIN_LITERAL)) best = better(best, atom.need);
      continue;
    }
    endRun();
    if (min >= 1 && !atom.zeroWidth && atom.need) {
      const need = atom.need.filter((s) => s.length >= MIN_LITERAL);
      if (need.length === atom.need.length) best = better(best, need);
    }
  }
  endRun();
  return best;
}

function zeroWidth(need: Need = null): Atom {
  return { need, zeroWidth: true };
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
    if (lookaround) return zeroWidth(negative ? null : inner);
    return { need: inner };
  }
  if (c === '[') {
    // A class: skip to its end (escapes and a leading ] inside).
    p.i++;
    if (p.src[p.i] === '^') p.i++;
    if (p.src[p.i] === ']') p.i++;
    while (p.i < p.src.length && p.src[p.i] !== ']') p.i += p.src[p.i] === '\\' ? 2 : 1;
    if (p.src[p.i] !== ']') throw new Error('unclosed class');
    p.i++;
    return { need: null };
  }
  if (c === '\\') {
    const e = p.src[p.i + 1];
    if (e === undefined) throw new Error('trailing backslash');
    p.i += 2;
    if (e === 'b' || e === 'B') return zeroWidth();
    if (e === 'p' || e === 'P') {
      const close = p.src.indexOf('}', p.i);
      if (close < 0) throw new Error('bad property');
      p.i = close + 1;
      return { need: null };
    }
    if (e === 'u' || e === 'x' || e === 'c' || e === 'k' || /[0-9]/.test(e)) throw new Error('escape not read');
    if ('dDsSwWtnrfv'.includes(e)) return { need: null };
    return { literal: e, need: [e] }; // an escaped punctuation character
  }
  if (c === '^' || c === '$') {
    p.i++;
    return zeroWidth();
  }
  if (c === '.') {
    p.i++;
    return { need: null };
  }
  if ('*+?{'.includes(c)) throw new Error('quantifier without an atom');
  // A literal character (a whole code point).
  const cp = p.src.codePointAt(p.i)!;
  const ch = String.fromCodePoint(cp);
  p.i += ch.length;
  return { literal: ch, need: [ch] };
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

/**
 * Literal strings one of which every match of `pattern` (flags `gu`, no `i`) contains, or null
 * when none can be told.
 */
export function neededLiterals(pattern: string): string[] | null {
  try {
    const p: Parser = { src: pattern, i: 0 };
    const need = parseAlternation(p);
    if (p.i !== pattern.length) return null;
    return need && need.every((s) => s.length >= MIN_LITERAL) ? need : null;
  } catch {
    return null;
  }
}

/** An Aho–Corasick automaton over literal strings, built once. */
export class LiteralFilter {
  /** Per pattern: the literal ids it needs, or null (always runs). */
  private readonly always: number[] = [];
  private readonly byLiteral: number[][] = [];
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private readonly marks: Uint32Array;
  private stamp = 0;
  readonly patterns: number;

  constructor(patterns: readonly string[]) {
    this.patterns = patterns.length;
    this.marks = new Uint32Array(patterns.length);
    const ids = new Map<string, number>();
    patterns.forEach((source, index) => {
      const need = neededLiterals(source);
      if (!need) {
        this.always.push(index);
        return;
      }
      for (const lit of need) {
        let id = ids.get(lit);
        if (id === undefined) {
          ids.set(lit, (id = ids.size));
          this.byLiteral.push([]);
          this.insert(lit, id);
        }
        this.byLiteral[id]!.push(index);
      }
    });
    this.link();
  }

  private insert(lit: string, id: number): void {
    let node = 0;
    for (let i = 0; i < lit.length; i++) {
      const c = lit.charCodeAt(i);
      let n = this.next[node]!.get(c);
      if (n === undefined) {
        n = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.next[node]!.set(c, n);
      }
      node = n;
    }
    this.out[node]!.push(id);
  }

  private link(): void {
    const queue: number[] = [];
    for (const n of this.next[0]!.values()) queue.push(n);
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q]!;
      for (const [c, child] of this.next[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const to = this.next[f]!.get(c);
        this.fail[child] = to !== undefined && to !== child ? to : 0;
        this.out[child] = [...this.out[child]!, ...this.out[this.fail[child]!]!];
        queue.push(child);
      }
    }
  }

  /** Indexes of the patterns that may match `text`, in pattern order. */
  candidates(text: string): number[] {
    if (++this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const found: number[] = [...this.always];
    for (const i of this.always) this.marks[i] = stamp;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = this.next[node]!.get(c);
      while (to === undefined && node !== 0) {
        node = this.fail[node]!;
        to = this.next[node]!.get(c);
      }
      node = to ?? 0;
      for (const id of this.out[node]!) {
        for (const pattern of this.byLiteral[id]!) {
          if (this.marks[pattern] === stamp) continue;
          this.marks[pattern] = stamp;
          found.push(pattern);
        }
      }
    }
    return found.sort((a, b) => a - b);
  }
}
