/**
 * Sweep scanning in worker threads: a chunk's items are split over the threads and scanned there
 * while the calling thread writes the previous chunk (on the embedded database the database runs
 * on the calling thread, so scanning beside it nearly doubles a sweep's speed). Without a built
 * worker script (or with SARING_SWEEP_THREADS=0) items are scanned on the calling thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Audience } from '../policy/schema.js';
import type { ScanConfig } from '../scan/scan-config.js';
import { scanTexts } from '../scan/scan.js';
import type { Verdict } from '../scan/verdict.js';
import { workerScript } from '../shared/worker-script.js';
import type { ConfigSnapshot, ScanItem, ScanRequest, ScanResponse } from './scan-protocol.js';

interface Thread {
  worker: Worker;
  configs: Set<string>;
  pending: Map<number, { resolve: (v: Verdict[]) => void; reject: (e: unknown) => void }>;
}

function configKey(cfg: ScanConfig): string {
  return `${cfg.policyVersion}|${cfg.generation}|${cfg.lexicons.map((l) => `${l.name}@${l.version}`).join(',')}|${[...cfg.models.values()].map((m) => `${m.name}@${m.version}`).join(',')}`;
}

function snapshot(cfg: ScanConfig): ConfigSnapshot {
  return {
    policy: cfg.policy,
    policyVersion: cfg.policyVersion,
    lexicons: cfg.lexicons,
    models: [...cfg.models.values()].map((m) => ({ name: m.name, version: m.version, meta: m.model.meta, weights: new Uint8Array(m.model.weights.buffer.slice(m.model.weights.byteOffset, m.model.weights.byteOffset + m.model.weights.byteLength)) })),
  };
}

export class ScanThreads {
  #threads: Thread[] = [];
  #next = 1;
  #disabled = false;
  #closed = false;

  constructor(readonly size: number = defaultThreads()) {
    if (size < 1) this.#disabled = true;
  }

  #spawn(): Thread | undefined {
    if (this.#disabled) return undefined;
    let worker: Worker;
    try {
      worker = new Worker(workerScript('scan-worker.js', import.meta.url));
    } catch {
      this.#disabled = true; // not built: scan on this thread
      return undefined;
    }
    const thread: Thread = { worker, configs: new Set(), pending: new Map() };
    worker.on('message', (msg: ScanResponse) => {
      const p = thread.pending.get(msg.id);
      if (!p) return;
      thread.pending.delete(msg.id);
      if (thread.pending.size === 0) worker.unref();
      if (msg.type === 'result') p.resolve(msg.verdicts);
      else p.reject(new Error(msg.message));
    });
    const died = (why: string) => {
      this.#threads = this.#threads.filter((t) => t !== thread);
      for (const p of thread.pending.values()) p.reject(new Error(`a sweep scan thread stopped (${why})`));
      thread.pending.clear();
    };
    worker.on('error', (e) => died(e.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    worker.unref();
    this.#threads.push(thread);
    return thread;
  }

  /** Verdicts for the items, in order. */
  async scan(cfg: ScanConfig, items: ScanItem[]): Promise<Verdict[]> {
    if (this.#closed) throw new Error('sweep scanning is shut down');
    while (!this.#disabled && this.#threads.length < this.size) if (!this.#spawn()) break;
    if (this.#disabled || this.#threads.length === 0 || items.length < 8) {
      return items.map((i) => scanTexts(cfg, { texts: i.texts, audience: i.audience as Audience, bankMatches: i.bankMatches }));
    }
    const key = configKey(cfg);
    const threads = this.#threads.slice();
    const per = Math.ceil(items.length / threads.length);
    const parts = await Promise.all(
      threads.map((t, n) => {
        const slice = items.slice(n * per, (n + 1) * per);
        if (!slice.length) return Promise.resolve([] as Verdict[]);
        if (!t.configs.has(key)) {
          t.worker.postMessage({ type: 'config', key, config: snapshot(cfg) } satisfies ScanRequest);
          t.configs.add(key);
        }
        const id = this.#next++;
        return new Promise<Verdict[]>((resolve, reject) => {
          t.pending.set(id, { resolve, reject });
          t.worker.ref();
          t.worker.postMessage({ type: 'scan', id, key, items: slice } satisfies ScanRequest);
        });
      }),
    );
    return parts.flat();
  }

  async close(): Promise<void> {
    this.#closed = true;
    const threads = this.#threads;
    this.#threads = [];
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}

/** One thread per core beyond the first (at most 4), or SARING_SWEEP_THREADS. */
export function defaultThreads(): number {
  const env = process.env['SARING_SWEEP_THREADS'];
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}
