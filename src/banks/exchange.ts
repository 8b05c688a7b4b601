import { createHash } from 'node:crypto';
import { isCategoryId, type CategoryId } from '../categories/categories.js';
import { SaringError } from '../errors/errors.js';
import { formatVpdqFile, parseVpdqFile } from '../signals/hash/vpdq.js';
import type { BankEntry, EntryInput } from './banks.js';

/**
 * Hash lists in the CSV form Meta's tooling exchanges: one `signal_type,signal_value` per row,
 * optionally followed by `category` and `note`; a header row is recognised and skipped. Signal
 * types: `pdq`, `md5` (also `video_md5`, `photo_md5`), `sha256`.
 */
const TYPE_ALIASES: Record<string, 'pdq' | 'md5' | 'sha256'> = {
  pdq: 'pdq',
  md5: 'md5',
  video_md5: 'md5',
  photo_md5: 'md5',
  sha256: 'sha256',
  video_sha256: 'sha256',
  photo_sha256: 'sha256',
};

export const MAX_IMPORT_ROWS = 1_000_000;

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/** Parses a hash CSV; every problem names its line. `defaultCategory` applies to rows without one. */
export function parseHashCsv(text: string, defaultCategory?: CategoryId): EntryInput[] {
  const entries: EntryInput[] = [];
  const problems: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [type = '', value = '', category = '', note = ''] = splitCsvLine(line);
    if (i === 0 && /^signal[_ ]?type$/i.test(type)) return; // header
    const signalType = TYPE_ALIASES[type.toLowerCase()];
    if (!signalType) {
      problems.push(`line ${i + 1}: unknown signal type ${JSON.stringify(type.slice(0, 40))} (pdq, md5, sha256)`);
      return;
    }
    const want = signalType === 'md5' ? 32 : 64;
    const v = value.toLowerCase();
    if (!new RegExp(`^[0-9a-f]{${want}}$`).test(v)) {
      problems.push(`line ${i + 1}: a ${signalType} value is ${want} hex digits, not ${JSON.stringify(value.slice(0, 80))}`);
      return;
    }
    if (category && !isCategoryId(category)) {
      problems.push(`line ${i + 1}: unknown category ${JSON.stringify(category.slice(0, 40))}`);
      return;
    }
    const cat = (category || defaultCategory) as CategoryId | undefined;
    entries.push({ signalType, value: v, ...(cat ? { category: cat } : {}), ...(note ? { note: note.slice(0, 2000) } : {}) });
    if (entries.length > MAX_IMPORT_ROWS) throw new SaringError('body_too_large', `At most ${MAX_IMPORT_ROWS} rows per import.`);
  });
  if (problems.length) {
    throw new SaringError('invalid_hash', `The hash list has ${problems.length} bad row(s): ${problems.slice(0, 5).join('; ')}`, { problems: problems.slice(0, 100) });
  }
  if (entries.length === 0) throw new SaringError('validation_failed', 'The hash list has no rows.');
  return entries;
}

/** Writes entries as `signal_type,signal_value,category,note` (vPDQ entries are exported as vPDQ files). */
export function formatHashCsv(entries: BankEntry[], defaultCategory?: CategoryId | null): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = entries.filter((e) => e.signalType !== 'vpdq').map((e) => [e.signalType, e.value, e.category ?? defaultCategory ?? '', quote(e.note ?? '')].join(','));
  return ['signal_type,signal_value,category,note', ...rows].join('\n') + '\n';
}

/** One video's vPDQ hash file (Meta's `frame,quality,hash,timestamp` lines) as a bank entry. */
export function vpdqFileToEntry(text: string, options: { id?: string; category?: CategoryId; note?: string } = {}): EntryInput {
  const frames = parseVpdqFile(text);
  if (frames.length === 0) throw new SaringError('invalid_hash', 'The vPDQ file has no frames.');
  const value = options.id?.toLowerCase() ?? createHash('sha256').update(frames.map((f) => f.hash).join(',')).digest('hex');
  return {
    signalType: 'vpdq',
    value,
    frames: frames.map((f) => ({ frame: f.frame, quality: f.quality, hash: f.hash, timestamp: f.timestamp })),
    ...(options.category ? { category: options.category } : {}),
    ...(options.note ? { note: options.note } : {}),
  };
}

export function entryToVpdqFile(entry: BankEntry): string {
  if (entry.signalType !== 'vpdq' || !entry.frames) throw new SaringError('invalid_state', `Entry ${entry.id} is not a vPDQ entry.`);
  return formatVpdqFile(entry.frames.map((f) => ({ frame: f.frame, quality: f.quality, hash: f.hash, timestamp: f.timestamp })));
}
