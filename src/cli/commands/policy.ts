import type { Command } from 'commander';
import { stringify as toYaml } from 'yaml';
import { parsePolicy } from '../../policy/document.js';
import { CLI_ACTOR, action, print, readTextFile, versionArgument, withDataOption, withSaring } from '../support.js';

export function registerPolicy(program: Command): void {
  const policy = program.command('policy').description('validate, activate, show and list policy versions');

  policy
    .command('validate')
    .description('check a policy file (YAML or JSON) without storing it')
    .argument('<file>')
    .option('--json', 'print the normalised document as JSON')
    .action(
      action(async (file: string, options: { json?: boolean }) => {
        const parsed = parsePolicy(readTextFile(file));
        print({ valid: true, sha256: parsed.sha256, document: parsed.document }, options.json, () =>
          `${file}: valid policy ${parsed.document.id} (${Object.keys(parsed.document.categories).length} categories), sha256 ${parsed.sha256.slice(0, 12)}`,
        );
      }),
    );

  withDataOption(policy.command('activate'))
    .description('store a policy file as a new version and make it active')
    .argument('<file>')
    .option('--note <text>', 'why this change (kept in the history and the audit log)')
    .option('--json')
    .action(
      action(async (file: string, options: { data?: string; note?: string; json?: boolean }) => {
        const source = readTextFile(file);
        await withSaring(options, 'policy activate', async (saring) => {
          const v = await saring.policy.activate(source, CLI_ACTOR, options.note);
          print({ version: v.version, label: v.label, sha256: v.sha256 }, options.json, () => `Active policy: ${v.label} (sha256 ${v.sha256.slice(0, 12)})`);
        });
      }),
    );

  withDataOption(policy.command('rollback'))
    .description('make a stored version active again (see `policy list`)')
    .argument('<version>', 'version number', versionArgument)
    .action(
      action(async (version: number, options: { data?: string }) => {
        await withSaring(options, 'policy rollback', async (saring) => {
          const v = await saring.policy.activateVersion(version, CLI_ACTOR);
          process.stdout.write(`Active policy: ${v.label}\n`);
        });
      }),
    );

  withDataOption(policy.command('show'))
    .description('print the active policy (or --version N) as written')
    .option('--version <n>', 'a stored version', versionArgument)
    .option('--json', 'print the normalised document as JSON')
    .action(
      action(async (options: { data?: string; version?: number; json?: boolean }) => {
        await withSaring(options, 'policy show', async (saring) => {
          const v = options.version ? await saring.policy.get(options.version) : await saring.policy.active();
          if (!v) throw new Error('No policy is active.');
          print({ ...v, source: undefined }, options.json, () => `# ${v.label}${v.active ? ' (active)' : ''}\n${v.source || toYaml(v.document)}`);
        });
      }),
    );

  withDataOption(policy.command('list'))
    .alias('history')
    .description('list every stored version, newest first (* marks the active one)')
    .option('--json')
    .action(
      action(async (options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'policy list', async (saring) => {
          const versions = await saring.policy.history();
          print(versions, options.json, () =>
            versions
              .map((v) => `${v.active ? '*' : ' '} v${v.version}  ${v.policyId}  ${v.createdAt}  by ${v.createdBy}${v.activatedAt ? `  activated ${v.activatedAt}` : ''}${v.note ? `  — ${v.note}` : ''}`)
              .join('\n'),
          );
        });
      }),
    );
}
