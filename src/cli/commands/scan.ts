import { createReadStream, existsSync, readdirSync } from 'node:fs';
import type { BankMatch } from '../../banks/matcher.js';
import type { MediaHashes } from '../../signals/hash/media.js';
import type { Command } from 'commander';
import { CATEGORIES } from '../../categories/categories.js';
import { scanInputSchema } from '../../scan/schema.js';
import { readLock } from '../../db/lock.js';
import { isSaringError, SaringError } from '../../errors/errors.js';
import { builtinScanConfig, loadScanConfig, readScanSnapshot, writeScanSnapshot, type ScanConfig } from '../../scan/scan-config.js';
import { scanTexts } from '../../scan/scan.js';
import { describeEvidence, type Verdict } from '../../scan/verdict.js';
import { parseJsonText } from '../../shared/json.js';
import { byteLines } from '../../shared/lines.js';
import { initLanguageId } from '../../signals/text/language.js';
import { parseInput } from '../../shared/validate.js';
import { action, cliConfig, readTextFile, withDataOption } from '../support.js';

/**
 * The scan configuration for the CLI, quickly and without disturbing a running server:
 * PostgreSQL when DATABASE_URL is set; else the snapshot the owner of the data directory keeps;
 * else the database itself when no one owns it; else, with no data directory, the shipped defaults.
 */
async function cliScanConfig(options: { data?: string }): Promise<ScanConfig> {
  const config = cliConfig(options);
  const openStorage = async (o: Parameters<typeof import('../../db/connect.js').openStorage>[0]) =>
    (await import('../../db/connect.js')).openStorage(o); // PGlite loads only when it is needed
  if (config.databaseUrl) {
    const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
    try {
      return await loadScanConfig(storage.db);
    } finally {
      await storage.close();
    }
  }
  const snapshot = readScanSnapshot(config.dataDir);
  if (snapshot) return snapshot;
  if (!existsSync(config.dataDir) || readdirSync(config.dataDir).length === 0) return builtinScanConfig();
  const holder = readLock(config.dataDir);
  if (holder) {
    throw new SaringError(
      'data_dir_locked',
      `${config.dataDir} is owned by process ${holder.pid}${holder.url ? ` (${holder.url})` : ''} and has no scan snapshot yet; ` +
        'use its POST /v1/scan, or stop it and run this again.',
    );
  }
  const storage = await openStorage({ dataDir: config.dataDir, command: 'saring scan' });
  try {
    const loaded = await loadScanConfig(storage.db);
    writeScanSnapshot(config.dataDir, loaded);
    return loaded;
  } finally {
    await storage.close();
  }
}

/** True when the file starts like an image or video (else --file is read as text). */
async function isMediaFile(path: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  // Loaded for --file only: a text scan starts without the media modules.
  const [{ MEDIA_DEFAULTS, sniffMediaKind }, { readHead }] = await Promise.all([import('../../signals/hash/media.js'), import('../../signals/hash/media-file.js')]);
  try {
    sniffMediaKind(await readHead(path, MEDIA_DEFAULTS.sniffBytes));
    return true;
  } catch {
    return false;
  }
}

/**
 * Bank matches for a scanned file, from the database when this process may read it (PostgreSQL,
 * or a data directory no server owns); otherwise none, and a note on stderr.
 */
async function cliBankMatches(options: { data?: string }, hashes: MediaHashes): Promise<{ media: number; match: BankMatch }[]> {
  const config = cliConfig(options);
  if (!config.databaseUrl && (!existsSync(config.dataDir) || readLock(config.dataDir))) {
    if (existsSync(config.dataDir)) process.stderr.write(`note: ${config.dataDir} is owned by a running server: banks were not checked (use its POST /v1/content).\n`);
    return [];
  }
  const [{ openStorage }, { BankMatcher }, { contentBankMatches, withHashes }] = await Promise.all([
    import('../../db/connect.js'),
    import('../../banks/matcher.js'),
    import('../../content/content.js'),
  ]);
  const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: 'saring scan', poolSize: 1 });
  try {
    const matcher = new BankMatcher(storage.db);
    await matcher.refresh();
    return await contentBankMatches(matcher, { media: [withHashes({ type: hashes.kind }, hashes)] });
  } finally {
    await storage.close();
  }
}

async function scanMediaFile(options: { data?: string; audience: string }, config: ScanConfig, path: string, caption: string): Promise<Verdict> {
  const settings = cliConfig(options);
  const input = parseInput(scanInputSchema, { text: caption || ' ', audience: options.audience });
  // The media pipeline loads only for media: a text scan starts without it.
  const [{ analyseMedia, analyseOptions }, { engineOptions, MediaEngines }] = await Promise.all([import('../../media/analyse.js'), import('../../media/engines.js')]);
  const engines = new MediaEngines(engineOptions(settings.media));
  try {
    const { findings, hashes } = await analyseMedia(path, engines, analyseOptions(settings.media));
    const bankMatches = await cliBankMatches(options, hashes);
    return scanTexts(config, { texts: caption.trim() ? { caption } : {}, audience: input.audience, bankMatches, media: [findings] });
  } finally {
    await engines.close();
  }
}

function human(verdict: Verdict): string {
  const lines = [`${verdict.action.toUpperCase()}  (policy ${verdict.policyVersion})`];
  if (verdict.review) lines.push(`  review queue: ${verdict.review.queue}, priority ${verdict.review.priority}`);
  for (const c of verdict.categories) {
    lines.push(`  ${c.category} (${CATEGORIES[c.category].label.id}): score ${c.score} → ${c.action}`);
    for (const e of c.evidence) {
      lines.push(`    ${e.weight < 0 ? '−' : '+'} ${describeEvidence(e)}${e.source === 'caption' ? ` [${e.start}–${e.end}]` : ''}`);
    }
  }
  for (const e of verdict.signals.entities) lines.push(`  ${e.type}: ${e.value}`);
  const underage = verdict.signals.underage;
  if (underage) {
    lines.push(`  underage: score ${underage.score}, age ${underage.age.min}${underage.age.max !== underage.age.min ? `–${underage.age.max}` : ''}`);
    for (const e of underage.evidence) lines.push(`    + "${e.match}" in ${e.field} (${e.kind}, age ${e.age.min}–${e.age.max}, weight ${e.weight}) [${e.start}–${e.end}]`);
  }
  for (const m of verdict.signals.media ?? []) {
    const f = m.frames;
    lines.push(`  media ${m.media + 1}: ${m.kind}${m.width ? ` ${m.width}×${m.height}` : ''}${m.durationSeconds ? `, ${m.durationSeconds} s` : ''}${f ? `, ${f.analysed} frame${f.analysed === 1 ? '' : 's'} analysed (${f.duplicates} repeat${f.duplicates === 1 ? '' : 's'} skipped)` : ''}`);
    for (const st of m.steps) lines.push(`    ${st.status === 'ok' ? '✓' : st.status === 'skipped' ? '–' : '✗'} ${st.step} ${st.ms} ms${st.reason ? `: ${st.reason}` : ''}`);
    for (const t of m.ocr ?? []) lines.push(`    on screen ${t.timestamp}–${t.until} s: ${t.text}`);
    if (m.speech) lines.push(`    speech: ${m.speech.detected ? `${m.speech.speechSeconds} s in ${m.speech.segments.length} segments${m.speech.transcribed ? '' : ' (not transcribed)'}` : 'none'}`);
    for (const t of m.transcript ?? []) lines.push(`    said ${t.timestamp}–${t.until} s: ${t.text}`);
  }
  return lines.join('\n');
}

/** Which keys of a batch line hold the id and the text (`--id-field`, `--text-field`). */
interface BatchFields {
  id: string;
  text: string;
}

/** The id a batch line names (the id field, or a content object's `externalId`), if any. */
function batchId(value: unknown, fields: BatchFields): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const id = v['externalId'] ?? v[fields.id];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** The content schema and its keys (loaded for --batch only). */
type ContentSchema = (typeof import('../../content/schema.js'))['contentInputSchema'];

/**
 * One line of a batch: `{ <id field>, <text field> }` (plus `texts`, `audience`, `kind`), or a
 * content object (`externalId`, `texts`, …). Other keys (a `label` column, say) are not scanned:
 * they are returned as `ignored`, so that the output says so line by line.
 */
function batchItem(value: unknown, fields: BatchFields, { schema, keys }: { schema: ContentSchema; keys: Set<string> }): { texts: Record<string, string>; audience: 'general' | 'adult' | 'children'; ignored: string[] } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new SaringError('validation_failed', 'A line is a JSON object.');
  const line = value as Record<string, unknown>;
  if ('externalId' in line) {
    const known = Object.fromEntries(Object.entries(line).filter(([k]) => keys.has(k)));
    const c = parseInput(schema, known);
    return { texts: c.texts, audience: c.audience, ignored: Object.keys(line).filter((k) => !keys.has(k)) };
  }
  const used = new Set([fields.id, fields.text, 'texts', 'audience', 'kind']);
  const input: Record<string, unknown> = {};
  if (line[fields.text] !== undefined) input['text'] = line[fields.text];
  for (const k of ['texts', 'audience', 'kind']) if (line[k] !== undefined) input[k] = line[k];
  if (input['text'] === undefined && input['texts'] === undefined) {
    throw new SaringError('validation_failed', `The line has no "${fields.text}" (the text field; see --text-field) and no "texts".`);
  }
  const s = parseInput(scanInputSchema, input);
  return {
    texts: { ...(s.texts ?? {}), ...(s.text !== undefined ? { text: s.text } : {}) },
    audience: s.audience,
    ignored: Object.keys(line).filter((k) => !used.has(k)),
  };
}

async function write(line: string): Promise<void> {
  if (!process.stdout.write(line)) await new Promise((r) => process.stdout.once('drain', r));
}

/** Streams JSON Lines in and verdicts out: memory stays flat however long the file is. */
const MAX_LINE_BYTES = 1024 * 1024;

async function scanBatch(config: ScanConfig, path: string, fields: BatchFields): Promise<{ lines: number; errors: number }> {
  if (path !== '-' && !existsSync(path)) throw new SaringError('not_found', `No such file: ${path}`);
  const { contentInputSchema } = await import('../../content/schema.js');
  const content = { schema: contentInputSchema, keys: new Set(Object.keys(contentInputSchema.shape)) };
  const input = path === '-' ? process.stdin : createReadStream(path);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let n = 0;
  let errors = 0;
  for await (const line of byteLines(input, MAX_LINE_BYTES)) {
    n++;
    let out: Record<string, unknown>;
    let id: string | undefined;
    try {
      if (!line.ok) throw new SaringError('body_too_large', `The line is over ${MAX_LINE_BYTES} bytes.`);
      let raw: string;
      try {
        raw = decoder.decode(line.bytes);
      } catch {
        throw new SaringError('invalid_utf8', 'The line is not valid UTF-8.');
      }
      if (raw.trim() === '') continue;
      const parsed = parseJsonText(raw, 'The line');
      id = batchId(parsed, fields);
      const { ignored, ...item } = batchItem(parsed, fields, content);
      out = { ...(id !== undefined ? { id } : {}), ...scanTexts(config, item), ...(ignored.length ? { ignored } : {}) };
    } catch (err) {
      errors++;
      const e = isSaringError(err) ? err : new SaringError('internal', (err as Error).message);
      out = { ...(id !== undefined ? { id } : {}), line: n, error: { code: e.code, message: e.message } };
    }
    await write(`${JSON.stringify(out)}\n`);
  }
  return { lines: n, errors };
}

export function registerScan(program: Command): void {
  withDataOption(program.command('scan'))
    .description('scan text, an image or a video with the active policy, lexicons and models of the data directory')
    .argument('[text...]', 'the text to scan (with --file MEDIA: the caption)')
    .option('--json', 'print the verdict as JSON')
    .option('--file <path>', 'scan an image or video (frames, on-screen text, nudity, speech), or the text in a text file')
    .option('--batch <file>', 'scan JSON Lines ({"id","text"} or content objects; - for stdin), one verdict per line')
    .option('--id-field <key>', 'with --batch: the key of the id in each line', 'id')
    .option('--text-field <key>', 'with --batch: the key of the text in each line (other keys are reported as "ignored")', 'text')
    .option('--audience <audience>', 'general, adult or children', 'general')
    .action(
      action(async (words: string[], options: { data?: string; json?: boolean; file?: string; batch?: string; idField: string; textField: string; audience: string }) => {
        const [config] = await Promise.all([cliScanConfig(options), initLanguageId()]);
        if (options.batch) {
          const { errors } = await scanBatch(config, options.batch, { id: options.idField, text: options.textField });
          if (errors > 0) process.exitCode = 1;
          return;
        }
        if (options.file && (await isMediaFile(options.file))) {
          const verdict = await scanMediaFile(options, config, options.file, words.join(' '));
          process.stdout.write(options.json ? `${JSON.stringify(verdict)}\n` : `${human(verdict)}\n`);
          return;
        }
        const text = options.file ? readTextFile(options.file) : words.join(' ');
        if (!text.trim()) throw new SaringError('validation_failed', 'Give the text to scan, --file PATH or --batch FILE.');
        const input = parseInput(scanInputSchema, { text, audience: options.audience });
        const verdict = scanTexts(config, { texts: { text: input.text! }, audience: input.audience });
        process.stdout.write(options.json ? `${JSON.stringify(verdict)}\n` : `${human(verdict)}\n`);
      }),
    );
}
