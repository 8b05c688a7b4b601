// PDQ matching-index benchmark: load time, memory, and query speed of the multi-index hash
// against a linear scan, on N uniformly random 256-bit hashes with planted near neighbours.
//
//   npx tsc -p tsconfig.build.json
//   node --expose-gc bench/hash-index.mjs [--n 10000000] [--queries 2000] [--linear-queries 40] [--seed 1]
//                                         [--shuffle-ids] [--crossover]
//
// --shuffle-ids: ids not in ascending order (the index then keeps an id table: ~6.4 bytes/entry more).
// --crossover: only compare the index with a linear scan at small sizes (what 'auto' picks).
//
// Random hashes are the worst case for neither method; real PDQ hashes cluster, which makes
// some buckets larger than average (the index then checks more candidates; results stay exact).
import { existsSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'signals', 'hash', 'match-index.js');
const source = join(root, 'src', 'signals', 'hash');
if (!existsSync(entry)) {
  console.error('dist/ is missing: run `npx tsc -p tsconfig.build.json` first.');
  process.exit(1);
}
{
  const newest = Math.max(...readdirSync(source).filter((f) => f.startsWith('match-index')).map((f) => statSync(join(source, f)).mtimeMs));
  if (newest > statSync(entry).mtimeMs) console.warn('warning: src/signals/hash/match-index*.ts is newer than dist/; rebuild for current figures.');
}
const { PdqMatchIndex, formatHashWords } = await import(entry);

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('n', 10_000_000);
const QUERIES = arg('queries', 2000);
const LINEAR_QUERIES = arg('linear-queries', N >= 5_000_000 ? 40 : 200);
let seed = arg('seed', 1) >>> 0 || 1;

const rand = () => {
  // xorshift32
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>>= 0);
};
const MB = (b) => `${(b / 1048576).toFixed(1)} MiB`;
const gc = () => globalThis.gc?.();
const mem = async (label) => {
  // Array buffers are freed by a background sweeper after a collection: give it a moment.
  gc();
  await new Promise((r) => setTimeout(r, 200));
  gc();
  const m = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `  ${label.padEnd(22)} rss ${MB(m.rss)} (peak ${MB(peak)}), heapUsed ${MB(m.heapUsed)}, arrayBuffers ${MB(m.arrayBuffers)}`,
  );
};
const pct = (arr, p) => arr[Math.min(arr.length - 1, Math.floor((p / 100) * arr.length))];

/** Flips `d` distinct bits of the 8 words at w[o..o+8]; `span` limits them to the first span bits of a random 16-bit-aligned window. */
function flipBits(w, o, d, span) {
  const start = span >= 256 ? 0 : (rand() % (256 / 16)) * 16;
  const width = Math.min(256, span);
  const chosen = new Set();
  while (chosen.size < d) chosen.add((start + (rand() % width)) % 256);
  for (const bit of chosen) w[o + (bit >>> 5)] ^= 1 << (bit & 31);
}

if (process.argv.includes('--crossover')) {
  await crossover();
  process.exit(0);
}

console.log(`PDQ match index: ${N.toLocaleString('en')} random hashes, node ${process.version}, ${process.arch}`);
console.log('  (memory: the generated ids + hashes, 36 bytes per entry, are counted in rss and arrayBuffers throughout)');
if (!globalThis.gc) console.log('  (run with --expose-gc for steadier memory figures)');
await mem('start');

// ---- data: random hashes with planted neighbours --------------------------------------------
const ids = new Uint32Array(N);
const hashes = new Uint32Array(N * 8);
const shuffled = process.argv.includes('--shuffle-ids');
for (let i = 0; i < N; i++) ids[i] = shuffled ? Math.imul(i, 2654435761) >>> 0 : i * 3 + 1;
for (let i = 0; i < hashes.length; i++) hashes[i] = rand();

// Each probe query q has one planted entry at distance DIST[j % DIST.length]; the bits flipped are
// spread over the whole hash, or packed into one or two 16-bit slots (the hard case for the index).
const DIST = [0, 1, 15, 16, 17, 30, 31, 32, 33];
const SPANS = [256, 16, 32];
const PLANTS = Math.min(QUERIES, N);
const queryWords = new Uint32Array(PLANTS * 8);
const plantedAt = new Uint32Array(PLANTS);
const plantedDist = new Uint8Array(PLANTS);
const used = new Set();
for (let j = 0; j < PLANTS; j++) {
  for (let w = 0; w < 8; w++) queryWords[j * 8 + w] = rand();
  let e;
  do e = rand() % N;
  while (used.has(e));
  used.add(e);
  const d = DIST[j % DIST.length];
  const span = Math.max(SPANS[Math.floor(j / DIST.length) % SPANS.length], d);
  hashes.set(queryWords.subarray(j * 8, j * 8 + 8), e * 8);
  flipBits(hashes, e * 8, d, span);
  plantedAt[j] = e;
  plantedDist[j] = d;
}
await mem('data generated');

// ---- load -------------------------------------------------------------------------------------
let t0 = performance.now();
const index = new PdqMatchIndex({ expectedSize: N });
index.load({ ids, hashes });
const loadMs = performance.now() - t0;
console.log(
  `\nload ({ ids, hashes }, copied, ids ${shuffled ? 'unsorted' : 'ascending'}): ${loadMs.toFixed(0)} ms (${((N / loadMs) * 1000 / 1e6).toFixed(2)} M entries/s)`,
);
console.log(`  memoryBytes(): ${MB(index.memoryBytes())} (${(index.memoryBytes() / N).toFixed(1)} bytes/entry)`);
await mem('after load');

{
  const n = Math.min(N, 1_000_000);
  const list = [];
  for (let i = 0; i < n; i++) list.push({ id: ids[i], hash: formatHashWords(hashes, i * 8) });
  const other = new PdqMatchIndex();
  t0 = performance.now();
  other.load(list);
  const ms = performance.now() - t0;
  console.log(`load (array of { id, hash } hex strings, ${n.toLocaleString('en')}): ${ms.toFixed(0)} ms (${((n / ms) * 1000 / 1e6).toFixed(2)} M entries/s)`);
}
gc();

// ---- queries ------------------------------------------------------------------------------------
// Dihedral form: 8 query hashes, the real one at a random position among 7 random ones.
const dihedral = [];
const dihedralAt = [];
for (let j = 0; j < PLANTS; j++) {
  const at = rand() % 8;
  const words = new Uint32Array(64);
  for (let v = 0; v < 8; v++) {
    if (v === at) words.set(queryWords.subarray(j * 8, j * 8 + 8), v * 8);
    else for (let w = 0; w < 8; w++) words[v * 8 + w] = rand();
  }
  dihedral.push(words);
  dihedralAt.push(at);
}

function run(label, count, strategy, variants) {
  const lat = new Float64Array(count);
  let found = 0;
  let expected = 0;
  let wrong = 0;
  const t = performance.now();
  for (let j = 0; j < count; j++) {
    const words = variants ? dihedral[j] : queryWords.subarray(j * 8, j * 8 + 8);
    const s = process.hrtime.bigint();
    const res = index.queryWords(words, { strategy });
    lat[j] = Number(process.hrtime.bigint() - s) / 1e6;
    const want = plantedDist[j] <= 31;
    const planted = ids[plantedAt[j]];
    const hit = res.find((r) => r.id === planted);
    if (want) {
      expected++;
      if (hit && hit.distance === plantedDist[j] && hit.queryIndex === (variants ? dihedralAt[j] : 0)) found++;
      else wrong++;
    } else if (hit) wrong++;
    if (res.some((r) => r.id !== planted)) wrong++; // random hashes: nothing else is that close
  }
  const total = performance.now() - t;
  lat.sort();
  console.log(
    `  ${label.padEnd(28)} ${String(count).padStart(5)} q: ${((count / total) * 1000).toFixed(1).padStart(8)} q/s, ` +
      `p50 ${pct(lat, 50).toFixed(3)} ms, p99 ${pct(lat, 99).toFixed(3)} ms; planted ≤31 found ${found}/${expected}` +
      (wrong ? `, ${wrong} WRONG` : ', no false hits'),
  );
  return { qps: (count / total) * 1000, p50: pct(lat, 50), p99: pct(lat, 99), wrong };
}

console.log('\nqueries (threshold 31):');
// warm-up
run('warm-up (index, 1 hash)', Math.min(200, PLANTS), 'index', false);
const mih1 = run('index, 1 hash', PLANTS, 'index', false);
const mih8 = run('index, 8 dihedral hashes', PLANTS, 'index', true);
const lin1 = run('linear, 1 hash', Math.min(LINEAR_QUERIES, PLANTS), 'linear', false);
const lin8 = run('linear, 8 dihedral hashes', Math.min(LINEAR_QUERIES, PLANTS), 'linear', true);
const auto8 = run('auto, 8 dihedral hashes', Math.min(LINEAR_QUERIES, PLANTS), 'auto', true);
console.log(`  index vs linear (p50): ${(lin1.p50 / mih1.p50).toFixed(1)}× faster (1 hash), ${(lin8.p50 / mih8.p50).toFixed(1)}× (8 hashes)`);

// ---- updates ----------------------------------------------------------------------------------
console.log('\nupdates:');
const ADDS = 10_000;
t0 = performance.now();
const addHex = [];
for (let i = 0; i < ADDS; i++) {
  const w = new Uint32Array(8);
  for (let k = 0; k < 8; k++) w[k] = rand();
  addHex.push(formatHashWords(w));
}
t0 = performance.now();
for (let i = 0; i < ADDS; i++) index.add(4_000_000_000 + i, addHex[i]);
let ms = performance.now() - t0;
console.log(`  add() ${ADDS.toLocaleString('en')} entries: ${((ms * 1000) / ADDS).toFixed(2)} µs each`);
let miss = 0;
for (let i = 0; i < 200; i++) if (index.query([addHex[i]], { threshold: 0 })[0]?.id !== 4_000_000_000 + i) miss++;
console.log(`  added entries matchable at once: ${200 - miss}/200`);
run('index after adds, 1 hash', Math.min(500, PLANTS), 'index', false);
t0 = performance.now();
for (let i = 0; i < ADDS; i++) index.remove(ids[(i * 7919) % N]);
ms = performance.now() - t0;
console.log(`  remove() ${ADDS.toLocaleString('en')} entries: ${((ms * 1000) / ADDS).toFixed(2)} µs each`);
t0 = performance.now();
index.compact();
console.log(`  compact(): ${(performance.now() - t0).toFixed(0)} ms`);
await mem('after compact');
console.log(`  memoryBytes(): ${MB(index.memoryBytes())}, size ${index.size.toLocaleString('en')}`);
void hashes.length; // keeps the generated data alive to here, so the memory lines compare
const bad = mih1.wrong + mih8.wrong + lin1.wrong + lin8.wrong + auto8.wrong;
if (bad) {
  console.error(`\nFAILED: ${bad} wrong answers`);
  process.exit(1);
}

/** Index against linear scan at small sizes, and which one 'auto' is as fast as. */
async function crossover() {
  console.log('crossover: p50 per query (ms), threshold 31, random hashes');
  console.log('  entries    index/1   linear/1   auto/1  |  index/8   linear/8   auto/8');
  for (const n of [250, 1000, 4000, 16000, 64000, 256000]) {
    const ids = new Uint32Array(n);
    const hashes = new Uint32Array(n * 8);
    for (let i = 0; i < n; i++) ids[i] = i;
    for (let i = 0; i < hashes.length; i++) hashes[i] = rand();
    const index = new PdqMatchIndex();
    index.load({ ids, hashes });
    const q1 = new Uint32Array(8);
    const q8 = new Uint32Array(64);
    const time = (q, strategy) => {
      const lat = [];
      for (let r = 0; r < 300; r++) {
        for (let i = 0; i < q.length; i++) q[i] = rand();
        const s = process.hrtime.bigint();
        index.queryWords(q, { strategy });
        lat.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      lat.sort((a, b) => a - b);
      return lat[150].toFixed(3).padStart(9);
    };
    for (const q of [q1, q8]) for (const st of ['index', 'linear', 'auto']) time(q, st); // warm-up
    console.log(
      `  ${String(n).padStart(7)} ${time(q1, 'index')} ${time(q1, 'linear')} ${time(q1, 'auto')}  | ${time(q8, 'index')} ${time(q8, 'linear')} ${time(q8, 'auto')}`,
    );
  }
}
