import { useTranslation } from 'react-i18next';
import { usePreferences } from '../app/preferences';

/** Numbers, dates and durations for people, in the console's language and the person's time zone. */
export function useFormat() {
  const { i18n, t } = useTranslation('common');
  const { timeZone } = usePreferences();
  const locale = i18n.language === 'id' ? 'id-ID' : 'en-GB';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const number = new Intl.NumberFormat(locale);
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return {
    locale,
    timeZone: zone,
    number: (n: number) => number.format(n),
    percent: (share: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share),
    dateTime: (iso: string | Date) => dateTime.format(new Date(iso)),
    date: (iso: string | Date) => date.format(new Date(iso)),
    /** A span of time, e.g. "2 jam 5 menit" / "2 h 5 min"; negative spans read the same (the caller says "ago" or "left"). */
    duration: (ms: number) => {
      const minutes = Math.round(Math.abs(ms) / 60_000);
      if (minutes < 1) return t('duration.lessThanMinute');
      const days = Math.floor(minutes / 1440);
      const hours = Math.floor((minutes % 1440) / 60);
      const mins = minutes % 60;
      const parts = [days ? t('duration.days', { count: days }) : '', hours ? t('duration.hours', { count: hours }) : '', !days && mins ? t('duration.minutes', { count: mins }) : ''];
      return parts.filter(Boolean).join(' ');
    },
    /** A media time, as a player shows it: `0:05`, `1:02:03`. */
    clock: (seconds: number) => {
      const s = Math.max(0, Math.floor(seconds));
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      const ss = String(s % 60).padStart(2, '0');
      return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
    },
  };
}
