import { availableParallelism } from 'node:os';
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
  /**
   * A running media analysis reports this often / 2; one not heard from for this long (its process
   * died) is retried. At least 10 (pg-boss' minimum).
   */
  jobHeartbeatSeconds: number;
  /** How often a process looks for jobs that missed their heartbeats or ran out of time, seconds. */
  jobMonitorSeconds: number;
  /** Seconds before a failed webhook is retried the first time (doubles each retry). */
  webhookRetrySeconds: number;
  /** Webhook deliveries in flight at once per process. */
  webhookConcurrency: number;
  http: {
    host: string;
    port: number;
    bodyLimitBytes: number;
    /**
     * Which proxies in front to believe about the client (`X-Forwarded-For`) and the scheme
     * (`X-Forwarded-Proto`, so session cookies are `Secure` behind a TLS-terminating proxy): false (none),
     * true (any: only when nothing else can reach the server), or the proxies' addresses/CIDRs (Fastify's `trustProxy`).
     */
    trustProxy: boolean | string;
  };
  /** Sign-in for people: sessions and the throttle on failed sign-ins (see docs/people.md). */
  people: PeopleConfig;
  /** Load demo data into an empty installation. */
  demo: boolean;
  media: MediaConfig;
  audit: AuditConfig;
  logLevel: string;
  /** The share of requests that leave their info line (SARING_LOG_SAMPLE, 0 to 1; 0 turns request lines off; errors are always logged). */
  logSample: number;
  /** Seconds an authority's order has (default 24 h; urgent 4 h): tests shorten them. */
  orderClockSeconds?: { standard: number; urgent: number } | undefined;
}

/** Sessions and sign-in limits for people (see docs/people.md). */
export interface PeopleConfig {
  /** A session unused this long ends, minutes. */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in whatever happens, hours. */
  sessionMaxHours: number;
  /** Failed sign-ins for one login within `lockMinutes` that lock it for `lockMinutes`. */
  loginMaxFailures: number;
  lockMinutes: number;
  /** Failed sign-ins from one address within `lockMinutes` after which it is refused (429) for `lockMinutes`. */
  addressMaxFailures: number;
}

/** How audit checkpoints are signed (see docs/audit.md). */
export interface AuditConfig {
  /** PEM file of the Ed25519 private key checkpoints are signed with; default: `<dataDir>/audit-signing-key.pem`, generated on first use. */
  keyFile?: string | undefined;
  /** PEM files of public keys whose checkpoints are trusted besides the signing key's (keys used before). */
  trustedKeyFiles: string[];
  /** Processes with job workers sign the head this often when it moved, seconds; 0: only on export, on demand and on close. */
  checkpointSeconds: number;
}

/** How images and videos are taken in and analysed (see docs/media.md). */
export interface MediaConfig {
  /** Directories a content item's `media[].path` may point into (none: paths are refused). */
  roots: string[];
  /** Fetch `media[].url` (http/https, public addresses only). Off by default. */
  fetch: boolean;
  /** Largest image or video taken in, bytes. */
  maxBytes: number;
  /** Longest video analysed, seconds. */
  maxSeconds: number;
  /** Media analysis jobs run at once in this process. */
  concurrency: number;
  /** Images and videos hashed at once for `POST /v1/hash` and `/v1/match` in this process (more wait, up to 4× this, then 429). */
  hashConcurrency: number;
  /** Worker threads for the nudity classifier. */
  nudityThreads: number;
  /** Each analysis step (frames, OCR, nudity, speech) gives up after this long, seconds. */
  stepTimeoutSeconds: number;
  /** A sherpa-onnx speech recognition model folder (e.g. Whisper); none: speech is detected, not transcribed. */
  asrModel?: string | undefined;
  /** Language the recogniser is told (Whisper), ISO 639-1. */
  asrLanguage: string;
}

type Env = Record<string, string | undefined>;

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,:]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => resolve(s));
}

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, not ${JSON.stringify(value)}`);
  return n;
}

function logSample(value: string | undefined): number {
  const n = int(value, 1, 'SARING_LOG_SAMPLE');
  if (n > 1) throw new Error(`SARING_LOG_SAMPLE is the share of requests logged, 0 to 1, not ${JSON.stringify(value)}`);
  return n;
}

/** SARING_TRUST_PROXY: off, on (any proxy), or the proxies' addresses/CIDRs (`,` separated; also `loopback`, `uniquelocal`). */
function trustProxy(value: string | undefined): boolean | string {
  const v = (value ?? '').trim();
  if (['', '0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  if (['1', 'true', 'yes', 'on'].includes(v.toLowerCase())) return true;
  return v;
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

/** An absolute data directory; `memory://` (a throw-away database, nothing on disk) stays as it is. */
function dataDirPath(dir: string): string {
  return dir.startsWith('memory://') ? dir : resolve(dir);
}

/** The configuration from environment variables (see the README's table), then `overrides`. */
export function loadConfig(overrides: Partial<SaringConfig> = {}, env: Env = process.env): SaringConfig {
  const base: SaringConfig = {
    dataDir: dataDirPath(env['SARING_DATA'] || './saring-data'),
    databaseUrl: env['DATABASE_URL'] || undefined,
    workers: bool(env['SARING_WORKERS'], true),
    jobPollSeconds: int(env['SARING_JOB_POLL_SECONDS'], 1, 'SARING_JOB_POLL_SECONDS'),
    jobHeartbeatSeconds: Math.max(10, Math.round(int(env['SARING_JOB_HEARTBEAT_SECONDS'], 30, 'SARING_JOB_HEARTBEAT_SECONDS'))),
    jobMonitorSeconds: Math.max(1, int(env['SARING_JOB_MONITOR_SECONDS'], 15, 'SARING_JOB_MONITOR_SECONDS')),
    webhookRetrySeconds: int(env['SARING_WEBHOOK_RETRY_SECONDS'], 5, 'SARING_WEBHOOK_RETRY_SECONDS'),
    webhookConcurrency: Math.max(1, int(env['SARING_WEBHOOK_CONCURRENCY'], 32, 'SARING_WEBHOOK_CONCURRENCY')),
    http: {
      host: env['HOST'] || '127.0.0.1',
      port: int(env['PORT'], 8080, 'PORT'),
      bodyLimitBytes: int(env['SARING_BODY_LIMIT_BYTES'], 1024 * 1024, 'SARING_BODY_LIMIT_BYTES'),
      trustProxy: trustProxy(env['SARING_TRUST_PROXY']),
    },
    people: {
      sessionIdleMinutes: Math.max(1, int(env['SARING_SESSION_IDLE_MINUTES'], 60, 'SARING_SESSION_IDLE_MINUTES')),
      sessionMaxHours: Math.max(1, int(env['SARING_SESSION_MAX_HOURS'], 12, 'SARING_SESSION_MAX_HOURS')),
      loginMaxFailures: Math.max(1, int(env['SARING_LOGIN_MAX_FAILURES'], 5, 'SARING_LOGIN_MAX_FAILURES')),
      lockMinutes: Math.max(1, int(env['SARING_LOGIN_LOCK_MINUTES'], 15, 'SARING_LOGIN_LOCK_MINUTES')),
      addressMaxFailures: Math.max(1, int(env['SARING_LOGIN_ADDRESS_MAX_FAILURES'], 20, 'SARING_LOGIN_ADDRESS_MAX_FAILURES')),
    },
    demo: bool(env['SARING_DEMO'], true),
    media: {
      roots: list(env['SARING_MEDIA_ROOTS']),
      fetch: bool(env['SARING_MEDIA_FETCH'], false),
      maxBytes: int(env['SARING_MEDIA_MAX_BYTES'], 200 * 1024 * 1024, 'SARING_MEDIA_MAX_BYTES'),
      maxSeconds: int(env['SARING_MEDIA_MAX_SECONDS'], 600, 'SARING_MEDIA_MAX_SECONDS'),
      concurrency: Math.max(1, int(env['SARING_MEDIA_CONCURRENCY'], 1, 'SARING_MEDIA_CONCURRENCY')),
      hashConcurrency: Math.max(1, int(env['SARING_HASH_CONCURRENCY'], Math.min(2, availableParallelism()), 'SARING_HASH_CONCURRENCY')),
      nudityThreads: Math.max(1, int(env['SARING_NUDITY_THREADS'], Math.min(2, availableParallelism()), 'SARING_NUDITY_THREADS')),
      stepTimeoutSeconds: int(env['SARING_MEDIA_STEP_TIMEOUT_SECONDS'], 300, 'SARING_MEDIA_STEP_TIMEOUT_SECONDS'),
      asrModel: env['SARING_ASR_MODEL'] ? resolve(env['SARING_ASR_MODEL']) : undefined,
      asrLanguage: env['SARING_ASR_LANGUAGE'] || 'id',
    },
    audit: {
      keyFile: env['SARING_AUDIT_KEY'] ? resolve(env['SARING_AUDIT_KEY']) : undefined,
      trustedKeyFiles: list(env['SARING_AUDIT_TRUSTED_KEYS']),
      checkpointSeconds: int(env['SARING_AUDIT_CHECKPOINT_SECONDS'], 60, 'SARING_AUDIT_CHECKPOINT_SECONDS'),
    },
    logLevel: env['SARING_LOG_LEVEL'] || 'info',
    logSample: logSample(env['SARING_LOG_SAMPLE']),
  };
  return {
    ...base,
    ...overrides,
    dataDir: dataDirPath(overrides.dataDir ?? base.dataDir),
    http: { ...base.http, ...overrides.http },
    people: { ...base.people, ...overrides.people },
    media: { ...base.media, ...overrides.media },
    audit: { ...base.audit, ...overrides.audit },
  };
}
