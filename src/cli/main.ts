import { buildProgram, commandOf } from './program.js';

// Load only the command asked for; `--version` needs none, help and unknown commands need all.
const command = commandOf(process.argv);
const versionOnly = ['-V', '--version'].includes(process.argv[2] ?? '');
const program = await buildProgram(command ? [command] : versionOnly ? [] : undefined);
await program.parseAsync(process.argv);
