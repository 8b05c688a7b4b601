// Audience filter throughput: POST /v1/audience/filter's work (saring.youth.audience.filter) over
// 100,000 stored content items, 10,000 ids per call (half Saring ids, half the platform's ids, 5%
// unknown), for an adult, a 17-year-old, an account without an age record and a 14-year-old (who
// sees only the programme catalogue of their band). One core; PGlite, and PostgreSQL too when
// DATABASE_URL is set (a fresh database, dropped afterwards). Target: ≥ 50,000 ids/s. For PGlite, which
// runs in this process, it also prints ids per CPU second of the process: on a busy machine wall time
// counts the waits for a core, CPU time does not.
//
//   npm run bench:audience   (builds first)
//   node bench/audience.mjs [--items 100000] [--ids 10000] [--calls 20]
import { join } from 'node:path';
import { onEachDatabase } from './backends.mjs';

const root = join(import.meta.dirname, '..');
const { createSaring } = await import(join(root, 'dist', 'engine.js'));
const { loadConfig } = await import(join(root, 'dist', 'config', 'config.js'));
const { sql } = await import('kysely');

const opt = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = opt('items', 100_000);
const IDS = opt('ids', 10_000);
const CALLS = opt('calls', 20);

async function run(label, config, inProcess) {
  const saring = await createSaring(config, { command: 'bench' });
  try {
    let t0 = performance.now();
    // Statuses, restrictions and audiences in a fixed mix, as decisions would have left them.
    await sql`
      INSERT INTO content_items (external_id, kind, texts, audience, status, restriction, fingerprint)
      SELECT 'bench-' || g, 'video', jsonb_build_object('caption', 'bench ' || g),
             CASE WHEN g % 50 = 0 THEN 'adult' WHEN g % 7 = 0 THEN 'children' ELSE 'general' END,
             CASE WHEN g % 40 = 0 THEN 'removed' WHEN g % 97 = 0 THEN 'held' WHEN g % 11 = 0 THEN 'restricted' ELSE 'active' END,
             CASE WHEN g % 11 = 0 AND g % 40 <> 0 AND g % 97 <> 0 THEN (CASE WHEN g % 2 = 0 THEN 'restrict_18' ELSE 'restrict_16' END) END,
             'bench-' || g
      FROM generate_series(1, ${ITEMS}) g`.execute(saring.db);
    const rows = await saring.db.selectFrom('content_items').select(['id', 'external_id']).execute();
    console.log(`  ${label}: ${ITEMS.toLocaleString('en')} content items stored in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const admin = 'bench';
    await saring.youth.age.set('bench-adult', { declaredAge: 30 }, admin);
    await saring.youth.age.set('bench-17', { declaredAge: 17 }, admin);
    await saring.youth.age.set('bench-14', { declaredAge: 14 }, admin);

    let seed = 1;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const list = () => {
      const out = [];
      for (let i = 0; i < IDS; i++) {
        const r = rows[Math.floor(rand() * rows.length)];
        const p = rand();
        out.push(p < 0.05 ? `unknown-${i}` : p < 0.525 ? r.id : r.external_id);
      }
      return out;
    };
    const lists = Array.from({ length: CALLS }, list);
    for (const account of ['bench-adult', 'bench-17', 'bench-none', 'bench-14']) {
      for (let i = 0; i < 3; i++) await saring.youth.audience.filter({ account, ids: lists[i] }); // warm-up
      const ms = [];
      let visible = 0;
      t0 = performance.now();
      const cpu0 = process.cpuUsage();
      for (const ids of lists) {
        const t = performance.now();
        const r = await saring.youth.audience.filter({ account, ids });
        ms.push(performance.now() - t);
        visible += r.visible.length;
      }
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      ms.sort((a, b) => a - b);
      console.log(
        `  ${label}, ${account.padEnd(11)}: ${Math.round((CALLS * IDS) / seconds).toLocaleString('en')} ids/s${inProcess ? ` (${Math.round((CALLS * IDS) / cpuSeconds).toLocaleString('en')} per CPU second)` : ''} (${IDS.toLocaleString('en')} ids per call, median ${ms[Math.floor(ms.length / 2)].toFixed(1)} ms, max ${ms.at(-1).toFixed(1)} ms; ${((100 * visible) / (CALLS * IDS)).toFixed(1)}% visible)`,
      );
    }
  } finally {
    await saring.close();
  }
}

console.log(`audience filter throughput, one core, ${ITEMS.toLocaleString('en')} content items, ${CALLS} calls of ${IDS.toLocaleString('en')} ids`);
const base = { workers: false, demo: false };
// In this process on PGlite: its CPU time is the filter's too.
await onEachDatabase('audience', (label, db) => run(label, loadConfig({ ...base, ...db }, {}), label === 'PGlite'));
