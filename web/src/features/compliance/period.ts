/**
 * A report's period as people choose it: whole days in Western Indonesian Time (WIB, UTC+7, the
 * time the authorities' letters and deadlines are written in), `from` and `to` both included. The
 * API takes instants, `from` inclusive and `to` exclusive: the start of the day after `to`.
 */
export interface Period {
  /** YYYY-MM-DD, the first day. */
  from: string;
  /** YYYY-MM-DD, the last day (included). */
  to: string;
}

const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** The longest period the API reports on. */
export const MAX_PERIOD_DAYS = 366;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The calendar month before today's in WIB (the default: the last full month). */
export function lastMonth(now = Date.now()): Period {
  const wib = new Date(now + WIB_OFFSET_MS);
  const first = Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth() - 1, 1);
  const last = Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), 1) - DAY_MS;
  return { from: day(first), to: day(last) };
}

/** From the first of this month (WIB) to today. */
export function thisMonth(now = Date.now()): Period {
  const wib = new Date(now + WIB_OFFSET_MS);
  return { from: day(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), 1)), to: day(wib.getTime()) };
}

/** Whether a period can be asked for: both days given, in order, at most a year long, not starting after today (WIB). */
export function periodProblem(p: Period, now = Date.now()): 'missing' | 'order' | 'length' | 'future' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(p.from) || !/^\d{4}-\d{2}-\d{2}$/.test(p.to) || Number.isNaN(startOf(p.from)) || Number.isNaN(startOf(p.to))) return 'missing';
  if (startOf(p.to) < startOf(p.from)) return 'order';
  if (p.from > day(now + WIB_OFFSET_MS)) return 'future';
  if ((startOf(p.to) - startOf(p.from)) / DAY_MS + 1 > MAX_PERIOD_DAYS) return 'length';
  return null;
}

/** The API's query for a period: `from` at 00:00 WIB of the first day, `to` at 00:00 WIB after the last. */
export function periodQuery(p: Period): { from: string; to: string } {
  return { from: `${p.from}T00:00:00+07:00`, to: `${day(startOf(p.to) + DAY_MS)}T00:00:00+07:00` };
}

/** Saves bytes as a file through the browser's download. */
export function saveFile(bytes: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
