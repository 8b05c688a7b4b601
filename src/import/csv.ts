/**
 * CSV import rows: the header names the columns, each column maps onto a field of the content
 * input (by its name, an alias, or `--map column=field`). A header with a column nothing maps,
 * or a mapping that names a column the file lacks, is refused before anything is stored.
 */
import { SaringError } from '../errors/errors.js';
import { parseCsv } from '../shared/csv.js';

/** The fields a column can map onto (see docs/import.md). */
export const CSV_FIELDS = [
  'externalId',
  'kind',
  'audience',
  'account',
  'accountName',
  'createdAt',
  'text.<name>',
  'metadata.<key>',
  'mediaType',
  'mediaPath',
  'mediaUrl',
  'mediaSha256',
  'mediaMd5',
  'mediaPdq',
  'mediaPdqQuality',
] as const;

/** Text fields a column of this name fills without a mapping. */
const TEXT_NAMES = ['text', 'caption', 'title', 'description', 'hashtags', 'comment', 'bio'];

const ALIASES: Record<string, string> = {
  externalid: 'externalId',
  id: 'externalId',
  kind: 'kind',
  audience: 'audience',
  account: 'account',
  accountid: 'account',
  accountexternalid: 'account',
  accountname: 'accountName',
  displayname: 'accountName',
  createdat: 'createdAt',
  postedat: 'createdAt',
  mediatype: 'mediaType',
  mediapath: 'mediaPath',
  path: 'mediaPath',
  mediaurl: 'mediaUrl',
  url: 'mediaUrl',
  mediasha256: 'mediaSha256',
  mediamd5: 'mediaMd5',
  mediapdq: 'mediaPdq',
  mediapdqquality: 'mediaPdqQuality',
};

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** The field a name means (`caption`, `text.caption`, `external_id`, `metadata.region`), or undefined. */
function fieldOf(name: string): string | undefined {
  const trimmed = name.trim();
  const dotted = /^(texts?|metadata)\.([A-Za-z0-9_]+)$/.exec(trimmed);
  if (dotted) return dotted[1] === 'metadata' ? `metadata.${dotted[2]}` : `text.${dotted[2]!.toLowerCase()}`;
  const key = squash(trimmed);
  if (ALIASES[key]) return ALIASES[key];
  const lower = trimmed.toLowerCase();
  if (TEXT_NAMES.includes(lower)) return `text.${lower}`;
  return undefined;
}

/** A column's field, or null for a column ignored (`--map column=-`). */
export type CsvMapping = (string | null)[];

/**
 * The field of each header column, with `map` (column → field or `-`) applied. Refuses, naming the
 * columns, a mapping of a column the header lacks, a field that does not exist, a column nothing
 * maps, two columns for one field, and a header without externalId and kind.
 */
export function mapHeader(header: string[], map: Record<string, string>): CsvMapping {
  const problems: string[] = [];
  const names = header.map((h) => h.trim());
  for (const col of Object.keys(map)) {
    if (!names.includes(col)) problems.push(`--map names column ${JSON.stringify(col)}, which the header does not have (its columns: ${names.map((n) => JSON.stringify(n)).join(', ')})`);
  }
  const mapping: CsvMapping = names.map((name) => {
    const target = map[name];
    if (target === '-' || target === '') return null;
    if (target !== undefined) {
      const field = fieldOf(target);
      if (!field) problems.push(`--map ${name}=${target}: ${JSON.stringify(target)} is not a field (fields: ${CSV_FIELDS.join(', ')})`);
      return field ?? null;
    }
    const field = fieldOf(name);
    if (!field) problems.push(`column ${JSON.stringify(name)} maps onto no field: name one with --map ${JSON.stringify(name)}=FIELD, or ignore it with --map ${JSON.stringify(name)}=- (fields: ${CSV_FIELDS.join(', ')})`);
    return field ?? null;
  });
  const seen = new Map<string, string>();
  mapping.forEach((field, i) => {
    if (!field) return;
    const other = seen.get(field);
    if (other !== undefined) problems.push(`columns ${JSON.stringify(other)} and ${JSON.stringify(names[i])} both map onto ${field}`);
    else seen.set(field, names[i]!);
  });
  for (const required of ['externalId', 'kind']) {
    if (!seen.has(required) && !problems.length) problems.push(`no column maps onto ${required} (the header's columns: ${names.map((n) => JSON.stringify(n)).join(', ')}); name it with --map COLUMN=${required}`);
  }
  if (problems.length) throw new SaringError('invalid_import_file', `The CSV columns do not map onto content fields: ${problems.join('; ')}.`, { problems });
  return mapping;
}

/** Parses a `--map column=field` list. */
export function parseMapOptions(specs: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new SaringError('invalid_import_file', `--map takes COLUMN=FIELD (or COLUMN=- to ignore it), not ${JSON.stringify(spec)}.`);
    map[spec.slice(0, eq).trim()] = spec.slice(eq + 1).trim();
  }
  return map;
}

/** One CSV record's cells (a record, with line breaks inside quoted fields). */
export function csvCells(text: string): string[] {
  const rows = parseCsv(text, { keepBlankRows: true });
  if (rows.length !== 1) throw new SaringError('validation_failed', 'The CSV record is not one row.');
  return rows[0]!;
}

/** The content input a CSV row stands for (validated afterwards like any item). */
export function rowToItem(cells: string[], mapping: CsvMapping): Record<string, unknown> {
  if (cells.length !== mapping.length) {
    throw new SaringError('validation_failed', `The row has ${cells.length} fields; the header has ${mapping.length}.`);
  }
  const item: Record<string, unknown> = {};
  const texts: Record<string, string> = {};
  const metadata: Record<string, string> = {};
  const media: Record<string, unknown> = {};
  let account: Record<string, string> | undefined;
  mapping.forEach((field, i) => {
    const value = cells[i]!;
    if (!field || value === '') return;
    if (field.startsWith('text.')) texts[field.slice(5)] = value;
    else if (field.startsWith('metadata.')) metadata[field.slice(9)] = value;
    else if (field === 'account') (account ??= {}).externalId = value;
    else if (field === 'accountName') (account ??= {}).displayName = value;
    else if (field === 'mediaType') media['type'] = value;
    else if (field === 'mediaPath') media['path'] = value;
    else if (field === 'mediaUrl') media['url'] = value;
    else if (field === 'mediaSha256') media['sha256'] = value;
    else if (field === 'mediaMd5') media['md5'] = value;
    else if (field === 'mediaPdq') media['pdq'] = { hash: value, quality: Number(media['pdqQuality'] ?? 100) };
    else if (field === 'mediaPdqQuality') media['pdqQuality'] = value;
    else item[field] = value;
  });
  if (Object.keys(texts).length) item['texts'] = texts;
  if (Object.keys(metadata).length) item['metadata'] = metadata;
  if (account) item['account'] = account;
  const quality = media['pdqQuality'];
  delete media['pdqQuality'];
  if (media['pdq'] && quality !== undefined) (media['pdq'] as { quality: number }).quality = Number(quality);
  if (Object.keys(media).length) {
    if (!media['type']) {
      const kind = item['kind'];
      if (kind === 'video' || kind === 'image') media['type'] = kind;
      else throw new SaringError('validation_failed', `The row has media but no mediaType column value, and kind ${JSON.stringify(kind)} does not say which (image or video).`);
    }
    item['media'] = [media];
  }
  return item;
}
