// Claim-next latency with a large backlog: 100,000 open review cases in five queues (opened over
// the last three days, with different categories and priorities), then claims timed one by one,
// from any queue and from one queue, and by 8 moderators at once. Each claimed case is closed
// afterwards, outside the timing, as its decision would. Runs on PGlite, and on PostgreSQL too
// when DATABASE_URL is set (a fresh database, dropped afterwards). Target: p99 < 50 ms.
//
//   npm run bench:review   (builds first)
//   node bench/review.mjs [--cases 100000] [--claims 2000]
import { join } from 'node:path';
import { onEachDatabase } from './backends.mjs';

const root = join(import.meta.dirname, '..');
const { createSaring } = await import(join(root, 'dist', 'engine.js'));
const { loadConfig } = await import(join(root, 'dist', 'config', 'config.js'));
const { insertSyntheticCases } = await import(join(root, 'dist', 'review', 'synthetic.js'));

const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = opt('cases', 100_000);
const CLAIMS = opt('claims', 2_000);
const QUEUES = [
  { queue: 'general', category: null, policyPriority: 'normal' },
  { queue: 'gambling', category: 'gambling', policyPriority: 'normal' },
  { queue: 'fraud', category: 'fraud', policyPriority: 'high' },
  { queue: 'hate', category: 'sara_hate', policyPriority: 'high', audience: 'children' },
  { queue: 'violence', category: 'violence', policyPriority: 'urgent' },
];

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(2)} ms, p99 ${pct(s, 99).toFixed(2)} ms, max ${s.at(-1).toFixed(2)} ms (${s.length} claims)`;
};

async function run(label, config) {
  const saring = await createSaring(config, { command: 'bench' });
  try {
    const users = [];
    for (let i = 0; i < 8; i++) users.push(await saring.users.authenticate((await saring.users.create({ name: `bench moderator ${i}`, role: 'moderator' }, 'bench')).apiKey));
    let t0 = performance.now();
    for (const [i, q] of QUEUES.entries()) {
      await insertSyntheticCases(saring.db, { count: Math.ceil(CASES / QUEUES.length), prefix: `bench-${i}`, spreadHours: 72, ...q });
    }
    console.log(`  ${label}: ${CASES.toLocaleString('en')} open cases stored in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const close = (id) => saring.db.updateTable('review_cases').set({ status: 'closed', closed_at: new Date() }).where('id', '=', id).execute();

    const timed = async (who, options) => {
      const t = performance.now();
      const c = await saring.review.claimNext(who, options);
      const ms = performance.now() - t;
      if (c) await close(c.id);
      return c ? ms : undefined;
    };
    for (let i = 0; i < 50; i++) await timed(users[0]); // warm-up

    const any = [];
    for (let i = 0; i < CLAIMS; i++) any.push(await timed(users[0]));
    console.log(`  ${label}, claim-next from any queue:  ${summary(any.filter((x) => x !== undefined))}`);

    const one = [];
    for (let i = 0; i < CLAIMS; i++) one.push(await timed(users[1], { queue: 'gambling' }));
    console.log(`  ${label}, claim-next from one queue:  ${summary(one.filter((x) => x !== undefined))}`);

    const together = [];
    t0 = performance.now();
    await Promise.all(
      users.map(async (who) => {
        for (let i = 0; i < Math.floor(CLAIMS / 8); i++) together.push(await timed(who));
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    console.log(`  ${label}, 8 moderators at once:       ${summary(together.filter((x) => x !== undefined))}, ${(together.length / seconds).toFixed(0)} claims/s`);
  } finally {
    await saring.close();
  }
}

console.log(`review claim-next latency, ${CASES.toLocaleString('en')} open cases`);
const base = { workers: false, demo: false };
await onEachDatabase('review', (label, db) => run(label, loadConfig({ ...base, ...db }, {})));
