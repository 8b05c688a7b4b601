import { writeFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import type { Saring } from '../../engine.js';
import { SaringError } from '../../errors/errors.js';
import type { Sweep, SweepReport } from '../../sweep/types.js';
import { CLI_ACTOR, action, print, readTextFile, versionArgument, withDataOption, withSaring } from '../support.js';

/** `key=value` options, repeated. */
function pair(value: string, previous: [string, string][] = []): [string, string][] {
  const at = value.indexOf('=');
  if (at < 1) throw new InvalidArgumentError(`expected key=value, got "${value}".`);
  return [...previous, [value.slice(0, at).trim(), value.slice(at + 1).trim()]];
}

/** `--filter` pairs as the filter object: `kind` and `status` take comma-separated lists. */
export function filterOf(pairs: [string, string][] = []): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [key, value] of pairs) {
    if (key in filter) throw new SaringError('validation_failed', `--filter ${key} is given twice.`);
    filter[key] = (key === 'kind' || key === 'status') && value.includes(',') ? value.split(',').map((v) => v.trim()) : value;
  }
  return filter;
}

function lexiconsOf(pairs: [string, string][] = []): Record<string, number> | undefined {
  if (!pairs.length) return undefined;
  const out: Record<string, number> = {};
  for (const [name, version] of pairs) {
    if (!/^\d+$/.test(version)) throw new SaringError('validation_failed', `--lexicon ${name}=${version}: the version is a whole number.`);
    out[name] = Number(version);
  }
  return out;
}

const num = (n: number) => n.toLocaleString('en-US');

function duration(seconds: number | null): string {
  if (seconds === null) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (x: number) => String(x).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/** One progress line: processed/total, items/s, ETA. */
export function progressLine(s: Sweep): string {
  const p = s.progress;
  const pct = p.total ? ((p.processed / p.total) * 100).toFixed(1) : '100.0';
  return `sweep ${s.id.slice(0, 8)} ${s.mode} ${s.status}: ${num(p.processed)}/${num(p.total)} (${pct} %)  ${num(Math.round(p.ratePerSecond))} items/s  ETA ${duration(p.etaSeconds)}  changed ${num(p.changed)}${s.mode === 'apply' ? `  acted ${num(p.acted)}` : ''}  ranges ${p.ranges.done}/${p.ranges.total}`;
}

function summary(s: Sweep): string {
  const lines = [progressLine(s), `  policy ${s.policyVersion}  created ${s.createdAt} by ${s.createdBy}${s.finishedAt ? `  ended ${s.finishedAt}` : ''}`];
  if (Object.keys(s.filter).length) lines.push(`  filter ${JSON.stringify(s.filter)}`);
  if (s.error) lines.push(`  error: ${s.error.message} [${s.error.code}]`);
  if (s.note) lines.push(`  note: ${s.note}`);
  return lines.join('\n');
}

export function formatReport(r: SweepReport): string {
  const out = [summary(r.sweep), '', `Report (${r.final ? 'final' : 'so far'}), sha256 ${r.sha256}`];
  out.push(`  by action:   ${Object.entries(r.counts.byAction).map(([k, v]) => `${k} ${num(v)}`).join(', ') || 'none'}`);
  out.push(`  by category: ${Object.entries(r.counts.byCategory).map(([k, v]) => `${k} ${num(v)}`).join(', ') || 'none'}`);
  out.push('  changes against the current state:');
  if (!r.transitions.length) out.push('    none');
  for (const t of r.transitions) {
    out.push(`    ${t.from} → ${t.to}: ${num(t.count)}`);
    for (const i of r.samples.find((s) => s.from === t.from && s.to === t.to)?.items ?? []) out.push(`      · ${i.externalId} [${i.category ?? '-'} ${i.score}] ${i.excerpt}`);
  }
  if (r.agreement) {
    const f = (a: { precision: number | null; recall: number | null; tp: number; fp: number; fn: number }) =>
      `precision ${a.precision ?? '-'} recall ${a.recall ?? '-'} (tp ${a.tp}, fp ${a.fp}, fn ${a.fn})`;
    out.push(`  agreement with ${num(r.agreement.decided)} human decisions: candidate ${f(r.agreement.candidate)}; current ${f(r.agreement.current)}`);
  } else out.push('  agreement: no item swept had a human decision');
  if (r.acted) out.push(`  acted: ${num(r.acted.decisions)} decisions, ${num(r.acted.reviews)} sent to review; kept ${num(r.acted.keptHuman)} human decisions; ${num(r.acted.wouldLift)} would be lifted (sweeps never lift)`);
  return out.join('\n');
}

/** Watches a sweep to its end (or pause) with a progress line on stderr; Ctrl-C pauses it. */
async function watch(saring: Saring, id: string): Promise<Sweep> {
  const tty = process.stderr.isTTY;
  let lastPrinted = 0;
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write(`\nPausing sweep ${id} (resume with: saring sweep resume ${id})…\n`);
    saring.sweeps.pause(id, CLI_ACTOR).catch(() => {});
  };
  process.on('SIGINT', onSigint);
  try {
    const end = await saring.sweeps.wait(id, {
      timeoutMs: 7 * 24 * 3600_000,
      intervalMs: 500,
      onProgress: (s) => {
        const line = progressLine(s);
        if (tty) process.stderr.write(`\r${line}\x1b[K`);
        else if (Date.now() - lastPrinted > 5000) {
          process.stderr.write(`${line}\n`);
          lastPrinted = Date.now();
        }
      },
    });
    process.stderr.write(`${tty ? '\r' : ''}${progressLine(end)}${tty ? '\x1b[K' : ''}\n`);
    return end;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

interface StartOptions {
  data?: string;
  dryRun?: boolean;
  policy?: string;
  policyVersion?: number;
  lexicon?: [string, string][];
  filter?: [string, string][];
  overrideHuman?: boolean;
  work?: boolean;
  detach?: boolean;
  note?: string;
  json?: boolean;
}

export function registerSweep(program: Command): void {
  const sweep = withDataOption(program.command('sweep'))
    .description('re-scan stored content (all, or --filter) against the active policy — or, with --dry-run, backtest a candidate — with progress and ETA; see docs/sweep.md')
    .option('--dry-run', 'backtest: write nothing to content, report what would change')
    .option('--policy <file>', 'backtest a candidate policy file (YAML or JSON; not activated)')
    .option('--policy-version <n>', 'backtest a stored policy version', versionArgument)
    .option('--lexicon <name=version>', 'backtest a lexicon version (repeatable)', pair)
    .option('--filter <key=value>', 'kind, createdFrom, createdTo, category, status, account, bank, policyVersion (repeatable; kind and status take a,b)', pair)
    .option('--override-human', 'apply: act even where a person decided last')
    .option('--no-work', 'only create and watch: workers elsewhere do the work (`saring worker` on PostgreSQL)')
    .option('--detach', 'create the sweep, print its id and exit')
    .option('--note <text>', 'why this sweep (kept with it and in the audit log)')
    .option('--json', 'print the final sweep (or, with --detach, the created one) as JSON')
    .action(
      action(async (options: StartOptions) => {
        const candidate = Boolean(options.policy || options.policyVersion || options.lexicon?.length);
        if (candidate && !options.dryRun) throw new SaringError('validation_failed', '--policy, --policy-version and --lexicon backtest a candidate: add --dry-run (activate it first to apply it).');
        if (options.policy && options.policyVersion) throw new SaringError('validation_failed', 'give --policy or --policy-version, not both.');
        const input = {
          mode: options.dryRun ? 'backtest' : 'apply',
          filter: filterOf(options.filter),
          ...(options.policy ? { policy: { source: readTextFile(options.policy, 1_000_000) } } : {}),
          ...(options.policyVersion ? { policy: { version: options.policyVersion } } : {}),
          ...(options.lexicon?.length ? { lexicons: lexiconsOf(options.lexicon) } : {}),
          ...(options.overrideHuman ? { overrideHuman: true } : {}),
          ...(options.note ? { note: options.note } : {}),
        };
        const work = options.work !== false && !options.detach;
        await withSaring(
          options,
          'sweep',
          async (saring) => {
            const created = await saring.sweeps.create(input, CLI_ACTOR);
            if (options.detach) {
              print(created, options.json, () => created.id);
              return;
            }
            process.stderr.write(`Sweep ${created.id} (${created.mode}, ${created.policyVersion}): ${num(created.progress.total)} items\n`);
            const end = await watch(saring, created.id);
            print(end, options.json, () => `${summary(end)}${end.status === 'finished' ? `\nReport: saring sweep report ${end.id}` : ''}`);
            if (end.status === 'failed') process.exitCode = 1;
          },
          { workers: work },
        );
      }),
    );

  withDataOption(sweep.command('list'))
    .description('sweeps, newest first')
    .option('--json')
    .action(
      action(async (options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'sweep list', async (saring) => {
          const all = await saring.sweeps.list();
          print(all, options.json, () => (all.length ? all.map((s) => `${s.id}  ${progressLine(s)}  ${s.createdAt}`).join('\n') : 'No sweeps.'));
        });
      }),
    );

  withDataOption(sweep.command('status'))
    .description('a sweep and its progress')
    .argument('<id>')
    .option('--json')
    .action(
      action(async (id: string, options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'sweep status', async (saring) => {
          const s = await saring.sweeps.get(id);
          print(s, options.json, () => summary(s));
        });
      }),
    );

  for (const verb of ['pause', 'cancel'] as const) {
    withDataOption(sweep.command(verb))
      .description(verb === 'pause' ? 'pause a sweep (its workers stop at the next chunk)' : 'cancel a sweep (what was done stays)')
      .argument('<id>')
      .option('--json')
      .action(
        action(async (id: string, options: { data?: string; json?: boolean }) => {
          await withSaring(options, `sweep ${verb}`, async (saring) => {
            const s = await saring.sweeps[verb](id, CLI_ACTOR);
            print(s, options.json, () => summary(s));
          });
        }),
      );
  }

  withDataOption(sweep.command('resume'))
    .description('resume a paused sweep; on the embedded database this process does the work and shows progress (--no-work: workers elsewhere)')
    .argument('<id>')
    .option('--no-work', 'only resume: workers elsewhere do the work')
    .option('--json')
    .action(
      action(async (id: string, options: { data?: string; json?: boolean; work?: boolean }) => {
        await withSaring(
          options,
          'sweep resume',
          async (saring) => {
            const s = await saring.sweeps.resume(id, CLI_ACTOR);
            const end = options.work === false ? s : await watch(saring, id);
            print(end, options.json, () => summary(end));
          },
          { workers: options.work !== false },
        );
      }),
    );

  withDataOption(sweep.command('report'))
    .description('a sweep\'s report: counts, changes with samples, agreement with human decisions, what was acted on (final once finished)')
    .argument('<id>')
    .option('--json', 'the report as JSON (as GET /v1/sweeps/{id}/report)')
    .option('--out <file>', 'also write the JSON report to a file')
    .action(
      action(async (id: string, options: { data?: string; json?: boolean; out?: string }) => {
        await withSaring(options, 'sweep report', async (saring) => {
          const r = await saring.sweeps.report(id);
          if (options.out) writeFileSync(options.out, `${JSON.stringify(r, null, 2)}\n`);
          print(r, options.json, () => formatReport(r));
        });
      }),
    );
}
