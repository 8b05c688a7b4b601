import type { Command } from 'commander';
import { ROLES } from '../../access/roles.js';
import type { OperatorUser } from '../../access/auth.js';
import { SaringError } from '../../errors/errors.js';
import { action, CLI_ACTOR, print, withDataOption, withSaring } from '../support.js';

/**
 * The password on standard input (one line; a final newline is dropped). Read before the data
 * directory is opened, and never taken from the command line, where `ps` and shell history see it.
 */
async function passwordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (!text) throw new SaringError('validation_failed', 'No password on standard input.');
  if (/[\r\n]/.test(text)) throw new SaringError('validation_failed', 'The password on standard input is one line.');
  return text;
}

/** A login made from a display name: `Dewi Lestari` → `dewi.lestari`. */
function loginFromName(name: string): string {
  const login = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  if (login.length < 2) throw new SaringError('validation_failed', `No login can be made from the name ${JSON.stringify(name)}: give one with --login.`);
  return login;
}

function describe(u: OperatorUser): string {
  const signIn = u.login ? `${u.login}${u.hasPassword ? '' : u.invitePending ? ' (invited)' : ' (no password)'}` : '(API keys only)';
  return `${u.id}  ${u.role.padEnd(17)} ${signIn.padEnd(28)} ${u.name}${u.org ? ` (${u.org})` : ''}${u.disabled ? '  [disabled]' : ''}`;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('operator users: people who sign in with a password, and API keys for machines');

  withDataOption(user.command('add'))
    .description('create a person who signs in (--password-stdin or --invite), or a user with an API key (shown once)')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', ROLES.join(', '))
    .option('--org <org>', 'organisation (e.g. Komdigi, KPAI)')
    .option('--login <login>', 'what the person signs in with (default: made from the name)')
    .option('--password-stdin', 'read the person’s initial password from standard input')
    .option('--invite', 'print a one-time invite link where the person chooses their password')
    .option('--json')
    .action(
      action(async (options: { data?: string; name: string; role: string; org?: string; login?: string; passwordStdin?: boolean; invite?: boolean; json?: boolean }) => {
        if (options.passwordStdin && options.invite) throw new SaringError('validation_failed', 'Give --password-stdin or --invite, not both.');
        const person = options.passwordStdin || options.invite || options.login !== undefined;
        if (person && !options.passwordStdin && !options.invite) throw new SaringError('validation_failed', 'A person needs --password-stdin or --invite.');
        const password = options.passwordStdin ? await passwordFromStdin() : undefined;
        await withSaring(options, 'user add', async (saring) => {
          if (!person) {
            const { user: u, apiKey } = await saring.users.create({ name: options.name, role: options.role, org: options.org ?? null }, CLI_ACTOR);
            print({ user: u, apiKey }, options.json, () => `Created ${u.role} ${u.name} (${u.id}).\nAPI key (shown once): ${apiKey}`);
            return;
          }
          const login = options.login ?? loginFromName(options.name);
          const { user: u, invite } = await saring.users.createPerson(
            { name: options.name, login, role: options.role, org: options.org ?? null, password, invite: options.invite },
            CLI_ACTOR,
          );
          print(invite ? { user: u, invite } : { user: u }, options.json, () =>
            invite
              ? `Created ${u.role} ${u.name} with login ${u.login}.\nInvite (shown once, valid until ${invite.expiresAt}), to open on the server's address: ${invite.path}`
              : `Created ${u.role} ${u.name} with login ${u.login}: they can sign in.`,
          );
        });
      }),
    );

  withDataOption(user.command('list'))
    .description('list operator users with their logins, roles and organisations')
    .option('--json')
    .action(
      action(async (options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'user list', async (saring) => {
          const users = await saring.users.list();
          print(users, options.json, () => users.map(describe).join('\n'));
        });
      }),
    );

  withDataOption(user.command('password'))
    .description('reset a person’s password (their sessions end; a lock on their login is lifted)')
    .argument('<login>', 'login or user id')
    .option('--password-stdin', 'read the new password from standard input')
    .option('--invite', 'instead, print a one-time invite link where the person chooses a new password (the old one stops working)')
    .option('--json')
    .action(
      action(async (login: string, options: { data?: string; passwordStdin?: boolean; invite?: boolean; json?: boolean }) => {
        if (!options.passwordStdin === !options.invite) throw new SaringError('validation_failed', 'Give --password-stdin or --invite.');
        const password = options.passwordStdin ? await passwordFromStdin() : undefined;
        await withSaring(options, 'user password', async (saring) => {
          if (password !== undefined) {
            const u = await saring.users.setPassword(login, password, CLI_ACTOR);
            print({ user: u }, options.json, () => `New password set for ${u.login}; their sessions ended.`);
          } else {
            const { user: u, invite } = await saring.users.invite(login, CLI_ACTOR);
            print({ user: u, invite }, options.json, () => `Invite for ${u.login} (shown once, valid until ${invite.expiresAt}): ${invite.path}`);
          }
        });
      }),
    );

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    withDataOption(user.command(name))
      .description(disabled ? 'deactivate a user: their sessions end and their API keys stop working' : 'reactivate a deactivated user')
      .argument('<login>', 'login or user id')
      .action(
        action(async (login: string, options: { data?: string }) => {
          await withSaring(options, `user ${name}`, async (saring) => {
            const u = await saring.users.update(login, { disabled }, CLI_ACTOR);
            process.stdout.write(`${disabled ? 'Deactivated' : 'Reactivated'} ${u.login ?? u.id} (${u.name}).\n`);
          });
        }),
      );
  }

  withDataOption(user.command('sign-out'))
    .description('sign a person out everywhere (every session of theirs ends)')
    .argument('<login>', 'login or user id')
    .action(
      action(async (login: string, options: { data?: string }) => {
        await withSaring(options, 'user sign-out', async (saring) => {
          const u = await saring.users.get(login);
          const ended = await saring.users.revokeSessions(u.id, CLI_ACTOR);
          process.stdout.write(`Ended ${ended} session${ended === 1 ? '' : 's'} of ${u.login ?? u.id}.\n`);
        });
      }),
    );

  withDataOption(user.command('key'))
    .description('issue another API key for a user')
    .argument('<user-id>')
    .action(
      action(async (userId: string, options: { data?: string }) => {
        await withSaring(options, 'user key', async (saring) => {
          process.stdout.write(`API key (shown once): ${await saring.users.issueKey(userId, CLI_ACTOR)}\n`);
        });
      }),
    );

  withDataOption(user.command('revoke'))
    .description('revoke an API key by its prefix (the 12 hex characters after srg_)')
    .argument('<prefix>')
    .action(
      action(async (prefix: string, options: { data?: string }) => {
        await withSaring(options, 'user revoke', async (saring) => {
          await saring.users.revokeKey(prefix, CLI_ACTOR);
          process.stdout.write(`Revoked ${prefix}\n`);
        });
      }),
    );
}
