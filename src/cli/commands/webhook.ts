import type { Command } from 'commander';
import { action, CLI_ACTOR, print, withDataOption, withSaring } from '../support.js';

export function registerWebhook(program: Command): void {
  const webhook = program.command('webhook').description('endpoints that receive signed decision notifications');

  withDataOption(webhook.command('add'))
    .description('register an endpoint and print its signing secret (shown once)')
    .argument('<url>')
    .option('--events <events...>', 'decision.created, content.review_required (default: all)')
    .option('--json')
    .action(
      action(async (url: string, options: { data?: string; events?: string[]; json?: boolean }) => {
        await withSaring(options, 'webhook add', async (saring) => {
          const ep = await saring.webhooks.add({ url, ...(options.events ? { events: options.events } : {}) }, CLI_ACTOR);
          print(ep, options.json, () => `Endpoint ${ep.id} → ${ep.url}\nSigning secret (shown once): ${ep.secret}`);
        });
      }),
    );

  withDataOption(webhook.command('list'))
    .description('list endpoints and the events they receive (x: removed)')
    .option('--json')
    .action(
      action(async (options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'webhook list', async (saring) => {
          const eps = await saring.webhooks.list();
          print(eps, options.json, () => eps.map((e) => `${e.active ? ' ' : 'x'} ${e.id}  ${e.url}  [${e.events.join(', ')}]`).join('\n'));
        });
      }),
    );

  withDataOption(webhook.command('remove'))
    .description('stop delivering to an endpoint (its deliveries are kept)')
    .argument('<id>')
    .action(
      action(async (id: string, options: { data?: string }) => {
        await withSaring(options, 'webhook remove', async (saring) => {
          await saring.webhooks.remove(id, CLI_ACTOR);
          process.stdout.write(`Removed ${id}\n`);
        });
      }),
    );
}
