import { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * The commands, each loaded only when it runs: `saring scan` never pays for the engine, the HTTP
 * server or the media pipeline. Help (and an unknown command) loads them all.
 */
export const COMMANDS: Record<string, () => Promise<Register>> = {
  serve: async () => (await import('./commands/serve.js')).registerServe,
  scan: async () => (await import('./commands/scan.js')).registerScan,
  policy: async () => (await import('./commands/policy.js')).registerPolicy,
  lexicon: async () => (await import('./commands/lexicon.js')).registerLexicon,
  user: async () => (await import('./commands/user.js')).registerUser,
  audit: async () => (await import('./commands/audit.js')).registerAudit,
  bank: async () => (await import('./commands/bank.js')).registerBank,
  webhook: async () => (await import('./commands/webhook.js')).registerWebhook,
  demo: async () => (await import('./commands/demo.js')).registerDemo,
  worker: async () => (await import('./commands/worker.js')).registerWorker,
  hash: async () => (await import('./commands/hash.js')).registerHash,
  compare: async () => (await import('./commands/compare.js')).registerCompare,
  model: async () => (await import('./commands/model.js')).registerModel,
  report: async () => (await import('./commands/report.js')).registerReport,
  orders: async () => (await import('./commands/orders.js')).registerOrders,
  youth: async () => (await import('./commands/youth.js')).registerYouth,
  import: async () => (await import('./commands/import.js')).registerImport,
  sweep: async () => (await import('./commands/sweep.js')).registerSweep,
};

export const VERSION = '0.1.0';

/**
 * The `saring` program with the commands `names` (all when absent). Program options come before
 * the command (`enablePositionalOptions`), so a command's own `--version N` is never taken for the
 * program's `--version`.
 */
export async function buildProgram(names: readonly string[] = Object.keys(COMMANDS)): Promise<Command> {
  const program = new Command('saring')
    .description('Saring — trust-and-safety and regulatory-compliance engine for short-video platforms')
    .version(VERSION, '-V, --version', 'print the program version')
    .enablePositionalOptions();
  for (const name of Object.keys(COMMANDS)) {
    if (names.includes(name)) (await COMMANDS[name]!())(program);
  }
  return program;
}

/** The command a command line asks for: its first argument, when that names a command. */
export function commandOf(argv: readonly string[]): string | undefined {
  const first = argv[2];
  return first !== undefined && Object.hasOwn(COMMANDS, first) ? first : undefined;
}
