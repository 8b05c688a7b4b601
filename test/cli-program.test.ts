/**
 * The shape of the `saring` command line, checked without running any command: every command
 * explains itself, and every option of every command reaches that command (none is taken by a
 * program-wide option such as `--version`).
 */
import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, commandOf, COMMANDS } from '../src/cli/program.js';

function leaves(cmd: Command, path: string[] = []): { cmd: Command; path: string[] }[] {
  if (cmd.commands.length === 0) return [{ cmd, path }];
  return cmd.commands.flatMap((c) => leaves(c, [...path, c.name()]));
}

function all(cmd: Command, path: string[] = []): { cmd: Command; path: string[] }[] {
  return [{ cmd, path }, ...cmd.commands.flatMap((c) => all(c, [...path, c.name()]))];
}

/** A value every option parser here accepts: a whole number also reads as a path, a name or a share. */
const SAMPLE = '1';

function quiet(cmd: Command): void {
  cmd.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  for (const c of cmd.commands) quiet(c);
}

describe('the saring command line', () => {
  it('describes every command and subcommand', async () => {
    const program = await buildProgram();
    const undescribed = all(program)
      .filter(({ path }) => path.length > 0)
      .filter(({ cmd }) => !cmd.description())
      .map(({ path }) => path.join(' '));
    expect(undescribed).toEqual([]);
  });

  it('hands every option of every command to that command, including --version N', async () => {
    const problems: string[] = [];
    const program = await buildProgram();
    for (const { cmd, path } of leaves(program)) {
      const required = cmd.registeredArguments.filter((a) => a.required).map(() => SAMPLE);
      const mandatory = (except: Option) => cmd.options.filter((o) => o.mandatory && o !== except).flatMap((o) => [o.long!, SAMPLE]);
      for (const option of cmd.options as Option[]) {
        const fresh = await buildProgram([path[0]!]);
        quiet(fresh);
        const target = path.slice(1).reduce((c, name) => c.commands.find((s) => s.name() === name)!, fresh.commands.find((c) => c.name() === path[0])!);
        let received: Record<string, unknown> | undefined;
        target.action(function (this: Command) {
          received = this.opts();
        });
        const value = option.required || option.optional ? [SAMPLE] : [];
        const argv = ['node', 'saring', ...path, ...required, ...mandatory(option), option.long!, ...value];
        try {
          await fresh.parseAsync(argv);
        } catch (err) {
          problems.push(`${argv.slice(2).join(' ')}: ${(err as Error).message}`);
          continue;
        }
        const got = received?.[option.attributeName()];
        if (got === undefined || (option.negate ? got !== false : false)) problems.push(`${argv.slice(2).join(' ')}: the command received ${JSON.stringify(received)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('loads only the command asked for', () => {
    expect(commandOf(['node', 'saring', 'scan', 'text'])).toBe('scan');
    expect(commandOf(['node', 'saring', '--help'])).toBeUndefined();
    expect(commandOf(['node', 'saring', 'toString'])).toBeUndefined();
    expect(Object.keys(COMMANDS)).toContain('policy');
  });
});
