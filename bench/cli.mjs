// How fast the CLI starts (issue 15): each command run N times as a new process, hyperfine-style,
// wall-clock median and spread. Targets: saring --version < 150 ms, saring scan TEXT < 400 ms,
// saring hash IMAGE.jpg < 300 ms. `node -e 0` is the floor: what starting Node alone costs here.
//
//   npm run build && node bench/cli.mjs [--runs 15] [--baseline DIR]
//
// --baseline DIR: another built checkout (e.g. `git worktree add /tmp/base <commit>`, then
// `npm run build` there): each of its commands runs interleaved with ours, and both medians print
// side by side, so a before → after holds however busy the machine is.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' }, baseline: { type: 'string' } } });
const runs = Number(args.runs);
const bin = join(root, 'bin', 'saring.js');
const baseBin = args.baseline ? join(args.baseline, 'bin', 'saring.js') : undefined;
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
const time = (name, argv) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, argv, { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
  return performance.now() - t0;
};
const line = (name, times) => {
  const s = ms(times);
  const median = s[Math.floor(s.length / 2)];
  return { median, text: `${name.padEnd(24)} median ${median.toFixed(0).padStart(5)} ms   min ${s[0].toFixed(0).padStart(5)} ms   max ${s.at(-1).toFixed(0).padStart(5)} ms` };
};
console.log(`${runs} runs each (after one warm-up), wall clock${baseBin ? `; baseline ${args.baseline} interleaved` : ''}\n`);
for (const [name, argv] of commands) {
  const baseArgv = baseBin && argv[0] === bin ? [baseBin, ...argv.slice(1)] : undefined;
  spawnSync(process.execPath, argv, { env }); // warm-up: file cache
  if (baseArgv) spawnSync(process.execPath, baseArgv, { env });
  const times = [];
  const baseTimes = [];
  for (let i = 0; i < runs; i++) {
    times.push(time(name, argv));
    if (baseArgv) baseTimes.push(time(`baseline ${name}`, baseArgv));
  }
  const now = line(name, times);
  if (!baseArgv) {
    console.log(now.text);
    continue;
  }
  const base = line('  baseline', baseTimes);
  console.log(`${now.text}\n${base.text}   (baseline ÷ now: ${(base.median / now.median).toFixed(2)})`);
}
rmSync(data, { recursive: true, force: true });
