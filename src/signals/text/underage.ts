/**
 * Underage signal: self-declared ages and school years in bios, captions and comments
 * (Indonesian, English, informal spelling): "umurku 12 tahun", "aku kelas 5 SD", "13 thn",
 * "anak SMP", "baru lulus SD", "i'm 13", "born in 2013", "class of 2030" — each with the age
 * range it implies — without counting adults about children ("anak saya kelas 5 SD", "adikku
 * umur 12", "guru SD"), numbers that are not ages ("12 tahun yang lalu", "promo 13 tahun",
 * "SD Negeri 5", "BPJS kelas 1"), the writer's past ("waktu aku kelas 5") or adults' own ages.
 *
 * It reads the tokens of the text normaliser's plain view (styled letters, repeated letters and
 * informal spellings folded: aq → aku, gw → gue, msh → masih), so a scan reuses the views it has
 * already built. Who a match is about is the nearest person word before it in the same clause
 * (a line, or the part between commas or bars): the writer (aku, saya, gue, i'm …) makes it a
 * self-declaration; a relation or someone else (anak saya, adikku, murid, dia, my son …) drops
 * it; nothing at all (a bio's "13 thn | jkt") makes it a weaker, bare hint. Every look-around is
 * a fixed number of tokens, so the cost is linear in the text. The word lists are data:
 * data/text/underage/lexicon.yaml.
 *
 * Weights (how sure one match is that the writer is under 18): a first-person age or school
 * year 0.85–0.9; an age word alone ("umur 13") 0.7; a bare "13 thn" 0.6; a bare school year
 * 0.4–0.55; "anak SMP" alone 0.45. The score of a text is 1 − Π(1 − weight), halved when the
 * writer also declares an adult age or adult life (kuliah, karyawan).
 *
 * @example
 * detectUnderage('aku kelas 5 SD, umurku 11 tahun');
 * // { score: 0.99, age: { min: 11, max: 11 }, evidence: [{ match: 'aku kelas 5 SD', kind: 'school_year', age: { min: 10, max: 12 }, … }, …] }
 */
import { readFileSync } from 'node:fs';
import { shippedYamlDocument, yaml } from '../../shared/shipped-yaml.js';
import { z } from 'zod';
import { dataPath } from '../../config/paths.js';
import { normalise, originalRange, type NormalisedText, type TextView } from './normalise.js';

export type UnderageKind = 'age' | 'school_year' | 'school_level' | 'graduation' | 'birth_year';

export interface AgeRange {
  min: number;
  max: number;
}

/** One self-declaration; offsets count code points in the text. */
export interface UnderageMatch {
  match: string;
  start: number;
  end: number;
  kind: UnderageKind;
  age: AgeRange;
  weight: number;
}

export interface UnderageResult {
  /** 0–1: how sure Saring is that the writer declared an age under 18. */
  score: number;
  /** The age the strongest evidence gives, narrowed by the rest where they agree. */
  age: AgeRange;
  evidence: UnderageMatch[];
}

const words = z.array(z.string().min(1)).max(500);
const underageLexiconSchema = z
  .object({
    version: z.number().int().min(1),
    firstPerson: words,
    relations: words,
    roles: words,
    descriptors: words,
    fillers: words,
    past: words,
    present: words,
    ageWords: words,
    ageUnits: words,
    notAgeAfter: words,
    notAgeBefore: words,
    classWords: words,
    gradeWords: words,
    notSchoolClass: words,
    graduate: words,
    enter: words,
    soon: words,
    just: words,
    birth: words,
    levels: z.array(z.object({ words, min: z.number().int(), max: z.number().int(), first: z.number().int() }).strict()).min(1),
    ambiguousLevels: words,
    schoolName: words,
    adultSelf: words,
    numbers: z.record(z.string(), z.number().int().min(0).max(99)),
  })
  .strict();

export type UnderageLexicon = z.infer<typeof underageLexiconSchema>;

interface Level {
  min: number;
  max: number;
  /** The first school year of the level (SD 1, SMP 7, SMA 10). */
  first: number;
}

/** The lexicon with every word folded the way the text is. */
export interface CompiledUnderageLexicon {
  version: number;
  first: Set<string>;
  relations: Set<string>;
  roles: Set<string>;
  descriptors: Set<string>;
  fillers: Set<string>;
  past: Set<string>;
  present: Set<string>;
  ageWords: Set<string>;
  /** Age words with a first-person suffix (umurku, usiaq). */
  ageWordsSelf: Set<string>;
  /** Age words with another person's suffix (umurmu, umurnya). */
  ageWordsOther: Set<string>;
  ageUnits: Set<string>;
  notAgeAfter: Set<string>;
  notAgeBefore: Set<string>;
  classWords: Set<string>;
  classWordsSelf: Set<string>;
  gradeWords: Set<string>;
  notSchoolClass: Set<string>;
  graduate: Set<string>;
  enter: Set<string>;
  soon: Set<string>;
  just: Set<string>;
  birth: Set<string>;
  /** Level phrases (as token lists) by their first token, longest first. */
  levels: Map<string, { tokens: string[]; level: Level }[]>;
  ambiguousLevels: Map<string, Level>;
  schoolName: Set<string>;
  adultSelf: Set<string>;
  numbers: Map<string, number>;
  /** Words that can start a match (with any token holding a digit): a text without one is skipped at once. */
  triggers: Set<string>;
}

function fold(word: string): string[] {
  return normalise(word).plain.tokens.map((t) => t.text);
}

function foldSet(list: readonly string[], suffixes: readonly string[] = []): Set<string> {
  const out = new Set<string>();
  for (const w of list) {
    for (const s of ['', ...suffixes]) {
      const t = fold(w + s);
      if (t.length === 1) out.add(t[0]!);
    }
  }
  return out;
}

const OWN = ['ku', 'q'];
const OTHERS = ['mu', 'nya'];

export function compileUnderageLexicon(doc: unknown): CompiledUnderageLexicon {
  const lex = underageLexiconSchema.parse(doc);
  const levels = new Map<string, { tokens: string[]; level: Level }[]>();
  const ambiguousLevels = new Map<string, Level>();
  const ambiguous = foldSet(lex.ambiguousLevels);
  for (const l of lex.levels) {
    const level = { min: l.min, max: l.max, first: l.first };
    for (const w of l.words) {
      const tokens = fold(w);
      if (tokens.length === 0) continue;
      if (tokens.length === 1 && ambiguous.has(tokens[0]!)) ambiguousLevels.set(tokens[0]!, level);
      else {
        const list = levels.get(tokens[0]!) ?? [];
        list.push({ tokens, level });
        levels.set(tokens[0]!, list);
      }
    }
  }
  for (const list of levels.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const numbers = new Map<string, number>();
  for (const [w, n] of Object.entries(lex.numbers)) {
    const t = fold(w);
    if (t.length === 1) numbers.set(t[0]!, n);
  }
  const compiled: Omit<CompiledUnderageLexicon, 'triggers'> = {
    version: lex.version,
    first: foldSet(lex.firstPerson),
    relations: foldSet(lex.relations, [...OWN, ...OTHERS]),
    roles: foldSet(lex.roles, [...OWN, ...OTHERS]),
    descriptors: foldSet(lex.descriptors),
    fillers: foldSet(lex.fillers),
    past: foldSet(lex.past),
    present: foldSet(lex.present),
    ageWords: foldSet(lex.ageWords),
    ageWordsSelf: foldSet(lex.ageWords.flatMap((w) => OWN.map((s) => w + s))),
    ageWordsOther: foldSet(lex.ageWords.flatMap((w) => OTHERS.map((s) => w + s))),
    ageUnits: foldSet(lex.ageUnits),
    notAgeAfter: foldSet(lex.notAgeAfter),
    notAgeBefore: foldSet(lex.notAgeBefore),
    classWords: foldSet(lex.classWords),
    classWordsSelf: foldSet(lex.classWords.flatMap((w) => OWN.map((s) => w + s))),
    gradeWords: foldSet(lex.gradeWords),
    notSchoolClass: foldSet(lex.notSchoolClass),
    graduate: foldSet(lex.graduate),
    enter: foldSet(lex.enter),
    soon: foldSet(lex.soon),
    just: foldSet(lex.just),
    birth: foldSet(lex.birth),
    levels,
    ambiguousLevels,
    schoolName: foldSet(lex.schoolName),
    adultSelf: foldSet(lex.adultSelf),
    numbers,
  };
  const triggers = new Set([...compiled.classWords, ...compiled.classWordsSelf, ...compiled.numbers.keys(), ...levels.keys()]);
  return { ...compiled, triggers };
}

/** Reads and compiles an underage lexicon file (YAML). */
export function loadUnderageLexicon(path: string): CompiledUnderageLexicon {
  const text = readFileSync(path, 'utf8');
  return compileUnderageLexicon(shippedYamlDocument(text) ?? yaml().parse(text)); // the shipped file is parsed at build time
}

let shipped: CompiledUnderageLexicon | undefined;

/** The lexicon shipped with Saring (data/text/underage/lexicon.yaml), read once. */
export function defaultUnderageLexicon(): CompiledUnderageLexicon {
  return (shipped ??= loadUnderageLexicon(dataPath('text', 'underage', 'lexicon.yaml')));
}

// ---------------------------------------------------------------------------------------

/** A token of the plain view split where digits meet letters ("13thn" → 13, thn). */
interface Sub {
  text: string;
  /** View offsets. */
  from: number;
  to: number;
  digits: boolean;
  /** A clause starts here: a line break, a sentence end, or a comma, semicolon or bar before it. */
  boundary: boolean;
  /** A line break or a sentence end before it. */
  hard: boolean;
  /** Part of the same token as the previous sub-token (no gap). */
  glued: boolean;
  /** The characters between the previous sub-token and this one. */
  gap: string;
}

const SOFT_BREAK = /[,;|•·\n]/;
const DIGIT = /\d/;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function subTokens(view: TextView): Sub[] {
  const out: Sub[] = [];
  let prevEnd = 0;
  for (const t of view.tokens) {
    const gap = view.text.slice(prevEnd, t.start);
    const boundary = out.length === 0 || t.hardBefore || (gap !== ' ' && SOFT_BREAK.test(gap));
    let i = 0;
    const text = t.text;
    while (i < text.length) {
      const d = isDigit(text.charCodeAt(i));
      let j = i + 1;
      while (j < text.length && isDigit(text.charCodeAt(j)) === d) j++;
      const sub: Sub = { text: text.slice(i, j), from: t.start + i, to: t.start + j, digits: d, boundary: i === 0 && boundary, hard: i === 0 && (out.length === 0 || t.hardBefore), glued: i > 0, gap: i === 0 ? gap : '' };
      const prev = out[out.length - 1];
      // "i'm" → im, "y/o" and "y.o." → yo
      if (prev && i === 0 && !boundary && ((prev.text === 'i' && sub.text === 'm' && /^['’`]$/.test(gap)) || (prev.text === 'y' && sub.text === 'o' && /^[/.]$/.test(gap)))) {
        prev.text += sub.text;
        prev.to = sub.to;
      } else out.push(sub);
      i = j;
    }
    prevEnd = t.end;
  }
  return out;
}

const ROMAN = new Map([
  ['i', 1], ['ii', 2], ['iii', 3], ['iv', 4], ['v', 5], ['vi', 6], ['vii', 7], ['viii', 8], ['ix', 9], ['x', 10], ['xi', 11], ['xii', 12],
]);
const ORDINAL = new Set(['st', 'nd', 'rd', 'th']);
const BELAS = 'belas';
/** "class" as the normaliser writes it (repeated letters collapse). */
const CLASS_OF = fold('class')[0]!;
/** Words of adults meeting old classmates: a past "class of" year beside them is a graduation. */
const CLASSMATES = new Set(['reunion', 'reuni', 'alumni', 'alumnus', 'anniversary', 'homecoming', 'angkatan'].map((w) => fold(w)[0]!));
/** Views offsets of a whole-number run joined by these are not ages: ranges, times, scores (5-12, 14.00, 13-12). */
const NUMBER_JOIN = /^\s*[-–.:/x]\s*$/;

type Subject =
  /** The writer (aku, saya, i'm …), at this sub-token. */
  | { who: 'self'; at: number }
  /** A word about oneself with no one before it in the clause ("anak SMP", "bocil"). */
  | { who: 'descriptor'; at: number }
  /** Nothing before it in the clause (a bio's "13 thn"). */
  | { who: 'bare' }
  | { who: 'other' };

interface Found {
  from: number;
  to: number;
  kind: UnderageKind;
  age: AgeRange;
  weight: number;
}

const MAX_LOOK_BACK = 8;
const MAX_PAST_LOOK_BACK = 10;
const MAX_EVIDENCE = 20;
const MIN_AGE = 6;
const ADULT = 18;

class Reader {
  readonly subs: Sub[];
  readonly found: Found[] = [];
  /** The writer declared an adult age or adult life. */
  adult = false;
  /** Sub-tokens already part of a match. */
  private readonly used: Uint8Array;

  constructor(
    readonly lex: CompiledUnderageLexicon,
    readonly view: TextView,
    readonly original: string,
    readonly thisYear: number,
  ) {
    this.subs = subTokens(view);
    this.used = new Uint8Array(this.subs.length);
  }

  text(i: number): string {
    return this.subs[i]?.text ?? '';
  }

  /** Whether sub-tokens i and i + 1 are in the same clause. */
  joined(i: number): boolean {
    const next = this.subs[i + 1];
    return i >= 0 && next !== undefined && !next.boundary;
  }

  /** The number at i (digits, a number word, "dua belas"), with the index after it. */
  number(i: number): { value: number; next: number } | undefined {
    const s = this.subs[i];
    if (!s) return undefined;
    if (s.digits) {
      if (s.text.length > 4) return undefined;
      // a model or code ("a12", "iphone13" glued)
      if (s.glued && !this.subs[i - 1]!.digits) return undefined;
      return { value: Number(s.text), next: i + 1 };
    }
    const n = this.lex.numbers.get(s.text);
    if (n === undefined) return undefined;
    if (n < 10 && this.joined(i) && this.text(i + 1) === BELAS) return { value: 10 + n, next: i + 2 };
    return { value: n, next: i + 1 };
  }

  /** A number joined to another by a dash, dot, colon or slash (a range, a time, a score). */
  joinedNumber(i: number, next: number): boolean {
    const before = this.subs[i - 1];
    if (before?.digits && !this.subs[i]!.boundary && NUMBER_JOIN.test(this.subs[i]!.gap)) return true;
    const after = this.subs[next];
    return after !== undefined && after.digits && !after.glued && !after.boundary && NUMBER_JOIN.test(after.gap);
  }

  /** Who the clause is about, looking back from sub-token k (exclusive). */
  subject(k: number, opts: { birth?: boolean } = {}): Subject {
    const l = this.lex;
    let descriptor = -1;
    for (let j = k - 1, steps = 0; j >= 0 && steps < MAX_LOOK_BACK; j--, steps++) {
      if (!this.joined(j)) break;
      const w = this.text(j);
      if (l.first.has(w)) {
        // "anak saya", "adik aku", "ibu dari …"
        const before = this.joined(j - 1) ? this.text(j - 1) : '';
        if (before && (l.relations.has(before) || l.roles.has(before))) return { who: 'other' };
        return { who: 'self', at: j };
      }
      if (l.descriptors.has(w)) {
        descriptor = j;
        continue;
      }
      if (opts.birth && w === 'was') continue;
      if (l.fillers.has(w) || this.subs[j]!.digits) continue;
      return { who: 'other' };
    }
    // Ran out of look-back inside a clause: too far to tell.
    const start = descriptor >= 0 ? descriptor : k;
    const reachedStart = start === 0 || !this.joined(start - 1) || this.clauseStart(start);
    if (!reachedStart) return { who: 'other' };
    return descriptor >= 0 ? { who: 'descriptor', at: descriptor } : { who: 'bare' };
  }

  /** Whether only fillers and numbers lie between the clause start and sub-token k. */
  clauseStart(k: number): boolean {
    for (let j = k - 1, steps = 0; j >= 0 && steps < MAX_LOOK_BACK; j--, steps++) {
      if (!this.joined(j)) return true;
      const w = this.text(j);
      if (!(this.lex.fillers.has(w) || this.lex.descriptors.has(w) || this.subs[j]!.digits)) return false;
    }
    return false;
  }

  /** Whether the writer speaks of the past before sub-token k (up to a present word or a line). */
  past(k: number, opts: { birth?: boolean } = {}): boolean {
    for (let j = k - 1, steps = 0; j >= 0 && steps < MAX_PAST_LOOK_BACK; j--, steps++) {
      const w = this.text(j);
      if (this.lex.present.has(w)) return false;
      if (this.lex.past.has(w) && !(opts.birth && w === 'was')) return true;
      // a line, a sentence end or a bar: another statement (a comma is not)
      if (this.subs[j]!.hard || /[|•]/.test(this.subs[j]!.gap)) return false;
    }
    return false;
  }

  add(from: number, to: number, kind: UnderageKind, age: AgeRange, weight: number): void {
    if (age.min >= ADULT || age.max < MIN_AGE || this.found.length >= MAX_EVIDENCE) return;
    for (let j = from; j < to; j++) this.used[j] = 1;
    this.found.push({ from, to, kind, age: { min: Math.max(age.min, 0), max: age.max }, weight });
  }

  isUsed(i: number): boolean {
    return this.used[i] === 1;
  }

  /** A level phrase at i (sd, smp, "middle school"), with the index after it. */
  level(i: number): { level: Level; next: number } | undefined {
    for (const { tokens, level } of this.lex.levels.get(this.text(i)) ?? []) {
      let ok = true;
      for (let k = 0; k < tokens.length; k++) {
        if (this.text(i + k) !== tokens[k] || (k > 0 && !this.joined(i + k - 1))) {
          ok = false;
          break;
        }
      }
      if (ok) return { level, next: i + tokens.length };
    }
    return undefined;
  }

  /** The original-text slice of sub-tokens [from, to). */
  originalText(from: number, to: number): string {
    const [s, e] = originalRange(this.view, this.subs[from]!.from, this.subs[to - 1]!.to);
    return this.original.slice(s, e);
  }

  /** A school year after a class word at i: "kelas 5", "kls VII", "kelas 2 SMA", "grade 7". */
  schoolYear(i: number): void {
    const l = this.lex;
    const w = this.text(i);
    const own = l.classWordsSelf.has(w);
    if (!own && !l.classWords.has(w)) return;
    if (!this.joined(i)) return;
    let year: number | undefined;
    let next = i + 2;
    const num = this.number(i + 1);
    if (num) {
      year = num.value;
      next = num.next;
    } else if (!this.subs[i + 1]!.digits) {
      // Roman numerals, read from the original (the view collapses "vii" to "vi").
      const roman = ROMAN.get(this.originalText(i + 1, i + 2).toLowerCase());
      if (roman !== undefined && this.originalText(i + 1, i + 2).length <= 4) year = roman;
    }
    if (year === undefined || year < 1 || year > 12) return;
    if (this.joinedNumber(i + 1, next)) return;
    // "6A", "9-C": a class letter
    if (this.joined(next - 1) && this.text(next).length === 1 && !this.subs[next]!.digits && !ROMAN.has(this.text(next))) next++;
    const before = this.joined(i - 1) ? this.text(i - 1) : '';
    if (l.notSchoolClass.has(before)) return;
    if (this.joined(next - 1) && (l.notSchoolClass.has(this.text(next)) || l.notAgeAfter.has(this.text(next)))) return;
    let level: Level | undefined;
    if (this.joined(next - 1)) {
      const lv = this.level(next);
      const amb = lv ? undefined : l.ambiguousLevels.get(this.text(next));
      const found = lv?.level ?? amb;
      if (found) {
        level = found;
        next = lv ? lv.next : next + 1;
        if (l.notSchoolClass.has(this.text(next)) && this.joined(next - 1)) return;
      }
    }
    let grade = year;
    if (level) {
      const span = level.first === 1 ? 6 : 3;
      if (year <= span && level.first > 1) grade = level.first - 1 + year; // "kelas 2 SMA" = kelas 11
      else if (year < level.first || year >= level.first + span) level = undefined; // "kelas 5 SMP": not a real pair
    }
    const age = { min: grade + 5, max: grade + 7 };
    if (this.past(i)) return;
    const subject: Subject = own ? { who: 'self', at: i } : this.subject(i);
    if (subject.who === 'other') return;
    const from = subject.who === 'self' || subject.who === 'descriptor' ? Math.min(subject.at, i) : i;
    const weight = subject.who === 'self' ? (level ? 0.9 : 0.85) : subject.who === 'descriptor' ? 0.45 : level ? 0.55 : 0.4;
    this.add(from, next, 'school_year', age, weight);
  }

  /** An age: "13 thn", "umurku 12", "gw masih 14", "i'm 13", "12yo", "tiga belas tahun". */
  age(i: number): void {
    const l = this.lex;
    const num = this.number(i);
    if (!num) return;
    const s = this.subs[i]!;
    if (s.digits && s.text.length > 2) return;
    let next = num.next;
    if (this.joinedNumber(i, next)) return;
    // ordinal grade: "7th grade", "7th grader"
    if (this.joined(next - 1) && ORDINAL.has(this.text(next)) && this.joined(next) && l.gradeWords.has(this.text(next + 1))) {
      if (num.value < 1 || num.value > 12 || this.past(i)) return;
      const subject = this.subject(i);
      if (subject.who === 'other') return;
      const from = subject.who === 'self' || subject.who === 'descriptor' ? subject.at : i;
      this.add(from, next + 2, 'school_year', { min: num.value + 5, max: num.value + 7 }, subject.who === 'self' ? 0.85 : 0.4);
      return;
    }
    let unit = false;
    if (this.joined(next - 1) && l.ageUnits.has(this.text(next))) {
      unit = true;
      next++;
      if (this.joined(next - 1) && this.text(next) === 'old') next++;
    }
    const after = this.joined(next - 1) ? this.text(next) : '';
    if (after && (l.notAgeAfter.has(after) || (after === 'yang' && l.notAgeAfter.has(this.text(next + 1))))) return;
    if (!unit && after && (l.notSchoolClass.has(after) || l.ageUnits.has(after))) return;
    const before = this.joined(i - 1) ? this.text(i - 1) : '';
    if (before && l.notAgeBefore.has(before)) return;
    // an age word before it: umur 12, umurku 12, umur aku 12, my age is 13, usia: 11
    let keyword = -1;
    let ownKeyword = false;
    let firstBetween = -1;
    for (let j = i - 1, steps = 0; j >= 0 && steps < 3 && this.joined(j); j--, steps++) {
      const w = this.text(j);
      if (l.ageWordsSelf.has(w)) {
        keyword = j;
        ownKeyword = true;
        break;
      }
      if (l.ageWords.has(w)) {
        keyword = j;
        break;
      }
      if (l.ageWordsOther.has(w)) return;
      if (l.first.has(w)) firstBetween = j;
      else if (!l.fillers.has(w)) break;
    }
    // a bare number needs the writer right before it: "aku 12", "gw masih 14", "i'm 13", "me: 13"
    let adjacent = -1;
    if (!unit && keyword < 0) {
      for (let j = i - 1, steps = 0; j >= 0 && steps < 3 && (this.joined(j) || this.subs[j + 1]!.gap.trim() === ':'); j--, steps++) {
        const w = this.text(j);
        if (l.first.has(w)) {
          adjacent = j;
          break;
        }
        if (!(w === 'masih' || w === 'baru' || w === 'cuma' || w === 'only' || w === 'just' || w === 'still' || w === 'a' || w === 'am' || w === 'is' || w === 'umurnya')) break;
      }
      if (adjacent < 0) return;
    }
    if (num.value < MIN_AGE) return;
    const start = keyword >= 0 ? keyword : i;
    if (this.past(start)) return;
    let subject: Subject;
    if (ownKeyword) subject = { who: 'self', at: keyword };
    else if (firstBetween >= 0) subject = { who: 'self', at: firstBetween };
    else if (adjacent >= 0) subject = this.subject(adjacent + 1);
    else subject = this.subject(start);
    // "anak 12 tahun" with no writer before it is about a child; "aku cewek 13 thn" reached the writer
    if (subject.who === 'other' || subject.who === 'descriptor') return;
    if (num.value >= ADULT) {
      if (subject.who === 'self') this.adult = true;
      return;
    }
    let weight: number;
    if (subject.who === 'self') weight = unit || keyword >= 0 ? 0.9 : before === 'masih' ? 0.8 : 0.75;
    else weight = keyword >= 0 ? 0.7 : unit ? 0.6 : 0;
    if (weight === 0) return;
    const from = subject.who === 'self' ? Math.min(subject.at, start) : start;
    this.add(from, next, 'age', { min: num.value, max: num.value }, weight);
  }

  /** A school level: "aku masih SD", "anak SMP", "baru lulus SD", "mau masuk SMP", "middle schooler". */
  schoolLevel(i: number): void {
    const l = this.lex;
    const lv = this.level(i);
    if (!lv) return;
    const { next } = lv;
    const { level } = lv;
    // a school's name: "SD Negeri 5", "SMPN 1", "SMA 12" — only the writer's own school counts
    const name = (this.joined(next - 1) && (l.schoolName.has(this.text(next)) || this.subs[next]!.digits)) || this.text(i).endsWith('n') && this.text(i).length > 2;
    let start = i;
    let kind: UnderageKind = 'school_level';
    let age: AgeRange = { min: level.min, max: level.max };
    let leadIn = false;
    const verb = this.joined(i - 1) ? this.text(i - 1) : '';
    if (l.graduate.has(verb) || l.enter.has(verb)) {
      const when = this.joined(i - 2) ? this.text(i - 2) : '';
      const just = l.just.has(when);
      const soon = l.soon.has(when);
      if (l.graduate.has(verb)) {
        if (!just) return; // "lulus SD tahun 2000", "lulusan SD": not now
        kind = 'graduation';
        age = { min: level.max, max: level.max + 1 };
      } else {
        if (!just && !soon) return;
        age = soon ? { min: level.min - 1, max: level.min } : { min: level.min, max: level.min + 1 };
      }
      start = i - 2;
      leadIn = true;
    }
    if (this.past(start)) return;
    const subject = this.subject(start);
    if (subject.who === 'other') return;
    if (name && subject.who !== 'self') return;
    let weight: number;
    if (subject.who === 'self') weight = name ? 0.75 : 0.8;
    else if (subject.who === 'descriptor') weight = 0.45;
    else if (leadIn) weight = 0.6;
    else if (this.lex.descriptors.has(this.text(i)) || this.text(i).endsWith('schooler')) weight = 0.45;
    else return;
    const from = subject.who === 'self' || subject.who === 'descriptor' ? subject.at : start;
    this.add(from, next, kind, age, weight);
  }

  /** A birth year ("lahir 2012", "born in 2013") or a graduation year ("class of 2030"). */
  yearOf(i: number): void {
    const s = this.subs[i]!;
    if (!s.digits || s.text.length !== 4 || (s.glued && !this.subs[i - 1]!.digits)) return;
    const y = Number(s.text);
    const l = this.lex;
    let j = i - 1;
    while (j >= 0 && i - j <= 3 && this.joined(j) && (this.text(j) === 'in' || this.text(j) === 'on' || this.text(j) === 'pada' || l.ageUnits.has(this.text(j)))) j--;
    if (j >= 0 && this.joined(j) && l.birth.has(this.text(j))) {
      if (this.past(j, { birth: true })) return;
      const subject = this.subject(j, { birth: true });
      if (subject.who === 'other' || subject.who === 'descriptor') return;
      const age = { min: this.thisYear - y - 1, max: this.thisYear - y };
      this.add(subject.who === 'self' ? subject.at : j, i + 1, 'birth_year', age, subject.who === 'self' ? 0.9 : 0.7);
      return;
    }
    if (this.text(i - 1) === 'of' && this.joined(i - 1) && this.joined(i - 2) && this.text(i - 2) === CLASS_OF) {
      const d = y - this.thisYear;
      if (this.past(i - 2)) return;
      const subject = this.subject(i - 2);
      if (subject.who === 'other' || subject.who === 'descriptor') return;
      const from = subject.who === 'self' ? subject.at : i - 2;
      if (d >= 0) {
        this.add(from, i + 1, 'graduation', { min: 17 - d, max: 18 - d }, subject.who === 'self' ? 0.85 : 0.6);
        return;
      }
      // A past year is ambiguous: a graduation (an adult) or, as children use it, a birth cohort
      // ("class of 2014": born in 2014). Read as the cohort, weakly — never enough alone for a
      // review — and not at all beside words of old classmates ("class of 2014 reunion").
      const age = this.thisYear - y;
      if (age < 3 || age > 17) return;
      for (let j = i; j <= i + 3 && this.joined(j); j++) if (CLASSMATES.has(this.text(j + 1))) return;
      this.add(from, i + 1, 'birth_year', { min: age - 1, max: age }, subject.who === 'self' ? 0.6 : 0.45);
    }
  }

  /** "aku kuliah", "saya karyawan", "gw bapak anak dua": the writer is an adult. */
  adultLife(i: number): void {
    if (!this.lex.first.has(this.text(i))) return;
    for (let j = i + 1; j <= i + 3 && this.joined(j - 1); j++) {
      const w = this.text(j);
      if (this.lex.adultSelf.has(w)) {
        this.adult = true;
        return;
      }
      if (!this.lex.fillers.has(w)) return;
    }
  }

  read(): void {
    for (let i = 0; i < this.subs.length; i++) {
      if (this.isUsed(i)) continue;
      const s = this.subs[i]!;
      if (s.digits) {
        if (s.text.length === 4) this.yearOf(i);
        else this.age(i);
        continue;
      }
      const w = s.text;
      const l = this.lex;
      if (l.classWords.has(w) || l.classWordsSelf.has(w)) this.schoolYear(i);
      else if (l.numbers.has(w)) this.age(i);
      else if (l.first.has(w)) this.adultLife(i);
      else this.schoolLevel(i);
    }
  }
}

/** Code-point offset of a UTF-16 offset. */
function codePoints(text: string, utf16: number): number {
  let n = 0;
  for (let i = 0; i < utf16; i++, n++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < utf16) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

function hasTrigger(view: TextView, lexicon: CompiledUnderageLexicon): boolean {
  for (const t of view.tokens) if (lexicon.triggers.has(t.text)) return true;
  return false;
}

/** The score and age of evidence from one or more texts. */
export function combineUnderage(evidence: readonly { weight: number; age: AgeRange }[], adult = false): { score: number; age: AgeRange } {
  let rest = 1;
  for (const e of evidence) rest *= 1 - e.weight;
  let score = Math.min(0.99, 1 - rest);
  if (adult) score /= 2;
  const sorted = [...evidence].sort((a, b) => b.weight - a.weight);
  const age = { ...sorted[0]!.age };
  for (const e of sorted.slice(1)) {
    const min = Math.max(age.min, e.age.min);
    const max = Math.min(age.max, e.age.max);
    if (min <= max) {
      age.min = min;
      age.max = max;
    }
  }
  return { score: Math.round(score * 1000) / 1000, age };
}

export interface DetectUnderageOptions {
  /** Birth and graduation years are read against this date (default: now). */
  now?: Date;
  /** The text's normalised views, when the caller has them already (a scan). */
  normalised?: NormalisedText;
  lexicon?: CompiledUnderageLexicon;
}

/** What one text says of the writer's age: undefined when nothing says under 18. */
export function detectUnderage(text: string, options: DetectUnderageOptions = {}): (UnderageResult & { adult: boolean }) | undefined {
  if (!text) return undefined;
  const normalised = options.normalised ?? normalise(text);
  const lexicon = options.lexicon ?? defaultUnderageLexicon();
  if (!DIGIT.test(normalised.plain.text) && !hasTrigger(normalised.plain, lexicon)) return undefined;
  const reader = new Reader(lexicon, normalised.plain, text, (options.now ?? new Date()).getUTCFullYear());
  reader.read();
  if (reader.found.length === 0) return undefined;
  const evidence: UnderageMatch[] = reader.found.map((f) => {
    const [s, e] = originalRange(normalised.plain, reader.subs[f.from]!.from, reader.subs[f.to - 1]!.to);
    return { match: text.slice(s, e), start: codePoints(text, s), end: codePoints(text, e), kind: f.kind, age: f.age, weight: f.weight };
  });
  return { ...combineUnderage(evidence, reader.adult), evidence, adult: reader.adult };
}
