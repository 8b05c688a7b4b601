import type { BankMatch } from '../banks/matcher.js';
import { CATEGORIES, type CategoryId } from '../categories/categories.js';
import { evaluatePolicy, type PolicyOutcome, type SourceScore } from '../policy/evaluate.js';
import { severity, sourceKey, type Audience } from '../policy/schema.js';
import type { ScanInput } from './schema.js';
import { scoreHits, type TextHit } from '../signals/text/index.js';
import { extractEntities } from '../signals/text/extract.js';
import { matchNormalised, withEntityHits } from '../signals/text/lexicon.js';
import { normalise, type NormalisedText } from '../signals/text/normalise.js';
import type { Contribution, Prediction } from '../signals/text/classifier/model.js';
import { identifyLanguage } from '../signals/text/language.js';
import { lexiconVocabulary, restoreSpaces } from '../signals/text/segment.js';
import type { ScanConfig } from './scan-config.js';
import type { Entity, Evidence, HashEvidence, ImageEvidence, ModelEvidence, TextEvidence, UnderageEvidence, Verdict } from './verdict.js';
import { combineUnderage, detectUnderage } from '../signals/text/underage.js';
import { incomplete, mediaTextUnits, unitToField, type MediaFindings, type MediaTextUnit, type NudityScores } from './media-findings.js';
import type { MediaRule, PolicySource } from '../policy/schema.js';

/** The scan part of the engine. */
export interface ScanApi {
  /** A verdict for texts; nothing is stored. */
  scan(input: ScanInput): Promise<Verdict>;
  /** The compiled policy and lexicons scans use now. */
  scanConfig(): Promise<ScanConfig>;
}

export interface ScanTextsInput {
  texts: Record<string, string>;
  audience: Audience;
  /** Bank matches of the content's media, by media position. */
  bankMatches?: { media: number; match: BankMatch }[];
  /** What the analysis of the content's images and videos found (text on screen, speech, nudity). */
  media?: MediaFindings[];
  /** Birth and graduation years in the texts are read against this date (default: now). */
  now?: Date;
}

/**
 * A text the scan reads: a field the platform sent, or the lines read on screen / heard in one
 * media item joined into one text, with where each line starts (code points) to place evidence.
 */
interface ScanField {
  field: string;
  text: string;
  origin: 'caption' | 'ocr' | 'asr';
  media?: number;
  lines?: { start: number; end: number; text: string; timestamp: number; until: number; box?: TextEvidence['box']; thumbnail?: string }[];
}

function mediaFields(findings: readonly MediaFindings[], vocab: ReadonlySet<string>): ScanField[] {
  const fields: ScanField[] = [];
  for (const f of findings) {
    const suffix = f.media === 0 ? '' : `#${f.media + 1}`;
    const sets: ['ocr' | 'asr', { text: string; timestamp: number; until: number; box?: TextEvidence['box']; thumbnail?: string }[] | undefined][] = [
      ['ocr', f.ocr],
      ['asr', f.transcript],
    ];
    for (const [origin, items] of sets) {
      if (!items?.length) continue;
      const lines: NonNullable<ScanField['lines']> = [];
      const parts: string[] = [];
      let at = 0;
      for (const item of items) {
        // OCR drops spaces ("DEPO10RBWDCEPAT"): put back those the lexicons' words account for.
        const text = origin === 'ocr' ? restoreSpaces(item.text, vocab) : item.text;
        const length = [...text].length;
        const line: NonNullable<ScanField['lines']>[number] = { start: at, end: at + length, text, timestamp: item.timestamp, until: item.until };
        if (item.box) line.box = item.box;
        if (item.thumbnail) line.thumbnail = item.thumbnail;
        lines.push(line);
        parts.push(text);
        at += length + 1; // the newline between lines
      }
      fields.push({ field: `${origin}${suffix}`, text: parts.join('\n'), origin, media: f.media, lines });
    }
  }
  return fields;
}

function lineAt(field: ScanField, codePoint: number): NonNullable<ScanField['lines']>[number] | undefined {
  return field.lines?.find((l) => codePoint >= l.start && codePoint <= l.end);
}

/** Adds where a piece of media text evidence was seen or heard. */
function placeInMedia(e: TextEvidence, field: ScanField): void {
  const line = lineAt(field, e.start);
  e.source = field.origin;
  e.media = field.media!;
  if (!line) return;
  e.text = line.text;
  e.start -= line.start;
  e.end = Math.min(e.end - line.start, line.end - line.start);
  e.timestamp = line.timestamp;
  e.until = line.until;
  if (line.box) e.box = line.box;
  if (line.thumbnail) e.thumbnail = line.thumbnail;
}

const NUDITY_FRAMES_SHOWN = 10;
const IMAGE_EVIDENCE_FROM = 0.1;

/** The nudity sources the policy names, scored over every analysed frame of every media item. */
function addImageSignals(config: ScanConfig, findings: readonly MediaFindings[], signals: Map<CategoryId, Map<string, SourceScore<Evidence>>>): void {
  for (const [category, rules] of Object.entries(config.policy.categories) as [CategoryId, NonNullable<ScanConfig['policy']['categories'][CategoryId]>][]) {
    for (const source of rules.sources) {
      if (source === 'lexicon' || !('image' in source)) continue;
      let best: ImageEvidence | undefined;
      for (const f of findings) {
        if (!f.nudity?.frames.length) continue;
        const sum = (scores: NudityScores) => source.classes.reduce((a, c) => a + scores[c], 0);
        const scored = f.nudity.frames.map((fr) => ({ timestamp: fr.timestamp, score: Math.round(Math.min(1, sum(fr.scores)) * 1000) / 1000, ...(fr.thumbnail ? { thumbnail: fr.thumbnail } : {}) }));
        const top = Math.max(...scored.map((x) => x.score));
        if (best && top <= best.score) continue;
        const shown = scored
          .filter((x) => x.score >= top / 2 && x.score > 0)
          .sort((a, b) => b.score - a.score)
          .slice(0, NUDITY_FRAMES_SHOWN)
          .sort((a, b) => a.timestamp - b.timestamp);
        best = { source: 'image', media: f.media, classifier: f.nudity.classifier, classes: [...source.classes], score: top, weight: top, frames: shown };
      }
      // Every picture gets some probability of every class: below this it is not evidence of anything.
      if (!best || best.score < IMAGE_EVIDENCE_FROM) continue;
      let bySource = signals.get(category);
      if (!bySource) signals.set(category, (bySource = new Map()));
      bySource.set(sourceKey(source as PolicySource), { source: sourceKey(source as PolicySource), score: best.score, evidence: [best] });
    }
  }
}

function ruleApplies(rule: MediaRule | undefined, audience: Audience): rule is MediaRule {
  return !!rule && rule.action === 'review' && (!rule.audience || rule.audience.includes(audience));
}

/**
 * Media Saring could not fully read: speech nobody transcribed, or an analysis step that failed.
 * When the policy says so, the verdict becomes review; a harsher verdict stands.
 */
function withMediaRouting(outcome: PolicyOutcome<Evidence>, policy: ScanConfig['policy'], findings: readonly MediaFindings[], audience: Audience): PolicyOutcome<Evidence> {
  if (severity(outcome.action) >= severity('review') || findings.length === 0) return outcome;
  const rules = policy.media;
  const failed = rules?.incomplete;
  if (ruleApplies(failed, audience) && findings.some(incomplete)) {
    return { ...outcome, action: 'review', review: { queue: failed.queue, priority: failed.priority, reason: 'incomplete_analysis' } };
  }
  const speech = rules?.speechWithoutTranscript;
  if (ruleApplies(speech, audience) && findings.some((f) => f.speech?.detected && !f.speech.transcribed)) {
    return { ...outcome, action: 'review', review: { queue: speech.queue, priority: speech.priority, reason: 'untranscribed_speech' } };
  }
  return outcome;
}

function hashEvidence(media: number, m: BankMatch): HashEvidence {
  const e: HashEvidence = {
    source: 'hash',
    media,
    bank: m.bank,
    entryId: m.entryId,
    signalType: m.signalType,
    method: m.method,
    distance: m.distance,
    provenance: m.provenance,
    sourceRef: m.sourceRef,
    weight: 1,
  };
  if (m.queryMatchPercent !== undefined) e.queryMatchPercent = m.queryMatchPercent;
  if (m.comparedMatchPercent !== undefined) e.comparedMatchPercent = m.comparedMatchPercent;
  if (m.frames) e.frames = m.frames;
  return e;
}

/**
 * A bank match is a decision already taken about this media (a removal, an imported list, an
 * order): its category gets the bank's action unless the policy already asks for more.
 */
function withBankMatches(outcome: PolicyOutcome<Evidence>, matches: { media: number; match: BankMatch }[]): PolicyOutcome<Evidence> {
  if (matches.length === 0) return outcome;
  const categories = [...outcome.categories];
  for (const { media, match } of matches) {
    let c = categories.find((x) => x.category === match.category);
    if (!c) {
      const cat = CATEGORIES[match.category];
      c = { category: match.category, score: 1, action: 'allow', urgent: cat.urgent, legalGround: cat.legalGround, evidence: [] };
      categories.push(c);
    }
    c.evidence = [...c.evidence, hashEvidence(media, match)];
    c.score = 1;
    if (severity(match.action) > severity(c.action)) {
      c.action = match.action;
      if (match.action === 'review') {
        c.queue = 'hash-match';
        c.priority = c.urgent ? 'urgent' : 'high';
      } else {
        delete c.queue;
        delete c.priority;
      }
    }
  }
  categories.sort((a, b) => severity(b.action) - severity(a.action) || b.score - a.score);
  const top = categories[0]!;
  const result: PolicyOutcome<Evidence> = { action: top.action, categories };
  const review = categories.find((c) => c.action === 'review' && c.queue);
  if (top.action === 'review' && review) result.review = { queue: review.queue!, priority: review.priority!, category: review.category };
  return result;
}

/**
 * Text signals were built for some languages. When a category acts on a field reliably written in
 * another, a person decides instead: the verdict becomes review (never harsher, never milder).
 */
function withLanguageRouting(
  outcome: PolicyOutcome<Evidence>,
  policy: ScanConfig['policy'],
  languages: Verdict['signals']['languages'],
): PolicyOutcome<Evidence> {
  const rule = policy.languages;
  if (!rule || outcome.action === 'allow' || outcome.action === 'review') return outcome;
  const foreign = new Set(languages.filter((l) => l.reliable && !rule.supported.includes(l.language)).map((l) => l.field));
  const deciding = outcome.categories.filter((c) => c.action === outcome.action);
  const trigger = deciding.find((c) => c.evidence.some((e) => 'field' in e && e.weight > 0 && foreign.has(e.field)));
  if (!trigger) return outcome;
  return {
    ...outcome,
    action: 'review',
    review: { queue: rule.queue, priority: rule.priority, category: trigger.category, reason: 'unsupported_language' },
  };
}

/** Scores below this are not explained (explaining costs a second pass over the features). */
const EXPLAIN_FROM = 0.2;

/**
 * Milliseconds spent in each stage of the text scan path, added up over the calls given it
 * (`npm run bench` prints them). Without it nothing is timed.
 */
export interface ScanStageTimes {
  /** Folding, tokens, views (`normalise`). */
  normalise: number;
  /** Lexicon terms and patterns on the views, entities, domain entries, hits scored per category. */
  lexicons: number;
  /** Self-declared ages. */
  underage: number;
  /** Classifier scores. */
  model: number;
  /** The features behind a classifier score (for scores of at least 0.2). */
  explain: number;
  /** Language of the fields behind an action. */
  language: number;
  /** Policy, routing and the verdict itself. */
  policy: number;
}

export function emptyStageTimes(): ScanStageTimes {
  return { normalise: 0, lexicons: 0, underage: 0, model: 0, explain: 0, language: 0, policy: 0 };
}

/** Adds the time since `since` to a stage; returns now (0 when nothing is timed). */
function lap(times: ScanStageTimes | undefined, stage: keyof ScanStageTimes, since: number): number {
  if (!times) return 0;
  const now = performance.now();
  times[stage] += now - since;
  return now;
}

/**
 * The classifiers the policy names, run over every text field; a category's model score is the
 * highest over its fields, with that field's top features as evidence. A media field is scored a
 * line and a screen at a time, not as one text (see `mediaTextUnits`).
 */
function addModelSignals(
  config: ScanConfig,
  texts: ReadonlyMap<string, NormalisedText>,
  fields: ReadonlyMap<string, ScanField>,
  signals: Map<CategoryId, Map<string, SourceScore<Evidence>>>,
  times?: ScanStageTimes,
): void {
  let t = times ? performance.now() : 0;
  const predictions = new Map<string, Prediction>();
  const explained = new Map<string, Record<string, Contribution[]>>();
  const inputs: { key: string; field: string; text: NormalisedText | string; unit?: MediaTextUnit }[] = [];
  for (const [field, text] of texts) {
    const lines = fields.get(field)?.lines;
    if (!lines) inputs.push({ key: field, field, text });
    else mediaTextUnits(lines).forEach((unit, i) => inputs.push({ key: `${field}\u0000${i}`, field, text: unit.text, unit }));
  }
  for (const [category, rules] of Object.entries(config.policy.categories) as [CategoryId, NonNullable<ScanConfig['policy']['categories'][CategoryId]>][]) {
    for (const source of rules.sources) {
      if (source === 'lexicon' || !('model' in source)) continue;
      const loaded = config.models.get(source.model);
      if (!loaded) continue;
      let best: { input: (typeof inputs)[number]; score: number } | undefined;
      for (const input of inputs) {
        const key = `${source.model}\u0000${input.key}`;
        let p = predictions.get(key);
        if (!p) predictions.set(key, (p = loaded.model.predict(input.text)));
        const score = p.labels[source.label]?.score ?? 0;
        if (!best || score > best.score) best = { input, score };
      }
      if (!best) continue;
      const { unit } = best.input;
      const evidence: ModelEvidence = {
        source: 'model',
        field: best.input.field,
        model: loaded.name,
        version: loaded.version,
        label: source.label,
        score: Math.round(best.score * 1000) / 1000,
        weight: Math.round(best.score * 1000) / 1000,
      };
      if (best.score >= EXPLAIN_FROM) {
        t = lap(times, 'model', t);
        // The field's views are normalised already; a unit of media lines is a text of its own.
        const key = `${source.model}\u0000${best.input.key}`;
        let all = explained.get(key);
        if (!all) explained.set(key, (all = loaded.model.explain(unit ? unit.text : texts.get(best.input.field)!)));
        const top = all[source.label] ?? [];
        // Offsets in a unit are placed back in its field's joined text.
        const at = (n: number) => (unit ? unitToField(unit, n) : n);
        evidence.features = top.map((c) => ({ feature: c.feature, weight: Math.round(c.weight * 1000) / 1000, start: at(c.start), end: at(c.end) }));
        t = lap(times, 'explain', t);
      }
      const field = fields.get(best.input.field);
      if (field && field.origin !== 'caption') {
        evidence.media = field.media!;
        const strongest = evidence.features?.find((f) => f.weight > 0);
        const line = lineAt(field, strongest ? strongest.start : (unit?.lines[0]?.start ?? 0));
        if (line) evidence.timestamp = line.timestamp;
      }
      let bySource = signals.get(category);
      if (!bySource) signals.set(category, (bySource = new Map()));
      bySource.set(sourceKey(source), { source: sourceKey(source), score: best.score, evidence: [evidence] });
    }
  }
  lap(times, 'model', t);
}

/** Code-point offset of a UTF-16 offset. */
function codePointOffset(text: string, utf16: number): number {
  let n = 0;
  for (let i = 0; i < utf16; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= utf16) n++;
    else {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      n++;
    }
  }
  return n;
}

/** Whether `text` has UTF-16 surrogates (else code-point offsets are UTF-16 offsets). */
function hasSurrogates(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

function toEvidence(field: string, text: string, astral: boolean, hit: TextHit): TextEvidence {
  return {
    source: 'caption',
    field,
    match: hit.match,
    start: astral ? codePointOffset(text, hit.start) : hit.start,
    end: astral ? codePointOffset(text, hit.end) : hit.end,
    term: hit.term,
    lexicon: hit.lexicon,
    lexiconVersion: hit.lexiconVersion,
    weight: hit.weight,
  };
}

/**
 * The scan pipeline for text: every field through the text signals, the hits of all fields
 * scored together per category (one document), then the policy. Pure and synchronous.
 * `times`, when given, gets the time each stage took added to it (benchmarks).
 */
export function scanTexts(config: ScanConfig, input: ScanTextsInput, times?: ScanStageTimes): Verdict {
  let t = times ? performance.now() : 0;
  const hits: { field: string; text: string; astral: boolean; hit: TextHit }[] = [];
  const entities: Entity[] = [];
  const languages: Verdict['signals']['languages'] = [];
  const normalised = new Map<string, NormalisedText>();
  const findings = input.media ?? [];
  const fields = new Map<string, ScanField>();
  for (const [field, text] of Object.entries(input.texts)) fields.set(field, { field, text, origin: 'caption' });
  if (findings.length > 0) for (const f of mediaFields(findings, lexiconVocabulary(config.lexicons))) fields.set(f.field, f);
  const underage: UnderageEvidence[] = [];
  let adult = false;
  t = lap(times, 'policy', t);
  for (const { field, text, origin } of fields.values()) {
    if (!text) continue;
    const views = normalise(text);
    t = lap(times, 'normalise', t);
    normalised.set(field, views);
    const found = extractEntities(views);
    const fieldHits = withEntityHits(config.compiled, matchNormalised(config.compiled, views), found, text);
    const astral = hasSurrogates(text);
    for (const hit of fieldHits) hits.push({ field, text, astral, hit });
    for (const e of found) {
      entities.push({
        field,
        type: e.type,
        value: e.value,
        match: e.match,
        start: astral ? codePointOffset(text, e.start) : e.start,
        end: astral ? codePointOffset(text, e.end) : e.end,
      });
    }
    t = lap(times, 'lexicons', t);
    if (origin === 'caption') {
      // The platform's texts (bios, captions, comments): a self-declared age is about the account.
      const age = detectUnderage(text, { normalised: views, ...(input.now ? { now: input.now } : {}) });
      if (age) {
        for (const e of age.evidence) underage.push({ field, ...e });
        adult ||= age.adult;
      }
      t = lap(times, 'underage', t);
    }
  }
  const byHit = new Map(hits.map((h) => [h.hit, h]));
  const signals = new Map<CategoryId, Map<string, SourceScore<Evidence>>>();
  for (const scored of scoreHits(hits.map((h) => h.hit))) {
    const evidence = scored.evidence.map((hit) => {
      const origin = byHit.get(hit)!;
      const e = toEvidence(origin.field, origin.text, origin.astral, hit);
      const field = fields.get(origin.field)!;
      if (field.origin !== 'caption') placeInMedia(e, field);
      return e;
    });
    signals.set(scored.category, new Map([['lexicon', { source: 'lexicon', score: scored.score, evidence }]]));
  }
  t = lap(times, 'lexicons', t);
  addModelSignals(config, normalised, fields, signals, times);
  if (times) t = performance.now();
  addImageSignals(config, findings, signals);
  const evaluated = evaluatePolicy<Evidence>(config.policy, signals, input.audience);
  t = lap(times, 'policy', t);
  // Language is told only for the fields behind an action: that is where it matters, and it costs
  // more than the rest of the text path.
  const acting = evaluated.categories.filter((c) => c.action !== 'allow').flatMap((c) => c.evidence);
  for (const field of new Set(acting.flatMap((e) => ('field' in e ? [e.field] : [])))) {
    const guess = identifyLanguage(fields.get(field)!.text, normalised.get(field));
    if (guess) languages.push({ field, ...guess });
  }
  for (const e of acting) {
    if (!('field' in e)) continue;
    const lang = languages.find((l) => l.field === e.field && l.reliable);
    if (lang) e.language = lang.language;
  }
  t = lap(times, 'language', t);
  const routed = withMediaRouting(withLanguageRouting(evaluated, config.policy, languages), config.policy, findings, input.audience);
  const outcome = withBankMatches(routed, input.bankMatches ?? []);
  const verdict: Verdict = {
    action: outcome.action,
    categories: outcome.categories,
    policyVersion: config.policyVersion,
    signals: { entities, languages },
  };
  if (findings.length > 0) verdict.signals.media = [...findings];
  if (underage.length > 0) verdict.signals.underage = { ...combineUnderage(underage, adult), evidence: underage };
  if (outcome.review) verdict.review = outcome.review;
  lap(times, 'policy', t);
  return verdict;
}
