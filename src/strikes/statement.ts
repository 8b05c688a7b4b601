import { CATEGORIES, isCategoryId } from '../categories/categories.js';
import { REDRESS, type Bilingual, type StatementOfReasons } from '../decisions/statement.js';
import type { AccountAction } from '../policy/schema.js';

/** What an account action does: a threshold's action, or `reinstate` when a reversed decision brings the account below the action in force. */
export type AccountActionKind = AccountAction | 'reinstate';

/** A strike in force when the action was taken, as the statement names it. */
export interface CountedStrike {
  decisionId: string;
  contentId: string;
  externalId: string;
  category: string | null;
  weight: number;
  expiresAt: string;
}

/**
 * The statement of reasons of an account action, for the account holder (the platform forwards
 * it) and a regulator: what was done, the removals it rests on, how it was decided (automatically,
 * from the strikes in force) and where to turn. Plain words in Bahasa Indonesia and English, like
 * a decision's statement.
 */
export interface AccountStatement {
  actionId: string;
  account: { id: string; externalId: string };
  action: AccountActionKind;
  /** The account's level after the action (for `reinstate`: what is left, or null). */
  level: AccountAction | null;
  /** For a feature limit or suspension with a duration: when it ends. */
  until: string | null;
  points: number;
  threshold: number | null;
  strikes: CountedStrike[];
  summary: Bilingual;
  facts: Bilingual;
  automatedDecision: 'fully';
  redress: StatementOfReasons['redress'];
  /** The whole statement as one text to forward to the account holder. */
  message: Bilingual;
  decidedAt: string;
}

const date = (iso: string, lang: keyof Bilingual) =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'long', timeZone: 'Asia/Jakarta' }).format(new Date(iso));
const num = (n: number) => String(Math.round(n * 100) / 100);

const LIFTED: Record<AccountAction, Bilingual> = {
  warning: { id: 'peringatan terhadap akun Anda', en: 'the warning on your account' },
  feature_limit: { id: 'pembatasan fitur akun Anda', en: 'the limit on your account’s features' },
  suspend: { id: 'penangguhan akun Anda', en: 'the suspension of your account' },
  terminate: { id: 'penutupan akun Anda', en: 'the closure of your account' },
};

function done(action: AccountActionKind, level: AccountAction | null, until: string | null, lifted: AccountAction | null, lang: keyof Bilingual): string {
  const till = until ? (lang === 'id' ? ` sampai ${date(until, lang)}` : ` until ${date(until, lang)}`) : '';
  switch (action) {
    case 'warning':
      return lang === 'id' ? 'Akun Anda menerima peringatan.' : 'Your account has received a warning.';
    case 'feature_limit':
      return lang === 'id' ? `Beberapa fitur akun Anda dibatasi${till}.` : `Some features of your account are limited${till}.`;
    case 'suspend':
      return lang === 'id' ? `Akun Anda ditangguhkan${till}.` : `Your account is suspended${till}.`;
    case 'terminate':
      return lang === 'id' ? 'Akun Anda ditutup.' : 'Your account has been closed.';
    case 'reinstate': {
      const what = lifted ? LIFTED[lifted][lang] : lang === 'id' ? 'tindakan terhadap akun Anda' : 'the action on your account';
      const rest =
        level === 'feature_limit'
          ? lang === 'id'
            ? ' Beberapa fitur akun Anda tetap dibatasi.'
            : ' Some features of your account stay limited.'
          : level === 'suspend'
            ? lang === 'id'
              ? ' Akun Anda tetap ditangguhkan.'
              : ' Your account stays suspended.'
            : '';
      return lang === 'id'
        ? `Keputusan yang dihitung terhadap akun Anda telah dibatalkan, sehingga ${what} dicabut.${rest}`
        : `A decision counted against your account was reversed, so ${what} is lifted.${rest}`;
    }
  }
}

function facts(input: { action: AccountActionKind; points: number; threshold: number | null; strikes: CountedStrike[] }, lang: keyof Bilingual): string {
  const counts = new Map<string, number>();
  for (const s of input.strikes) {
    const label = s.category && isCategoryId(s.category) ? CATEGORIES[s.category].label[lang].toLowerCase() : lang === 'id' ? 'aturan platform' : "the platform's rules";
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const list = [...counts].map(([label, n]) => (n > 1 ? `${label} (${n}×)` : label)).join(', ');
  const removed = input.strikes.length
    ? lang === 'id'
      ? `Konten Anda telah dihapus karena melanggar ketentuan tentang: ${list}.`
      : `Your content was removed for breaking the rules on: ${list}.`
    : '';
  const points =
    input.action === 'reinstate'
      ? lang === 'id'
        ? `Pelanggaran yang masih berlaku kini bernilai ${num(input.points)} poin.`
        : `The strikes in force now add up to ${num(input.points)} points.`
      : lang === 'id'
        ? `Pelanggaran yang masih berlaku bernilai ${num(input.points)} poin; batas untuk tindakan ini adalah ${num(input.threshold ?? 0)} poin.`
        : `The strikes in force add up to ${num(input.points)} points; this action's limit is ${num(input.threshold ?? 0)} points.`;
  const how =
    lang === 'id'
      ? 'Tindakan ini diambil secara otomatis berdasarkan pelanggaran yang masih berlaku.'
      : 'This action was taken automatically, from the strikes in force.';
  return [removed, points, how].filter(Boolean).join(' ');
}

const APPEAL: StatementOfReasons['redress'][number] = {
  type: 'internal_complaint',
  description: {
    id: 'Anda dapat mengajukan banding atas setiap keputusan penghapusan melalui platform dalam 6 bulan; keputusan yang dibatalkan tidak lagi dihitung, dan tindakan terhadap akun Anda ditinjau kembali.',
    en: 'You can appeal each removal through the platform within 6 months; a decision overturned no longer counts, and the action on your account is looked at again.',
  },
};

export function buildAccountStatement(input: {
  actionId: string;
  account: { id: string; externalId: string };
  action: AccountActionKind;
  level: AccountAction | null;
  /** For `reinstate`: the level lifted. */
  lifted?: AccountAction | null;
  until: string | null;
  points: number;
  threshold: number | null;
  strikes: CountedStrike[];
  decidedAt: Date;
}): AccountStatement {
  const redress = [APPEAL, ...REDRESS.filter((r) => r.type !== 'internal_complaint')];
  const part = (lang: keyof Bilingual) => ({
    summary: done(input.action, input.level, input.until, input.lifted ?? null, lang),
    facts: facts(input, lang),
  });
  const id = part('id');
  const en = part('en');
  const message = (p: { summary: string; facts: string }, lang: keyof Bilingual) => [p.summary, p.facts, redress.map((r) => r.description[lang]).join(' ')].join('\n\n');
  return {
    actionId: input.actionId,
    account: input.account,
    action: input.action,
    level: input.level,
    until: input.until,
    points: input.points,
    threshold: input.threshold,
    strikes: input.strikes,
    summary: { id: id.summary, en: en.summary },
    facts: { id: id.facts, en: en.facts },
    automatedDecision: 'fully',
    redress,
    message: { id: message(id, 'id'), en: message(en, 'en') },
    decidedAt: input.decidedAt.toISOString(),
  };
}
