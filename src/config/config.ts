import { resolve } from 'node:path';

/** Everything Saring can be configured with. Doors build it from flags and the environment. */
export interface SaringConfig {
  /** PGlite data directory (ignored when `databaseUrl` is set). */
  dataDir: string;
  /** A PostgreSQL connection string: use it instead of the embedded database. */
  databaseUrl?: string | undefined;
  /** Run job handlers in this process (the embedded mode always does). */
  workers: boolean;
  /** Seconds between job polls. */
  jobPollSeconds: number;
  /** Seconds before a failed webhook is retried the first time (doubles each retry). */
  webhookRetrySeconds: number;
  http: { host: string; port: number; bodyLimitBytes: number };
  /** Load demo data into an empty installation. */
  demo: boolean;
  logLevel: string;
}

type Env = Record<string, string | undefined>;

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, not ${JSON.stringify(value)}`);
  return n;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

/** The configuration from environment variables (see the README's table), then `overrides`. */
export function loadConfig(overrides: Partial<SaringConfig> = {}, env: Env = process.env): SaringConfig {
  const base: SaringConfig = {
    dataDir: resolve(env['SARING_DATA'] || './saring-data'),
    databaseUrl: env['DATABASE_URL'] || undefined,
    workers: bool(env['SARING_WORKERS'], true),
    jobPollSeconds: int(env['SARING_JOB_POLL_SECONDS'], 1, 'SARING_JOB_POLL_SECONDS'),
    webhookRetrySeconds: int(env['SARING_WEBHOOK_RETRY_SECONDS'], 5, 'SARING_WEBHOOK_RETRY_SECONDS'),
    http: {
      host: env['HOST'] || '127.0.0.1',
      port: int(env['PORT'], 8080, 'PORT'),
      bodyLimitBytes: int(env['SARING_BODY_LIMIT_BYTES'], 1024 * 1024, 'SARING_BODY_LIMIT_BYTES'),
    },
    demo: bool(env['SARING_DEMO'], true),
    logLevel: env['SARING_LOG_LEVEL'] || 'info',
  };
  return {
    ...base,
    ...overrides,
    dataDir: resolve(overrides.dataDir ?? base.dataDir),
    http: { ...base.http, ...overrides.http },
  };
}
