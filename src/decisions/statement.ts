import { CATEGORIES, type CategoryId } from '../categories/categories.js';
import type { Evidence } from '../scan/verdict.js';

export const DECISION_ACTIONS = ['allow', 'restrict_16', 'restrict_18', 'remove'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];
export const ACTOR_TYPES = ['automated', 'moderator', 'regulator_order'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** A text in Bahasa Indonesia and English. */
export interface Bilingual {
  id: string;
  en: string;
}

/** One thing the decision rests on, in plain words: what was found and where. */
export interface Finding {
  /**
   * `words`: words or phrases the user wrote, showed on screen or said; `wording`: the way a text
   * is worded as a whole; `nudity`: nudity in an image or video; `removed_content`: the media
   * matches content removed earlier; `known_content`: it matches content known to be prohibited.
   */
  kind: 'words' | 'wording' | 'nudity' | 'removed_content' | 'known_content';
  /** For `words`: the words as the user wrote them (a few at most). */
  words?: string[];
  /** Where, in plain words: "in the caption", "on screen in the video at 0:05–0:08", "in the image". */
  where: Bilingual;
  /** The finding as a phrase: `"SLOT GACOR" in the caption`, `the image matches content removed earlier`. */
  text: Bilingual;
}

/**
 * A statement of reasons, written for the person whose content it is (the platform forwards it)
 * and read by a regulator. The fields follow what Permenkominfo 5/2020 asks a platform to tell the
 * uploader and what the EU DSA (art. 17) and its Transparency Database record, so one statement
 * serves both regimes. It holds plain language only: the technical evidence (lexicon terms,
 * weights, model scores, bank entries) stays on the decision (`Decision.evidence`) for
 * moderators and auditors.
 */
export interface StatementOfReasons {
  decisionId: string;
  content: { id: string; externalId: string; kind: string };
  /** What was done: `removed`, `age_restricted_18`, `hidden_under_16`, `no_action`. */
  visibility: 'removed' | 'age_restricted_18' | 'hidden_under_16' | 'no_action';
  action: DecisionAction;
  category: CategoryId | null;
  categoryLabel: Bilingual | null;
  ground: {
    type: 'illegal_content' | 'terms_of_service' | 'none';
    /** At most 500 characters (DSA). */
    legalGround: string | null;
    /** Why such content is prohibited, with the legal ground; at most 2,000 characters per language. */
    explanation: Bilingual;
  };
  /** The facts relied on: what was done, what was found and where, and a person's reason; at most 5,000 characters per language. */
  facts: { summary: Bilingual; found: Finding[] };
  /** The whole statement as one text to forward to the user: facts, ground and redress. */
  message: Bilingual;
  automatedDetection: boolean;
  automatedDecision: 'fully' | 'partially' | 'not_automated';
  /** What triggered the decision. */
  source: 'own_initiative' | 'notice' | 'regulator_order';
  territorialScope: string[];
  redress: { type: 'internal_complaint' | 'out_of_court' | 'judicial'; description: Bilingual }[];
  decidedAt: string;
}

/** DSA Transparency Database limits, per language. */
export const STATEMENT_LIMITS = { legalGround: 500, explanation: 2_000, facts: 5_000 } as const;
/** At most this many findings, words in all and code points per word are quoted. */
const MAX_FINDINGS = 6;
const MAX_WORDS = 5;
const MAX_WORD_LENGTH = 80;
/**
 * A classifier's finding (wording, nudity) is told when it scored at least this: it judged the
 * text or picture more likely than not to be what the category is about. Lower scores may add to
 * a category's score, but alone they say nothing true about the content.
 */
const CLASSIFIER_FINDING_FROM = 0.5;
/** A person's own reason is quoted up to this many code points (the facts stay within their limit). */
const MAX_REASON_LENGTH = 1_500;

const VISIBILITY: Record<DecisionAction, StatementOfReasons['visibility']> = {
  remove: 'removed',
  restrict_18: 'age_restricted_18',
  restrict_16: 'hidden_under_16',
  allow: 'no_action',
};

const DONE: Record<DecisionAction, Bilingual> = {
  remove: { id: 'Konten Anda telah dihapus', en: 'Your content has been removed' },
  restrict_18: { id: 'Konten Anda kini hanya ditampilkan kepada pengguna berusia 18 tahun ke atas', en: 'Your content is now shown only to users aged 18 or over' },
  restrict_16: { id: 'Konten Anda kini disembunyikan dari pengguna di bawah 16 tahun', en: 'Your content is now hidden from users under 16' },
  allow: { id: 'Konten Anda tetap ditampilkan; tidak ada tindakan terhadapnya', en: 'Your content stays visible; no action was taken against it' },
};

/** Where the person a decision is about can turn: the platform's appeal, out of court, the courts. */
export const REDRESS: StatementOfReasons['redress'] = [
  {
    type: 'internal_complaint',
    description: {
      id: 'Ajukan banding melalui platform dalam 6 bulan; banding ditinjau oleh moderator manusia yang tidak membuat keputusan ini.',
      en: 'Appeal through the platform within 6 months; a human moderator who did not take this decision reviews it.',
    },
  },
  {
    type: 'out_of_court',
    description: {
      id: 'Anda dapat mengadu kepada Kementerian Komunikasi dan Digital (Komdigi) atau lembaga penyelesaian sengketa yang diakui.',
      en: 'You may complain to the Ministry of Communication and Digital Affairs (Komdigi) or a recognised dispute-settlement body.',
    },
  },
  {
    type: 'judicial',
    description: {
      id: 'Anda berhak menempuh jalur hukum melalui pengadilan yang berwenang.',
      en: 'You may seek a remedy before the competent court.',
    },
  },
];

/** Text fields under the names platforms commonly use; others are named as they are. */
const FIELDS: Record<string, Bilingual> = {
  caption: { id: 'di keterangan (caption)', en: 'in the caption' },
  title: { id: 'di judul', en: 'in the title' },
  description: { id: 'di deskripsi', en: 'in the description' },
  hashtags: { id: 'di tagar', en: 'in the hashtags' },
  comment: { id: 'di komentar', en: 'in the comment' },
  reply: { id: 'di balasan', en: 'in the reply' },
  bio: { id: 'di bio profil', en: 'in the profile bio' },
  display_name: { id: 'di nama profil', en: 'in the profile name' },
  name: { id: 'di nama profil', en: 'in the profile name' },
  username: { id: 'di nama pengguna', en: 'in the username' },
  link: { id: 'di tautan', en: 'in the link' },
  url: { id: 'di tautan', en: 'in the link' },
};
/** The generic `text` field, by the kind of content it belongs to. */
const TEXT_FIELD: Record<string, Bilingual> = {
  comment: FIELDS['comment']!,
  profile: { id: 'di profil', en: 'in the profile' },
  text: { id: 'di postingan', en: 'in the post' },
};

export type MediaKind = 'image' | 'video' | 'audio' | 'media';

const MEDIA_NOUN: Record<MediaKind, Bilingual> = {
  image: { id: 'gambar', en: 'image' },
  video: { id: 'video', en: 'video' },
  audio: { id: 'audio', en: 'audio' },
  media: { id: 'media', en: 'media' },
};

/** `0:05`, `1:02:03`: whole seconds, as a player shows them. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function span(from: number, until?: number): string {
  return until !== undefined && clock(until) !== clock(from) ? `${clock(from)}–${clock(until)}` : clock(from);
}

function times(ts: number[]): Bilingual {
  const shown = [...new Set(ts.map(clock))].slice(0, 3);
  const join = (and: string) => (shown.length > 1 ? `${shown.slice(0, -1).join(', ')} ${and} ${shown.at(-1)}` : shown[0]!);
  return { id: join('dan'), en: join('and') };
}

function clip(text: string, max: number): string {
  const cps = [...text];
  return cps.length > max ? `${cps.slice(0, max - 1).join('')}…` : text;
}

/** What a statement is built from: the decision and what it rests on. */
export interface StatementInput {
  decisionId: string;
  content: { id: string; externalId: string; kind: string };
  /** The kind of each media item of the content, by position (unknown: `media`, or the content's kind). */
  mediaKinds?: readonly (MediaKind | undefined)[];
  action: DecisionAction;
  category: CategoryId | null;
  actorType: ActorType;
  automatedDetection: boolean;
  evidence: Evidence[];
  /**
   * A person's own reason (moderator, order): quoted, the same in both languages, or in each its
   * own (a reason template of the policy). An automated decision's reason is technical and stays out.
   */
  reason?: string | Bilingual | null | undefined;
  decidedAt: Date;
}

/** How the evidence is told to the user: plain findings, without terms, weights, scores, models or bank entries. */
export function findings(input: Pick<StatementInput, 'content' | 'mediaKinds' | 'evidence'>): Finding[] {
  const kinds = input.mediaKinds ?? [];
  const several = kinds.length > 1;
  /** The media item as a noun: "the video" / "video", or "video 2" / "video ke-2" when there are several. */
  const media = (i: number): { kind: MediaKind; en: string; id: string } => {
    const kind = kinds[i] ?? (input.content.kind === 'image' || input.content.kind === 'video' ? input.content.kind : 'media');
    const noun = MEDIA_NOUN[kind];
    return several ? { kind, en: `${noun.en} ${i + 1}`, id: `${noun.id} ke-${i + 1}` } : { kind, en: `the ${noun.en}`, id: noun.id };
  };
  const fieldPlace = (field: string): Bilingual =>
    (field === 'text' ? TEXT_FIELD[input.content.kind] : FIELDS[field]) ?? {
      id: `di kolom ${field.replace(/_/g, ' ')}`,
      en: `in the ${field.replace(/_/g, ' ')} field`,
    };
  // A still image has no time: text in it is "in the image", never "at 0:00".
  const onScreen = (i: number, from?: number, until?: number): Bilingual => {
    const m = media(i);
    if (m.kind === 'image' || from === undefined) return { id: `di ${m.id}`, en: `in ${m.en}` };
    const at = span(from, until);
    return { id: `di layar ${m.id} pada ${at}`, en: `on screen in ${m.en} at ${at}` };
  };
  const spoken = (i: number, from?: number, until?: number): Bilingual => {
    const m = media(i);
    const at = from === undefined ? '' : span(from, until);
    return { id: `diucapkan dalam ${m.id}${at && ` pada ${at}`}`, en: `spoken in ${m.en}${at && ` at ${at}`}` };
  };

  const out: Finding[] = [];
  const quoted = new Set<string>();
  /** The spans quoted from each text (field, or media line), to skip a match inside or across one already quoted. */
  const spans = new Map<string, { start: number; end: number; word: string }[]>();
  const add = (kind: Finding['kind'], where: Bilingual, text: Bilingual = where): Finding | undefined => {
    const known = out.find((x) => x.kind === kind && x.where.en === where.en);
    if (known) return known;
    if (out.length >= MAX_FINDINGS) return undefined;
    const f: Finding = { kind, ...(kind === 'words' ? { words: [] } : {}), where, text };
    out.push(f);
    return f;
  };
  // Strongest first, so the few quoted are those that weighed most; counter-evidence is no reason.
  const positive = input.evidence.filter((e) => e.weight > 0).sort((a, b) => b.weight - a.weight);
  for (const e of positive) {
    switch (e.source) {
      case 'caption':
      case 'ocr':
      case 'asr': {
        const word = clip(e.match.replace(/\s+/g, ' ').trim(), MAX_WORD_LENGTH);
        if (!word) break;
        const where = e.source === 'caption' ? fieldPlace(e.field) : e.source === 'ocr' ? onScreen(e.media ?? 0, e.timestamp, e.until) : spoken(e.media ?? 0, e.timestamp, e.until);
        const key = `${e.field}|${e.timestamp ?? ''}|${e.text ?? ''}`;
        const taken = spans.get(key) ?? [];
        if (quoted.has(word) || quoted.size >= MAX_WORDS || taken.some((t) => e.start < t.end && t.start < e.end)) break;
        const f = add('words', where);
        if (!f?.words) break;
        f.words.push(word);
        quoted.add(word);
        spans.set(key, [...taken, { start: e.start, end: e.end, word }]);
        break;
      }
      case 'model': {
        if (e.score < CLASSIFIER_FINDING_FROM) break;
        const origin = e.field.replace(/#\d+$/, '');
        const where = origin === 'ocr' ? onScreen(e.media ?? 0, e.timestamp) : origin === 'asr' ? spoken(e.media ?? 0, e.timestamp) : fieldPlace(e.field);
        add('wording', where, { id: `susunan kata yang khas untuk konten semacam ini ${where.id}`, en: `wording typical of such content ${where.en}` });
        break;
      }
      case 'image': {
        if (e.score < CLASSIFIER_FINDING_FROM) break;
        const m = media(e.media);
        const at = m.kind === 'image' || e.frames.length === 0 ? null : times(e.frames.map((f) => f.timestamp));
        const where = at ? { id: `dalam ${m.id} pada ${at.id}`, en: `in ${m.en} at ${at.en}` } : { id: `dalam ${m.id}`, en: `in ${m.en}` };
        // The suggestive class alone (not explicit) is not called nudity.
        const what = e.classes.some((c) => c !== 'sexy') ? { id: 'ketelanjangan', en: 'nudity' } : { id: 'konten yang bersifat sensual', en: 'sexually suggestive content' };
        add('nudity', where, { id: `${m.id} menampilkan ${what.id}${at ? ` pada ${at.id}` : ''}`, en: `${m.en} shows ${what.en}${at ? ` at ${at.en}` : ''}` });
        break;
      }
      case 'hash': {
        const m = media(e.media);
        const where = { id: `pada ${m.id}`, en: `in ${m.en}` };
        if (e.provenance === 'removal') {
          add('removed_content', where, { id: `${m.id} ini cocok dengan konten yang sebelumnya telah dihapus`, en: `${m.en} matches content removed earlier` });
        } else {
          add('known_content', where, { id: `${m.id} ini cocok dengan konten yang sudah dikenal sebagai konten terlarang`, en: `${m.en} matches content known to be prohibited` });
        }
        break;
      }
    }
  }
  // Quoted in the order they were written.
  const position = new Map([...spans.values()].flat().map((t) => [t.word, t.start]));
  for (const f of out) {
    f.words?.sort((a, b) => position.get(a)! - position.get(b)!);
    if (f.words) f.text = { id: `${quote(f.words, 'dan')} ${f.where.id}`, en: `${quote(f.words, 'and')} ${f.where.en}` };
  }
  // A text judged as a whole adds nothing where words were quoted from it.
  return out.filter((f) => f.kind !== 'wording' || !out.some((w) => w.kind === 'words' && w.where.en === f.where.en));
}

function quote(words: string[], and: string): string {
  const q = words.map((w) => `"${w}"`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} ${and} ${q.at(-1)}` : q[0]!;
}

const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;

function how(input: StatementInput): Bilingual {
  if (input.actorType === 'automated') return { id: 'Keputusan ini diambil secara otomatis.', en: 'This decision was taken automatically.' };
  if (input.actorType === 'regulator_order') return { id: 'Tindakan ini dilakukan atas perintah instansi yang berwenang.', en: 'This was done on the order of a competent authority.' };
  return input.automatedDetection
    ? { id: 'Seorang moderator mengambil keputusan ini setelah pemeriksaan otomatis.', en: 'A moderator took this decision after an automated check.' }
    : { id: 'Seorang moderator mengambil keputusan ini.', en: 'A moderator took this decision.' };
}

export function buildStatement(input: StatementInput): StatementOfReasons {
  const cat = input.category ? CATEGORIES[input.category] : null;
  const automated = input.actorType === 'automated';
  const acting = input.action !== 'allow';
  // What was found is a reason for acting; a decision to leave content up does not repeat it.
  const found = acting ? findings(input) : [];

  const label = cat && acting ? { id: ` (${cat.label.id})`, en: ` (${cat.label.en})` } : { id: '', en: '' };
  const words = found.filter((f) => f.kind === 'words' || f.kind === 'wording');
  const others = found.filter((f) => f.kind !== 'words' && f.kind !== 'wording');
  const reasonIn = (lang: keyof Bilingual): string | null => {
    const text = (typeof input.reason === 'string' ? input.reason : input.reason?.[lang])?.trim();
    return !automated && text ? clip(text, MAX_REASON_LENGTH) : null;
  };
  const part = (lang: keyof Bilingual): string =>
    [
      `${DONE[input.action][lang]}${label[lang]}.`,
      how(input)[lang],
      words.length ? `${lang === 'id' ? 'Kami menemukan' : 'We found'} ${words.map((f) => f.text[lang]).join('; ')}.` : '',
      ...others.map((f) => sentence(f.text[lang])),
      reasonIn(lang) ? `${lang === 'id' ? 'Alasan yang diberikan' : 'Reason given'}: ${reasonIn(lang)}` : '',
    ]
      .filter(Boolean)
      .join(' ');
  // The caps above keep the facts within the DSA limit; this only guards it.
  const summary = { id: clip(part('id'), STATEMENT_LIMITS.facts), en: clip(part('en'), STATEMENT_LIMITS.facts) };

  const ground: StatementOfReasons['ground'] =
    cat && acting
      ? {
          type: 'illegal_content',
          legalGround: cat.legalGround,
          explanation: { id: `${cat.explanation.id} Dasar hukum: ${cat.legalGround}.`, en: `${cat.explanation.en} Legal ground: ${cat.legalGround}.` },
        }
      : acting
        ? {
            type: 'terms_of_service',
            legalGround: null,
            explanation: { id: 'Konten dinilai melanggar aturan platform; lihat alasan yang diberikan.', en: "The content was judged to break the platform's rules; see the reason given." },
          }
        : {
            type: 'none',
            legalGround: null,
            explanation: { id: 'Konten tidak dinilai melanggar hukum maupun aturan platform.', en: "The content was not found to break the law or the platform's rules." },
          };
  const message = (lang: keyof Bilingual) => [summary[lang], ground.explanation[lang], REDRESS.map((r) => r.description[lang]).join(' ')].join('\n\n');

  return {
    decisionId: input.decisionId,
    content: input.content,
    visibility: VISIBILITY[input.action],
    action: input.action,
    category: input.category,
    categoryLabel: cat?.label ?? null,
    ground,
    facts: { summary, found },
    message: { id: message('id'), en: message('en') },
    automatedDetection: input.automatedDetection,
    automatedDecision: automated ? 'fully' : input.automatedDetection ? 'partially' : 'not_automated',
    source: input.actorType === 'regulator_order' ? 'regulator_order' : 'own_initiative',
    territorialScope: ['ID'],
    redress: REDRESS,
    decidedAt: input.decidedAt.toISOString(),
  };
}

/** A decision on a content item: what was done, on what ground, by whom, with its statement of reasons. */
export interface Decision {
  id: string;
  contentId: string;
  scanId: string | null;
  actorType: ActorType;
  actorId: string | null;
  action: DecisionAction;
  category: CategoryId | null;
  legalGround: string | null;
  automatedDetection: boolean;
  automatedDecision: boolean;
  /** For the affected user (the platform forwards it): plain language, no technical evidence. */
  statement: StatementOfReasons;
  /** The technical evidence the decision rests on (lexicon terms, weights, model scores, bank entries, frames), for moderators and auditors. */
  evidence: Evidence[];
  /** The reason recorded with the decision: a moderator's own words, or the automated scan's summary. */
  reason: string | null;
  createdAt: string;
}
