// PDQ matching-index benchmark: load time, memory (peak RSS of the whole process, compaction
// included), and query speed of the multi-index hash against linear scans — the index's own JS
// scan and a flat WebAssembly i64.popcnt scan of all 8 dihedral queries in one pass — on N
// uniformly random 256-bit hashes with planted near neighbours.
//
//   npx tsc -p tsconfig.build.json
//   node --expose-gc bench/hash-index.mjs [--n 10000000] [--queries 2000] [--linear-queries 40] [--seed 1]
//                                         [--flat-queries 20] [--shuffle-ids] [--crossover]
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
const QUERIES = arg('queries', N >= 5_000_000 ? 500 : 1000);
const LINEAR_QUERIES = arg('linear-queries', N >= 5_000_000 ? 4 : 200);
const FLAT_QUERIES = arg('flat-queries', N >= 5_000_000 ? 8 : 100);
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
console.log('  (memory: the generated ids + hashes, 36 bytes per entry, are handed to the index (adopt), so counted once)');
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
const loadCpu = process.cpuUsage();
let index = new PdqMatchIndex({ expectedSize: N });
index.load({ ids, hashes }, { adopt: true });
const loadMs = performance.now() - t0;
const loadCpuMs = ((c) => (c.user + c.system) / 1000)(process.cpuUsage(loadCpu));
console.log(
  `\nload ({ ids, hashes }, adopted, ids ${shuffled ? 'unsorted' : 'ascending'}): ${loadMs.toFixed(0)} ms (CPU ${loadCpuMs.toFixed(0)} ms; ${((N / loadMs) * 1000 / 1e6).toFixed(2)} M entries/s)`,
);
console.log(`  memoryBytes(): ${MB(index.memoryBytes())} (${(index.memoryBytes() / N).toFixed(1)} bytes/entry)`);
await mem('after load');

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
  const cpu = new Float64Array(count);
  let found = 0;
  let expected = 0;
  let wrong = 0;
  const t = performance.now();
  for (let j = 0; j < count; j++) {
    const words = variants ? dihedral[j] : queryWords.subarray(j * 8, j * 8 + 8);
    const c = process.cpuUsage();
    const s = process.hrtime.bigint();
    const res = index.queryWords(words, { strategy });
    lat[j] = Number(process.hrtime.bigint() - s) / 1e6;
    const dc = process.cpuUsage(c);
    cpu[j] = (dc.user + dc.system) / 1000;
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
  cpu.sort();
  console.log(
    `  ${label.padEnd(28)} ${String(count).padStart(5)} q: ${((count / total) * 1000).toFixed(1).padStart(8)} q/s, ` +
      `p50 ${pct(lat, 50).toFixed(3)} ms, p99 ${pct(lat, 99).toFixed(3)} ms (CPU time p50 ${pct(cpu, 50).toFixed(3)}, p99 ${pct(cpu, 99).toFixed(3)}); ` +
      `planted ≤31 found ${found}/${expected}` +
      (wrong ? `, ${wrong} WRONG` : ', no false hits'),
  );
  return { qps: (count / total) * 1000, p50: pct(lat, 50), p99: pct(lat, 99), cpu50: pct(cpu, 50), cpu99: pct(cpu, 99), wrong };
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
let bgWrong = 0;
let compactBg;
let compactSyncMs;
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
const plantedSet = new Set(plantedAt);
let removedCount = 0;
for (let i = 0; removedCount < Math.min(ADDS, N - PLANTS); i++) {
  const e = (i * 7919) % N;
  if (plantedSet.has(e)) continue;
  index.remove(ids[e]);
  removedCount++;
}
ms = performance.now() - t0;
console.log(`  remove() ${ADDS.toLocaleString('en')} entries: ${((ms * 1000) / ADDS).toFixed(2)} µs each`);

// Compaction in the background (one slot table at a time, in slices between turns of the event
// loop) while single-hash queries keep coming, one per turn: how long it takes, how long the
// event loop is held at most, what the queries see meanwhile, and the process's memory.
{
  const lat = [];
  let maxGap = 0;
  let maxRss = 0;
  let turns = 0;
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const done = index.compactInBackground();
  let compacting = true;
  done.then(() => (compacting = false));
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let maxGapCpu = 0;
  for (let j = 0; compacting; j++) {
    await new Promise((r) => setImmediate(r));
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    const dc = process.cpuUsage(lastCpu);
    maxGapCpu = Math.max(maxGapCpu, (dc.user + dc.system) / 1000);
    turns++;
    const k = j % PLANTS;
    const s = process.hrtime.bigint();
    const res = index.queryWords(queryWords.subarray(k * 8, k * 8 + 8));
    lat.push(Number(process.hrtime.bigint() - s) / 1e6);
    if (plantedDist[k] <= 31 && !res.some((r) => r.id === ids[plantedAt[k]])) bgWrong++;
    maxRss = Math.max(maxRss, process.memoryUsage.rss());
    last = performance.now();
    lastCpu = process.cpuUsage();
  }
  const total = performance.now() - t0;
  const cpuMs = ((c) => (c.user + c.system) / 1000)(process.cpuUsage(cpu0));
  lat.sort((a, b) => a - b);
  compactBg = { ms: total, cpuMs, p50: pct(lat, 50), p99: pct(lat, 99), maxGap, maxGapCpu };
  console.log(
    `  compaction in the background: ${total.toFixed(0)} ms (CPU ${cpuMs.toFixed(0)} ms, queries included) over ${turns} turns of the event loop, longest hold ${maxGap.toFixed(1)} ms (CPU ${maxGapCpu.toFixed(1)} ms); ` +
      `${lat.length} queries meanwhile: p50 ${pct(lat, 50).toFixed(3)} ms, p99 ${pct(lat, 99).toFixed(3)} ms` +
      (bgWrong ? `, ${bgWrong} WRONG` : ', all planted found') + `; rss up to ${MB(maxRss)}`,
  );
}
t0 = performance.now();
const cpuSync = process.cpuUsage();
index.compact();
compactSyncMs = performance.now() - t0;
const compactSyncCpuMs = ((c) => (c.user + c.system) / 1000)(process.cpuUsage(cpuSync));
console.log(`  compact() (the same work in one call): ${compactSyncMs.toFixed(0)} ms (CPU ${compactSyncCpuMs.toFixed(0)} ms)`);
await mem('after compact');
const memBytes = index.memoryBytes();
console.log(`  memoryBytes(): ${MB(memBytes)}, size ${index.size.toLocaleString('en')}`);
const indexPeak = process.resourceUsage().maxRSS * 1024;
console.log(`\nPEAK RSS of the process through load, queries, updates and compaction: ${MB(indexPeak)} (${(indexPeak / 1e9).toFixed(3)} GB)`);

// ---- flat WebAssembly scan ------------------------------------------------------------------------
// The index goes; its hashes (the generated array) are copied into WebAssembly memory and scanned
// whole per query: every entry against all query hashes in one pass, i64.popcnt on 4 × 64 bits.
index = null;
await mem('index dropped');
const flat = flatScanner(hashes, N);
console.log(`\nflat WebAssembly scan (i64.popcnt, one pass over ${MB(N * 32)} per query, all query hashes at once; single thread):`);
function runFlat(label, count, variants) {
  const lat = [];
  const cpu = [];
  let found = 0;
  let expected = 0;
  let wrong = 0;
  for (let j = 0; j < count; j++) {
    const words = variants ? dihedral[j] : queryWords.subarray(j * 8, j * 8 + 8);
    const c = process.cpuUsage();
    const s = process.hrtime.bigint();
    const res = flat.scan(words, 31);
    lat.push(Number(process.hrtime.bigint() - s) / 1e6);
    const dc = process.cpuUsage(c);
    cpu.push((dc.user + dc.system) / 1000);
    const planted = plantedAt[j];
    const hit = res.find((r) => r.entry === planted);
    if (plantedDist[j] <= 31) {
      expected++;
      if (hit && hit.distance === plantedDist[j]) found++;
      else wrong++;
    } else if (hit) wrong++;
  }
  lat.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(28)} ${String(count).padStart(5)} q: p50 ${pct(lat, 50).toFixed(3)} ms, p99 ${pct(lat, 99).toFixed(3)} ms (CPU time p50 ${pct(cpu, 50).toFixed(3)}, p99 ${pct(cpu, 99).toFixed(3)}); ` +
      `planted ≤31 found ${found}/${expected}` + (wrong ? `, ${wrong} WRONG` : ', no false hits'),
  );
  return { p50: pct(lat, 50), p99: pct(lat, 99), cpu50: pct(cpu, 50), cpu99: pct(cpu, 99), wrong };
}
runFlat('warm-up', Math.min(3, PLANTS), true);
const flat1 = runFlat('flat, 1 hash', Math.min(FLAT_QUERIES, PLANTS), false);
const flat8 = runFlat('flat, 8 dihedral hashes', Math.min(FLAT_QUERIES, PLANTS), true);
flat.release();
await mem('flat scan done');

console.log('\nsummary (threshold 31, this run):');
const line = (r) => `p50 ${r.p50.toFixed(3)} ms, p99 ${r.p99.toFixed(3)} ms (CPU ${r.cpu50.toFixed(3)} / ${r.cpu99.toFixed(3)})`;
console.log(`  multi-index: 1 hash ${line(mih1)}; 8 dihedral ${line(mih8)}`);
console.log(`  flat wasm:   1 hash ${line(flat1)}; 8 dihedral ${line(flat8)}`);
console.log(`  → ${flat8.p50 < mih8.p50 ? 'the flat scan' : 'the multi-index'} is faster for 8 dihedral hashes (${(Math.max(flat8.p50, mih8.p50) / Math.min(flat8.p50, mih8.p50)).toFixed(1)}×), ` +
  `${flat1.p50 < mih1.p50 ? 'the flat scan' : 'the multi-index'} for 1 hash (${(Math.max(flat1.p50, mih1.p50) / Math.min(flat1.p50, mih1.p50)).toFixed(1)}×)`);
console.log(`  load ${loadMs.toFixed(0)} ms (CPU ${loadCpuMs.toFixed(0)}); compaction ${compactBg.ms.toFixed(0)} ms in the background (CPU ${compactBg.cpuMs.toFixed(0)} with the queries; ` +
  `queries meanwhile p50 ${compactBg.p50.toFixed(3)} ms, p99 ${compactBg.p99.toFixed(3)} ms; longest hold ${compactBg.maxGap.toFixed(1)} ms, CPU ${compactBg.maxGapCpu.toFixed(1)}), ` +
  `${compactSyncMs.toFixed(0)} ms in one call (CPU ${compactSyncCpuMs.toFixed(0)})`);
console.log(`  peak RSS ${MB(indexPeak)} (${(indexPeak / 1e9).toFixed(3)} GB), index ${MB(memBytes)} by its own count`);
{
  console.log('');
  const n = Math.min(N, 1_000_000);
  const list = [];
  for (let i = 0; i < n; i++) list.push({ id: ids[i], hash: formatHashWords(hashes, i * 8) });
  const other = new PdqMatchIndex();
  t0 = performance.now();
  other.load(list);
  const ms = performance.now() - t0;
  console.log(`load (array of { id, hash } hex strings, ${n.toLocaleString('en')}): ${ms.toFixed(0)} ms (${((n / ms) * 1000 / 1e6).toFixed(2)} M entries/s)`);
}

const bad = mih1.wrong + mih8.wrong + lin1.wrong + lin8.wrong + auto8.wrong + bgWrong + flat1.wrong + flat8.wrong;
if (bad) {
  console.error(`\nFAILED: ${bad} wrong answers`);
  process.exit(1);
}

/**
 * A flat scan in WebAssembly: the module is assembled here from its bytes (about 200), so the
 * benchmark needs no toolchain. scan(hashes, n, queries, nq, t, out, cap) → matches: for every
 * entry and every query hash, the popcount of the XOR of 4 × i64, and (entry, distance × 8 + query)
 * written for those within t.
 */
function flatScanner(words, n) {
  const u = (x) => { const out = []; do { let b = x & 0x7f; x >>>= 7; if (x) b |= 0x80; out.push(b); } while (x); return out; };
  const get = (i) => [0x20, i], set = (i) => [0x21, i], tee = (i) => [0x22, i];
  const i64load = (off) => [0x29, 0x03, ...u(off)];
  const i32c = (v) => [0x41, ...u(v)]; // small non-negative constants only (< 64)
  // params: 0 h, 1 n, 2 q, 3 nq, 4 t, 5 out, 6 cap; locals: 7 e, 8 p, 9 k, 10 qp, 11 d, 12 m (i32); 13–16 a b c dd (i64)
  const word = (local, off) => [...get(local), ...get(10), ...i64load(off), 0x85, 0x7b];
  const code = [
    ...get(0), ...set(8),
    0x02, 0x40, 0x03, 0x40,
    ...get(7), ...get(1), 0x4f, 0x0d, 0x01,
    ...get(8), ...i64load(0), ...set(13), ...get(8), ...i64load(8), ...set(14),
    ...get(8), ...i64load(16), ...set(15), ...get(8), ...i64load(24), ...set(16),
    ...i32c(0), ...set(9), ...get(2), ...set(10),
    0x03, 0x40,
    ...word(13, 0), ...word(14, 8), 0x7c, ...word(15, 16), 0x7c, ...word(16, 24), 0x7c,
    0xa7, ...tee(11), ...get(4), 0x4d,
    0x04, 0x40,
    ...get(12), ...get(6), 0x49,
    0x04, 0x40,
    ...get(5), ...get(12), ...i32c(3), 0x74, 0x6a, ...get(7), 0x36, 0x02, 0x00,
    ...get(5), ...get(12), ...i32c(3), 0x74, 0x6a, ...get(11), ...i32c(3), 0x74, ...get(9), 0x6a, 0x36, 0x02, 0x04,
    0x0b,
    ...get(12), ...i32c(1), 0x6a, ...set(12),
    0x0b,
    ...get(10), ...i32c(32), 0x6a, ...set(10),
    ...get(9), ...i32c(1), 0x6a, ...tee(9), ...get(3), 0x49, 0x0d, 0x00,
    0x0b,
    ...get(8), ...i32c(32), 0x6a, ...set(8),
    ...get(7), ...i32c(1), 0x6a, ...set(7),
    0x0c, 0x00,
    0x0b, 0x0b,
    ...get(12), 0x0b,
  ];
  const body = [0x02, 0x06, 0x7f, 0x04, 0x7e, ...code];
  const section = (id, bytes) => [id, ...u(bytes.length), ...bytes];
  const name = (s) => [s.length, ...Buffer.from(s)];
  const bytes = Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x07, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x01, 0x7f]),
    ...section(2, [0x01, ...name('m'), ...name('mem'), 0x02, 0x00, 0x00]),
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, ...name('scan'), 0x00, 0x00]),
    ...section(10, [0x01, ...u(body.length), ...body]),
  ]);
  const CAP = 1 << 16;
  const qAt = n * 32;
  const outAt = qAt + 8 * 32;
  let memory = new WebAssembly.Memory({ initial: Math.ceil((outAt + CAP * 8) / 65536) });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { m: { mem: memory } });
  new Uint32Array(memory.buffer, 0, n * 8).set(words.subarray(0, n * 8));
  return {
    scan(queries, t) {
      const nq = queries.length >>> 3;
      new Uint32Array(memory.buffer, qAt, nq * 8).set(queries);
      const m = instance.exports.scan(0, n, qAt, nq, t, outAt, CAP);
      const out = new Uint32Array(memory.buffer, outAt, Math.min(m, CAP) * 2);
      const best = new Map();
      for (let i = 0; i < out.length; i += 2) {
        const prev = best.get(out[i]);
        if (prev === undefined || out[i + 1] < prev) best.set(out[i], out[i + 1]);
      }
      return [...best].map(([entry, packed]) => ({ entry, distance: packed >>> 3, queryIndex: packed & 7 }));
    },
    release() {
      memory = null;
    },
  };
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
