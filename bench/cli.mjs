// How fast the CLI starts (issue 15): each command run N times as a new process, hyperfine-style,
// wall-clock median and spread. Targets: saring --version < 150 ms, saring scan TEXT < 400 ms,
// saring hash IMAGE.jpg < 300 ms. `node -e 0` is the floor: what starting Node alone costs here.
//
//   npm run build && node bench/cli.mjs [--runs 15]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(args.runs);
const bin = join(root, 'bin', 'saring.js');
const image = join(root, 'test', 'fixtures', 'pdq', 'images', 'reg-test-input', 'dih', 'bridge-1-original.jpg');
const data = mkdtempSync(join(tmpdir(), 'saring-bench-cli-'));
const env = { ...process.env, SARING_DATA: join(data, 'none'), DATABASE_URL: '' };

const commands = [
  ['node -e 0 (floor)', ['-e', '0']],
  ['saring --version', [bin, '--version']],
  ['saring scan TEXT', [bin, 'scan', 'slot gacor maxwin depo 10rb wd cepat']],
  ['saring hash IMAGE.jpg', [bin, 'hash', image]],
];

const ms = (xs) => xs.sort((a, b) => a - b);
console.log(`${runs} runs each (after one warm-up), wall clock\n`);
for (const [name, argv] of commands) {
  spawnSync(process.execPath, argv, { env }); // warm-up: file cache
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, argv, { env, encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
  }
  const s = ms(times);
  const median = s[Math.floor(s.length / 2)];
  console.log(`${name.padEnd(24)} median ${median.toFixed(0).padStart(5)} ms   min ${s[0].toFixed(0).padStart(5)} ms   max ${s.at(-1).toFixed(0).padStart(5)} ms`);
}
rmSync(data, { recursive: true, force: true });
