import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SaringError } from '../../errors/errors.js';
import { DEACTIVATION_PHASES, DEACTIVATION_REASONS, type DeactivationReason, type PlanPreview, type PlanResult } from '../../youth/deactivation/deactivation.js';
import { action, CLI_ACTOR, print, withDataOption, withSaring, wholeArgument } from '../support.js';

/** `--reason` again and again: each one kept (checked when the command runs). */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The counts a plan found, one reason a line, as the operator reads them before starting it. */
function previewLines(p: PlanPreview): string[] {
  return [
    ...p.reasons.map((r) => `  ${r.padEnd(24)} ${p.found[r]}`),
    `Accounts to take: ${p.accounts}${p.remaining ? ` (${p.remaining} more found beyond the limit: a further plan takes them)` : ''}; already in the programme: ${p.alreadyInProgramme}.`,
    `Phases: re-verification ${p.settings.verificationDays} days, then a transition notice of ${p.settings.noticeDays} days, then deactivation (minimum age ${p.settings.minimumAge}; policy ${p.settings.policyVersion ?? 'built-in'}).`,
  ];
}

interface PlanOptions {
  reason?: string[];
  limit?: number;
  note?: string;
  data?: string;
  json?: boolean;
}

function reasonsOf(given: string[] | undefined): DeactivationReason[] | undefined {
  const unknown = given?.find((r) => !(DEACTIVATION_REASONS as readonly string[]).includes(r));
  if (unknown !== undefined) throw new SaringError('validation_failed', `--reason ${unknown}: one of ${DEACTIVATION_REASONS.join(', ')}.`);
  return given as DeactivationReason[] | undefined;
}

const planInput = (o: PlanOptions, dryRun: boolean) => ({ dryRun, ...(o.reason ? { reasons: reasonsOf(o.reason) } : {}), ...(o.limit !== undefined ? { limit: o.limit } : {}), ...(o.note ? { note: o.note } : {}) });

function withPlanOptions(cmd: Command): Command {
  return withDataOption(cmd)
    .option('--reason <reason>', `only this reason (repeat for several): ${DEACTIVATION_REASONS.join(', ')}; default all`, collect)
    .option('--limit <n>', 'take at most this many accounts, oldest first (default 10000)', wholeArgument)
    .option('--json', 'print the result as JSON');
}

export function registerYouth(program: Command): void {
  const youth = program.command('youth').description('youth safety: the under-16 deactivation programme and the risk self-assessment (docs/youth.md)');
  const deactivation = youth.command('deactivation').description('the under-16 deactivation programme (Permenkomdigi 9/2026)');

  withPlanOptions(deactivation.command('plan'))
    .description('count the accounts a plan would take, per reason (a dry run: nothing is stored; `start` starts it)')
    .action(
      action(async (options: PlanOptions) => {
        const input = planInput(options, true); // a wrong --reason is refused before the database is opened
        await withSaring(options, 'youth deactivation plan', async (saring) => {
          const result = await saring.youth.deactivation.plan(input, CLI_ACTOR);
          print(result, options.json, () => ['Accounts that are or may be under the minimum age, per reason (dry run, nothing stored):', ...previewLines(result.preview), 'Start it: saring youth deactivation start'].join('\n'));
        });
      }),
    );

  withPlanOptions(deactivation.command('start'))
    .description("start a plan: each account's re-verification is requested now; notices and deactivations follow by jobs (a running `saring serve` or `saring worker` carries them out)")
    .option('--note <text>', 'a note kept with the plan')
    .action(
      action(async (options: PlanOptions) => {
        const input = planInput(options, false);
        await withSaring(options, 'youth deactivation start', async (saring) => {
          const result: PlanResult = await saring.youth.deactivation.plan(input, CLI_ACTOR);
          print(result, options.json, () => {
            if (!result.plan) return ['Nothing new to start: every account found is in the programme already.', ...previewLines(result.preview)].join('\n');
            const p = result.plan;
            return [`Started plan ${p.id}: ${p.accounts} accounts, re-verification requested.`, ...previewLines(result.preview), `Re-verification due by ${p.verifyBy}; deactivations from ${p.deactivateFrom}.`].join('\n');
          });
        });
      }),
    );

  withDataOption(deactivation.command('status'))
    .description('the programme’s progress: accounts per phase, and each plan with its dates')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'youth deactivation status', async (saring) => {
          const summary = await saring.youth.deactivation.summary();
          const { plans } = await saring.youth.deactivation.plans({});
          print({ summary, plans }, options.json, () =>
            [
              `${summary.accounts} accounts in ${summary.plans} plans:`,
              ...DEACTIVATION_PHASES.map((ph) => `  ${ph.padEnd(26)} ${summary.phases[ph]}`),
              ...plans.map((p) => `plan ${p.id}  ${p.createdAt}  ${p.accounts} accounts  verify by ${p.verifyBy}  deactivations from ${p.deactivateFrom}  ${DEACTIVATION_PHASES.map((ph) => `${ph} ${p.phases[ph]}`).join(', ')}`),
            ].join('\n'),
          );
        });
      }),
    );

  const risk = youth.command('risk').description('the PP Tunas risk self-assessment');
  withDataOption(risk.command('export'))
    .description('write a version of the risk self-assessment: the Indonesian document (Markdown) or the stored JSON')
    .option('--version <n>', 'the version (default: the latest)', wholeArgument)
    .option('--format <format>', 'md or json', 'md')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(
      action(async (options: { version?: number; format: string; out?: string; data?: string }) => {
        if (options.format !== 'md' && options.format !== 'json') throw new SaringError('validation_failed', `--format is md or json, not ${options.format}.`);
        await withSaring(options, 'youth risk export', async (saring) => {
          const version = options.version ?? 'latest';
          const text = options.format === 'md' ? (await saring.youth.risk.markdown(version)).text : `${JSON.stringify(await saring.youth.risk.get(version), null, 2)}\n`;
          if (options.out) writeFileSync(options.out, text);
          else process.stdout.write(text);
        });
      }),
    );
}
