import { createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import { once } from 'node:events';
import { InvalidArgumentError, type Command } from 'commander';
import type { ImportProgress, ImportResult, ImportRun, ImportsApi } from '../../import/imports.js';
import { parseMapOptions } from '../../import/csv.js';
import { action, CLI_ACTOR, print, wholeArgument, withDataOption, withSaring } from '../support.js';

interface ImportOptions {
  format?: string;
  scan?: boolean;
  map?: string[];
  restart?: boolean;
  rejects?: string;
  batch?: number;
  data?: string;
  json?: boolean;
}

const n = (x: number) => x.toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The progress line: on a terminal redrawn in place, otherwise a line every few seconds. */
function progressReporter(file: string): { update: (p: ImportProgress) => void; done: () => void } {
  const tty = process.stderr.isTTY === true;
  // Off a terminal (a log, CI): a line every SARING_PROGRESS_SECONDS (default 5; 0: after every batch).
  const seconds = Number(process.env['SARING_PROGRESS_SECONDS'] ?? 5);
  const everyMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 5000;
  let lastLine = 0;
  let shown = false;
  let firstRows: number | undefined;
  const width = 24;
  return {
    update(p) {
      const now = Date.now();
      if (!tty && now - lastLine < everyMs && p.bytes < p.totalBytes) return;
      if (tty && now - lastLine < 100 && p.bytes < p.totalBytes) return;
      lastLine = now;
      firstRows ??= p.run.counts.rows;
      const fraction = p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : 1;
      const elapsed = (now - p.startedAt) / 1000;
      const rows = p.run.counts.rows - firstRows;
      const rate = elapsed > 0 ? rows / elapsed : 0;
      const byteRate = elapsed > 0 ? (p.bytes - p.startBytes) / elapsed : 0;
      const eta = byteRate > 0 ? (p.totalBytes - p.bytes) / byteRate : Infinity;
      const bar = `${'#'.repeat(Math.round(fraction * width))}${'.'.repeat(width - Math.round(fraction * width))}`;
      const c = p.run.counts;
      const text = `${basename(file)} [${bar}] ${(fraction * 100).toFixed(1)}%  ${n(c.rows)} rows  ${n(Math.round(rate))} rows/s  ETA ${fraction >= 1 ? '0s' : duration(eta)}${c.rejected ? `  rejected ${n(c.rejected)}` : ''}`;
      process.stderr.write(tty ? `\r${text}\x1b[K` : `${text}\n`);
      shown = true;
    },
    done() {
      if (tty && shown) process.stderr.write('\n');
    },
  };
}

/** Writes the run's rejected rows (all of them, resumed parts included) as JSONL; returns how many. */
async function writeRejects(imports: ImportsApi, run: ImportRun, path: string): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let count = 0;
  try {
    for await (const page of imports.rejects(run.id)) {
      for (const r of page) {
        count++;
        if (!out.write(`${JSON.stringify({ runId: run.id, ...r })}\n`)) await once(out, 'drain');
      }
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return count;
}

function summary(file: string, result: ImportResult, rejectsPath: string | null, seconds: number, scanned: boolean): string {
  const { run } = result;
  const c = run.counts;
  if (result.alreadyFinished) {
    return `${file} was imported by run ${run.id} (finished ${run.finishedAt}; ${n(c.rows)} rows, ${n(c.rejected)} rejected): nothing to do. --restart imports it again (unchanged items are skipped).`;
  }
  const lines = [
    `${result.stopped ? 'Stopped' : 'Imported'} ${file} (run ${run.id}${result.resumed ? ', resumed' : ''}):`,
    `  ${n(c.rows)} rows: ${n(c.created)} new, ${n(c.changed)} changed (new version), ${n(c.unchanged)} unchanged, ${n(c.rejected)} rejected`,
  ];
  if (scanned) lines.push(`  scanned ${n(c.scanned)}: ${n(c.allow)} allow, ${n(c.review)} review, ${n(c.restrict)} restrict, ${n(c.remove)} remove`);
  else lines.push('  not scanned (--no-scan): a sweep (saring sweep) scans stored content against the active policy');
  if (c.analysing) {
    lines.push(
      `  ${n(c.analysing)} items have media to read: their analysis is queued as jobs, which run in a process with workers ` +
        '(saring serve on this data directory; saring serve or saring worker with DATABASE_URL); each is scanned when its analysis ends',
    );
  }
  if (rejectsPath) lines.push(`  rejected rows, with line and reason: ${rejectsPath}`);
  else if (c.rejected) lines.push(`  rejected rows are kept with run ${run.id}`);
  if (result.stopped) lines.push(`  stopped at line ${n(run.line)} (${((run.byteOffset / Math.max(1, run.fileBytes)) * 100).toFixed(1)}% of the file): run the same command to continue`);
  if (seconds > 0) lines.push(`  ${duration(seconds)} in this process`);
  return lines.join('\n');
}

export function registerImport(program: Command): void {
  withDataOption(program.command('import <file>'))
    .description('import content in bulk from a JSONL or CSV file: resumable, idempotent by externalId, rejected rows reported (see docs/import.md)')
    .option('--format <format>', 'jsonl or csv (default: from the file name: .jsonl/.ndjson or .csv)')
    .option('--scan', 'scan each item and act on the verdict (the default)')
    .option('--no-scan', 'store without scanning (a sweep scans later)')
    .option('--map <column=field...>', 'CSV: map a column onto a field (text.caption, externalId, kind, account, createdAt, …) or ignore it (column=-)')
    .option('--restart', 'start again from the first line (an unfinished run of the file is abandoned; a finished one imported again)')
    .option('--rejects <path>', 'where to write the rejected rows (JSONL; default: FILE.rejects.jsonl beside the file)')
    .option('--batch <rows>', 'rows per transaction and checkpoint (default 1000)', (v) => {
      const x = wholeArgument(v);
      if (x < 1 || x > 5000) throw new InvalidArgumentError('a batch is 1 to 5000 rows.');
      return x;
    })
    .option('--json', 'print the run as JSON')
    .action(
      action(async (file: string, options: ImportOptions) => {
        const map = parseMapOptions(options.map ?? []);
        await withSaring(options, 'import', async (saring) => {
          const controller = new AbortController();
          let interrupts = 0;
          const onSignal = () => {
            interrupts++;
            if (interrupts > 1) process.exit(130); // the batch in flight is not committed: nothing half-written
            process.stderr.write('\nsaring: stopping after the batch in progress (Ctrl-C again to stop at once; either way the same command continues)\n');
            controller.abort();
          };
          process.on('SIGINT', onSignal);
          process.on('SIGTERM', onSignal);
          const progress = progressReporter(file);
          const started = Date.now();
          let result: ImportResult;
          try {
            result = await saring.imports.importFile(
              file,
              {
                ...(options.format !== undefined ? { format: options.format as 'jsonl' } : {}),
                ...(options.scan !== undefined ? { scan: options.scan } : {}),
                map,
                ...(options.restart ? { restart: true } : {}),
                ...(options.batch !== undefined ? { batchRows: options.batch } : {}),
                signal: controller.signal,
                onProgress: progress.update,
              },
              CLI_ACTOR,
            );
          } finally {
            progress.done();
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
          }
          if (result.resumed && options.scan !== undefined && options.scan !== result.run.options.scan) {
            process.stderr.write(`saring: run ${result.run.id} was started ${result.run.options.scan ? 'with' : 'without'} scanning and continued so (--restart starts again with the new options)\n`);
          }
          let rejectsPath: string | null = null;
          if (result.run.counts.rejected > 0 && !result.alreadyFinished) {
            const path = options.rejects ?? `${result.run.source}.rejects.jsonl`;
            try {
              await writeRejects(saring.imports, result.run, path);
              rejectsPath = path;
            } catch (err) {
              process.stderr.write(`saring: could not write the rejected rows to ${path} (${(err as Error).message}); give --rejects PATH\n`);
            }
          }
          // Stopped by Ctrl-C or SIGTERM (after a whole batch): not finished, so not success.
          if (result.stopped) process.exitCode = 130;
          const seconds = (Date.now() - started) / 1000;
          print({ ...result, rejectsFile: rejectsPath, seconds }, options.json, () => summary(file, result, rejectsPath, result.alreadyFinished ? 0 : seconds, result.run.options.scan));
        });
      }),
    );
}
