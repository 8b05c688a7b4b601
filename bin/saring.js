#!/usr/bin/env node
import { existsSync } from 'node:fs';
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`saring: Node.js 22.12 or newer is needed (this is ${process.version}); see the README.\n`);
  process.exit(1);
}
// Compiled code is kept between runs (in the OS temp directory): each command starts faster.
module.enableCompileCache();

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('saring: the build output (dist/) is missing; run `npm install` (it builds) or `npm run build`.\n');
  process.exit(1);
}
await import(main.href);
