import type { Command } from 'commander';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { SaringError } from '../../errors/errors.js';
import { CLI_ACTOR, action, numberArgument, print, readTextFile, versionArgument, withDataOption, withSaring } from '../support.js';

function parseFile(path: string): unknown {
  try {
    return parseYaml(readTextFile(path), { maxAliasCount: 100 });
  } catch (err) {
    if (err instanceof SaringError) throw err;
    throw new SaringError('invalid_lexicon', `${path} is not valid YAML or JSON: ${(err as Error).message}`);
  }
}

export function registerLexicon(program: Command): void {
  const lexicon = program.command('lexicon').description('list, show, edit, import and export lexicons (every edit is a new version)');

  withDataOption(lexicon.command('list'))
    .description('list every lexicon with its category, kind, active version and size (x: disabled)')
    .option('--json')
    .action(
      action(async (options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'lexicon list', async (saring) => {
          const all = await saring.lexicons.list();
          print(all, options.json, () =>
            all.map((l) => `${l.enabled ? ' ' : 'x'} ${l.name.padEnd(24)} ${l.category.padEnd(14)} ${l.kind.padEnd(8)} v${l.activeVersion}  ${l.entries} entries`).join('\n'),
          );
        });
      }),
    );

  withDataOption(lexicon.command('show'))
    .description('print a lexicon (the active version, or --version N) with its entries')
    .argument('<name>')
    .option('--version <n>', 'a stored version', versionArgument)
    .option('--json')
    .action(
      action(async (name: string, options: { data?: string; version?: number; json?: boolean }) => {
        await withSaring(options, 'lexicon show', async (saring) => {
          const l = await saring.lexicons.get(name, options.version);
          print(l, options.json, () => toYaml(l));
        });
      }),
    );

  withDataOption(lexicon.command('export'))
    .description('print a lexicon as YAML (the format `lexicon import` reads)')
    .argument('<name>')
    .action(
      action(async (name: string, options: { data?: string }) => {
        await withSaring(options, 'lexicon export', async (saring) => {
          const { enabled: _e, ...l } = await saring.lexicons.get(name);
          process.stdout.write(toYaml(l));
        });
      }),
    );

  withDataOption(lexicon.command('import'))
    .description('store a whole lexicon from a YAML/JSON file (name, category, kind, entries) as its next version')
    .argument('<file>')
    .option('--note <text>')
    .action(
      action(async (file: string, options: { data?: string; note?: string }) => {
        const input = parseFile(file) as Record<string, unknown>;
        await withSaring(options, 'lexicon import', async (saring) => {
          const l = await saring.lexicons.save({ version: 1, ...input }, CLI_ACTOR, options.note);
          process.stdout.write(`${l.name} v${l.version}: ${l.entries.length} entries\n`);
        });
      }),
    );

  withDataOption(lexicon.command('add'))
    .description('add one entry, or the entries of --file (a YAML/JSON list)')
    .argument('<name>')
    .argument('[term]')
    .option('--type <type>', 'word, phrase, pattern or domain', 'word')
    .option('--weight <w>', 'from -1 (counter-evidence) to 1', numberArgument, 0.5)
    .option('--match <how>', 'for words: word, prefix or substring')
    .option('--exception <phrase...>', 'phrases that cancel the match nearby')
    .option('--file <path>', 'entries to add')
    .option('--note <text>')
    .action(
      action(async (name: string, term: string | undefined, options: { data?: string; type: string; weight: number; match?: string; exception?: string[]; file?: string; note?: string }) => {
        let entries: unknown[];
        if (options.file) {
          const parsed = parseFile(options.file);
          entries = Array.isArray(parsed) ? parsed : ((parsed as { entries?: unknown[] }).entries ?? []);
        } else {
          if (!term) throw new SaringError('validation_failed', 'Give a term or --file.');
          entries = [{ term, type: options.type, weight: options.weight, ...(options.match ? { match: options.match } : {}), ...(options.exception ? { exceptions: options.exception } : {}) }];
        }
        await withSaring(options, 'lexicon add', async (saring) => {
          const l = await saring.lexicons.addEntries(name, entries, CLI_ACTOR, options.note);
          process.stdout.write(`${l.name} v${l.version}: ${l.entries.length} entries\n`);
        });
      }),
    );

  withDataOption(lexicon.command('remove'))
    .description('remove entries by term')
    .argument('<name>')
    .argument('<terms...>')
    .option('--note <text>')
    .action(
      action(async (name: string, terms: string[], options: { data?: string; note?: string }) => {
        await withSaring(options, 'lexicon remove', async (saring) => {
          const l = await saring.lexicons.removeEntries(name, terms, CLI_ACTOR, options.note);
          process.stdout.write(`${l.name} v${l.version}: ${l.entries.length} entries\n`);
        });
      }),
    );

  withDataOption(lexicon.command('history'))
    .description("list a lexicon's versions, newest first (* marks the active one)")
    .argument('<name>')
    .option('--json')
    .action(
      action(async (name: string, options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'lexicon history', async (saring) => {
          const versions = await saring.lexicons.history(name);
          print(versions, options.json, () =>
            versions.map((v) => `${v.active ? '*' : ' '} v${v.version}  ${v.entries} entries  ${v.createdAt}  by ${v.createdBy}${v.note ? `  — ${v.note}` : ''}`).join('\n'),
          );
        });
      }),
    );

  withDataOption(lexicon.command('rollback'))
    .description('make a stored version of a lexicon active again (see `lexicon history`)')
    .argument('<name>')
    .argument('<version>', 'version number', versionArgument)
    .action(
      action(async (name: string, version: number, options: { data?: string }) => {
        await withSaring(options, 'lexicon rollback', async (saring) => {
          await saring.lexicons.activateVersion(name, version, CLI_ACTOR);
          process.stdout.write(`${name}: v${version} is active\n`);
        });
      }),
    );

  withDataOption(lexicon.command('upgrade'))
    .description('store the lexicons shipped with this release of Saring that are new or differ from the active versions (rollback undoes one)')
    .option('--dry-run', 'only list what would change')
    .option('--json')
    .action(
      action(async (options: { data?: string; dryRun?: boolean; json?: boolean }) => {
        await withSaring(options, 'lexicon upgrade', async (saring) => {
          const changes = await saring.lexicons.shippedChanges();
          const stored: Record<string, number> = {};
          if (!options.dryRun) {
            for (const c of changes.filter((x) => x.status !== 'current')) {
              stored[c.name] = (await saring.lexicons.save(c.lexicon, CLI_ACTOR, 'shipped with Saring (lexicon upgrade)')).version;
            }
          }
          const rows = changes.map(({ lexicon: _l, ...c }) => ({ ...c, ...(stored[c.name] ? { storedVersion: stored[c.name] } : {}) }));
          print(rows, options.json, () =>
            rows
              .map((c) => {
                const diff = c.status === 'current' ? 'up to date' : `${c.status}: +${c.added} −${c.removed} entries`;
                const version = c.storedVersion ? `  → v${c.storedVersion}` : c.status !== 'current' && options.dryRun ? '  (dry run: not stored)' : '';
                return `${c.name.padEnd(22)} ${c.activeVersion ? `v${c.activeVersion}` : '—'}  ${diff}${version}`;
              })
              .join('\n'),
          );
        });
      }),
    );

  for (const [verb, enabled] of [['enable', true], ['disable', false]] as const) {
    withDataOption(lexicon.command(verb))
      .description(enabled ? 'use a disabled lexicon in scans again' : 'stop using a lexicon in scans (its versions are kept)')
      .argument('<name>')
      .action(
        action(async (name: string, options: { data?: string }) => {
          await withSaring(options, `lexicon ${verb}`, async (saring) => {
            await saring.lexicons.setEnabled(name, enabled, CLI_ACTOR);
            process.stdout.write(`${name}: ${verb}d\n`);
          });
        }),
      );
  }
}
