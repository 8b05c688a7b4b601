import type { Registry } from 'prom-client';
import type { BankMatcher } from './banks/matcher.js';
import type { SaringConfig } from './config/config.js';
import type { Db } from './db/connect.js';
import type { Effects } from './decisions/effects.js';
import type { Jobs } from './jobs/jobs.js';
import type { ScanConfig } from './scan/scan-config.js';

/**
 * What the engine gives a capability (review, reports, appeals, strikes, people, …) to build on.
 *
 * A capability lives in its own folder and exports `create<Name>(core)`: it defines its job
 * queues, registers its hooks on `core.effects` (what it adds to the one decision path), and
 * returns its part of the engine's API. `createSaring` calls each once, before the job queue
 * starts, so adding a capability adds one line there and one route list to the HTTP door.
 */
export interface EngineCore {
  readonly config: SaringConfig;
  readonly db: Db;
  readonly jobs: Jobs;
  /** Webhook jobs and hooks set off by decisions (decisions/effects.ts). */
  readonly effects: Effects;
  /** The active policy, lexicons and models (cached, re-checked every 2 s). */
  scanConfig(): Promise<ScanConfig>;
  /** Call once a transaction that removed content has committed: the bank matcher reloads, so re-uploads match at once. */
  removed(): Promise<void>;
  /** The bank matcher, up to date within 2 s of any process's change (at once with `force`). */
  matcher(force?: boolean): Promise<BankMatcher>;
  /**
   * This engine's Prometheus registry (served at `/metrics`). A capability adds its own metrics to it
   * (`new Gauge({ …, registers: [core.metrics], collect() { … } })`), never to prom-client's global one.
   */
  readonly metrics: Registry;
}
