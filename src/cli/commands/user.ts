import type { Command } from 'commander';
import { ROLES } from '../../access/roles.js';
import { action, CLI_ACTOR, print, withDataOption, withSaring } from '../support.js';

export function registerUser(program: Command): void {
  const user = program.command('user').description('operator users and their API keys');

  withDataOption(user.command('add'))
    .description('create a user and print their API key (shown once)')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', ROLES.join(', '))
    .option('--org <org>', 'organisation (e.g. Komdigi, KPAI)')
    .option('--json')
    .action(
      action(async (options: { data?: string; name: string; role: string; org?: string; json?: boolean }) => {
        await withSaring(options, 'user add', async (saring) => {
          const { user: u, apiKey } = await saring.users.create({ name: options.name, role: options.role, org: options.org ?? null }, CLI_ACTOR);
          print({ user: u, apiKey }, options.json, () => `Created ${u.role} ${u.name} (${u.id}).\nAPI key (shown once): ${apiKey}`);
        });
      }),
    );

  withDataOption(user.command('list'))
    .description('list operator users with their roles and organisations')
    .option('--json')
    .action(
      action(async (options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'user list', async (saring) => {
          const users = await saring.users.list();
          print(users, options.json, () => users.map((u) => `${u.id}  ${u.role.padEnd(17)} ${u.name}${u.org ? ` (${u.org})` : ''}${u.disabled ? '  [disabled]' : ''}`).join('\n'));
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
