/**
 * How the compliance document writes numbers, times and money: always Bahasa Indonesia and always
 * WIB, whatever the console's language and the person's time zone, since it is handed over as an
 * official record and its period is counted in WIB days.
 */
export const DOCUMENT_LANGUAGE = 'id';
export const DOCUMENT_TIME_ZONE = 'Asia/Jakarta';

const dateTime = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: DOCUMENT_TIME_ZONE, timeZoneName: 'short' });
const date = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: DOCUMENT_TIME_ZONE });
const number = new Intl.NumberFormat('id-ID');
const percent = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });
const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });

export const documentFormat = {
  dateTime: (iso: string) => dateTime.format(new Date(iso)),
  /** A day as written (`2026-01-05` → 5 Januari 2026); a day is no instant, so no time zone shifts it. */
  day: (isoDay: string) => date.format(new Date(`${isoDay.slice(0, 10)}T12:00:00+07:00`)),
  /** The last day of a period whose end is exclusive. */
  lastDay: (exclusiveEnd: string) => date.format(new Date(new Date(exclusiveEnd).getTime() - 1)),
  firstDay: (start: string) => date.format(new Date(start)),
  number: (n: number) => number.format(n),
  percent: (share: number | null) => (share === null ? '–' : percent.format(share)),
  rupiah: (amount: number) => rupiah.format(amount),
};

/** SHA-256 of the signature's bytes, in groups of four hex digits (null where the browser offers no Web Crypto: a page not on HTTPS or localhost). */
export async function signatureFingerprint(signatureBase64: string): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const bytes = Uint8Array.from(atob(signatureBase64), (c) => c.charCodeAt(0));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)!.join(' ');
}
