import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { checkpointFromText, trustedKeysFromFiles, type SignedCheckpoint } from '../../audit/checkpoints.js';
import { verifyExport, type VerifyResult } from '../../audit/verify.js';
import { SaringError } from '../../errors/errors.js';
import { action, print, readTextFile, wholeArgument, withDataOption, withSaring } from '../support.js';

const short = (hash: string) => `${hash.slice(0, 16)}…`;

function describeVerify(result: VerifyResult): string {
  const lines: string[] = [];
  const { latest, external, uncovered } = result.checkpoints;
  if (result.ok) {
    lines.push(`OK: ${result.checked} entries, chain intact. Head: #${result.lastSeq} ${result.lastHash}`);
  } else {
    lines.push('TAMPERED:');
    for (const p of result.problems) lines.push(`  - ${p.message}`);
    if (result.problemCount > result.problems.length) lines.push(`  (and ${result.problemCount - result.problems.length} more)`);
    lines.push(result.lastSeq ? `The chain itself is intact for entries 1–${result.lastSeq}.` : 'No entry of the chain could be verified.');
  }
  if (latest) {
    lines.push(`Latest checkpoint: entry #${latest.seq}, signed ${latest.at} with key ${short(latest.keyId)} (${result.checkpoints.checked} stored).`);
  } else {
    lines.push('No signed checkpoint is stored: entries cut off the end would go unnoticed (`saring audit checkpoint` signs one).');
  }
  if (external?.ok) lines.push(`The external checkpoint (entry #${external.seq}, signed ${external.at}) holds.`);
  if (uncovered > 0) lines.push(`${uncovered} entries after the latest checkpoint are not yet covered by a checkpoint.`);
  return lines.join('\n');
}

async function writeAll(out: NodeJS.WritableStream, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log and its signed checkpoints');

  withDataOption(audit.command('verify'))
    .description('check the chain and the signed checkpoints; exits 1 and says what was changed, reordered or cut off')
    .option('--checkpoint <file>', 'also check against a checkpoint kept elsewhere (from `saring audit checkpoint`)')
    .option('--json')
    .action(
      action(async (options: { data?: string; checkpoint?: string; json?: boolean }) => {
        const external = options.checkpoint ? checkpointFromText(readTextFile(options.checkpoint, 64 * 1024), options.checkpoint) : undefined;
        await withSaring(options, 'audit verify', async (saring) => {
          const result = await saring.audit.verify(external ? { checkpoint: external } : {});
          print(result, options.json, () => describeVerify(result));
          if (!result.ok) process.exitCode = 1;
        });
      }),
    );

  withDataOption(audit.command('checkpoint'))
    .description('sign the current head of the log and print it: keep it outside Saring (a ticket, a report to the regulator)')
    .option('--json', 'print only the checkpoint (JSON)')
    .action(
      action(async (options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'audit checkpoint', async (saring) => {
          const c: SignedCheckpoint = await saring.audit.checkpoint();
          process.stdout.write(
            options.json
              ? `${JSON.stringify(c, null, 2)}\n`
              : `Signed entry #${c.seq} (${c.hash}) at ${c.at} with key ${c.keyId}.\n` +
                  'Keep the line below outside Saring; `saring audit verify --checkpoint FILE` checks the log against it.\n' +
                  `${JSON.stringify(c)}\n`,
          );
        });
      }),
    );

  withDataOption(audit.command('export'))
    .description('write the log as JSON Lines followed by a checkpoint signed for it: a copy anyone can verify')
    .option('--after-seq <n>', 'only the entries after this sequence number', wholeArgument)
    .option('--out <file>', 'write to this file instead of standard output')
    .action(
      action(async (options: { data?: string; afterSeq?: number; out?: string }) => {
        if (options.afterSeq !== undefined && !(options.afterSeq >= 0)) throw new SaringError('validation_failed', '--after-seq takes a number ≥ 0.');
        await withSaring(options, 'audit export', async (saring) => {
          const { checkpoint, lines } = await saring.audit.export(options.afterSeq !== undefined ? { afterSeq: options.afterSeq } : {});
          if (!options.out) return writeAll(process.stdout, lines);
          const file = createWriteStream(options.out, { flags: 'wx' });
          await once(file, 'open');
          await writeAll(file, lines);
          file.end();
          await once(file, 'finish');
          process.stderr.write(`Wrote entries ${(options.afterSeq ?? 0) + 1}–${checkpoint.seq} and their checkpoint to ${options.out}.\n`);
        });
      }),
    );

  audit
    .command('verify-export <file>')
    .description('check an export without the database: the entries chain to the checkpoint and its signature holds')
    .option('--public-key <pem...>', "the platform's public key(s); without, the export's own key is used and its id shown to compare")
    .option('--json')
    .action(
      action(async (file: string, options: { publicKey?: string[]; json?: boolean }) => {
        const trusted = options.publicKey ? trustedKeysFromFiles(options.publicKey) : undefined;
        const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
        const result = await verifyExport(lines, trusted);
        print(result, options.json, () => {
          const out = result.ok
            ? [`OK: entries ${result.firstSeq ?? '–'}–${result.lastSeq ?? '–'} (${result.entries}) chain to the checkpoint of entry #${result.checkpoint!.seq}, signed ${result.checkpoint!.at}.`]
            : ['TAMPERED:', ...result.problems.map((p) => `  - ${p.message}`)];
          if (result.checkpoint) {
            out.push(
              result.keyTrusted
                ? `Signed with key ${result.checkpoint.keyId}, one of the keys given.`
                : `Signed with key ${result.checkpoint.keyId}, taken from the export itself: compare it with the key id the platform published, or pass --public-key.`,
            );
          }
          return out.join('\n');
        });
        if (!result.ok) process.exitCode = 1;
      }),
    );

  withDataOption(audit.command('public-key'))
    .description('print the key checkpoints are signed with (its id and PEM), to publish or give to an auditor')
    .option('--json')
    .action(
      action(async (options: { data?: string; json?: boolean }) => {
        await withSaring(options, 'audit public-key', async (saring) => {
          const key = await saring.audit.signingKey();
          print(key, options.json, () => `Key id: ${key.keyId}\n${key.publicKey.trimEnd()}`);
        });
      }),
    );

  withDataOption(audit.command('list'))
    .description('print audit entries in order (page with --after)')
    .option('--after <seq>', 'entries after this sequence number', wholeArgument)
    .option('--limit <n>', 'at most this many', wholeArgument, 50)
    .option('--json')
    .action(
      action(async (options: { data?: string; after?: number; limit: number; json?: boolean }) => {
        await withSaring(options, 'audit list', async (saring) => {
          const entries = await saring.audit.list({ ...(options.after !== undefined ? { afterSeq: options.after } : {}), limit: options.limit });
          print(entries, options.json, () =>
            entries.map((e) => `#${e.seq}  ${e.at}  ${e.actor.padEnd(20)} ${e.action.padEnd(24)} ${e.subjectType}:${e.subjectId ?? ''}`).join('\n'),
          );
        });
      }),
    );
}
