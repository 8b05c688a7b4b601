import { Command } from 'commander';
import { registerAudit } from './commands/audit.js';
import { registerBank } from './commands/bank.js';
import { registerCompare } from './commands/compare.js';
import { registerDemo } from './commands/demo.js';
import { registerHash } from './commands/hash.js';
import { registerLexicon } from './commands/lexicon.js';
import { registerModel } from './commands/model.js';
import { registerPolicy } from './commands/policy.js';
import { registerScan } from './commands/scan.js';
import { registerServe } from './commands/serve.js';
import { registerUser } from './commands/user.js';
import { registerWebhook } from './commands/webhook.js';
import { registerWorker } from './commands/worker.js';

const program = new Command('saring')
  .description('Saring — trust-and-safety and regulatory-compliance engine for short-video platforms')
  .version('0.1.0');

for (const register of [registerServe, registerScan, registerPolicy, registerLexicon, registerUser, registerAudit, registerBank, registerWebhook, registerDemo, registerWorker, registerHash, registerCompare, registerModel]) {
  register(program);
}

await program.parseAsync(process.argv);
