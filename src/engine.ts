import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authenticate, createUser, issueKey, listUsers, revokeKey, type UsersApi } from './users/users.js';
import { listAudit, verifyAudit, type Actor, type AuditApi } from './audit/log.js';
import type { SaringConfig } from './config/config.js';
import { getContent, listContent, submitContent, type ContentApi } from './content/content.js';
import { contentInputSchema } from './content/schema.js';
import { scanInputSchema } from './scan/schema.js';
import { openStorage, type Db, type Storage } from './db/connect.js';
import { scanConfigGeneration } from './db/generation.js';
import { getDecision, recordDecision, type DecisionsApi } from './decisions/decisions.js';
import { SaringError } from './errors/errors.js';
import { createJobs, type Jobs } from './jobs/jobs.js';
import {
  activateLexiconVersion,
  addLexiconEntries,
  getLexicon,
  lexiconHistory,
  listLexicons,
  removeLexiconEntries,
  saveLexicon,
  setLexiconEnabled,
  type LexiconsApi,
} from './lexicons/store.js';
import { defaultPolicy, parsePolicy } from './policy/document.js';
import { parseInput } from './shared/validate.js';
import { activatePolicyVersion, activePolicy, getPolicyVersion, policyHistory, savePolicy, type PolicyApi } from './policy/store.js';
import { loadScanConfig, writeScanSnapshot, type ScanConfig } from './scan/scan-config.js';
import { scanTexts, type ScanApi } from './scan/scan.js';
import { loadDefaultLexicons } from './signals/text/index.js';
import { addEndpoint, defineWebhookQueue, listDeliveries, listEndpoints, removeEndpoint, WEBHOOK_QUEUE, type WebhooksApi } from './webhooks/webhooks.js';

/** How often a process re-checks whether another process changed policy or lexicons. */
const CONFIG_CHECK_MS = 2_000;

export interface Bootstrap {
  /** Set when this start created the first admin user: shown once. */
  adminKey?: string;
  seededPolicy: boolean;
  seededLexicons: boolean;
}

/**
 * The Saring engine: one object the HTTP server, the CLI and the workers call.
 *
 * @example
 * const saring = await createSaring(loadConfig({ dataDir: './saring-data' }));
 * const verdict = await saring.scan({ text: 'SLOT GACOR maxwin' });
 * await saring.close();
 */
export interface Saring extends ScanApi {
  readonly config: SaringConfig;
  readonly storage: Storage;
  readonly db: Db;
  readonly jobs: Jobs;
  readonly bootstrap: Bootstrap;
  content: ContentApi;
  decisions: DecisionsApi;
  policy: PolicyApi;
  lexicons: LexiconsApi;
  users: UsersApi;
  audit: AuditApi;
  webhooks: WebhooksApi;
  close(): Promise<void>;
}

async function seed(db: Db): Promise<Bootstrap> {
  const boot: Bootstrap = { seededPolicy: false, seededLexicons: false };
  if (!(await activePolicy(db)) && (await policyHistory(db)).length === 0) {
    await savePolicy(db, defaultPolicy(), { actor: 'system', note: 'default policy shipped with Saring' });
    boot.seededPolicy = true;
  }
  if ((await listLexicons(db)).length === 0) {
    for (const lexicon of loadDefaultLexicons()) {
      await saveLexicon(db, lexicon, { actor: 'system', note: 'default lexicon shipped with Saring' });
    }
    boot.seededLexicons = true;
  }
  if ((await listUsers(db)).length === 0) {
    const { apiKey } = await createUser(db, { name: 'admin', role: 'admin' }, 'system');
    boot.adminKey = apiKey;
  }
  return boot;
}

export interface CreateSaringOptions {
  /** Open an existing storage (tests share one) instead of opening `config`'s. */
  storage?: Storage;
  /** What owns the data directory, for the lock file. */
  command?: string;
}

export async function createSaring(config: SaringConfig, options: CreateSaringOptions = {}): Promise<Saring> {
  const storage =
    options.storage ?? (await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: options.command ?? 'saring' }));
  const db = storage.db;
  const jobs = createJobs(storage);
  const embeddedDir = storage.kind === 'pglite' && storage.lock ? config.dataDir : undefined;
  try {
    defineWebhookQueue(jobs, db, { retryDelay: config.webhookRetrySeconds });
    const bootstrap = await seed(db);
    if (bootstrap.adminKey && embeddedDir) {
      writeFileSync(join(embeddedDir, 'initial-admin-key.txt'), `${bootstrap.adminKey}\n`, { mode: 0o600 });
    }
    await jobs.start({ work: config.workers, pollingIntervalSeconds: config.jobPollSeconds });

    let cached: ScanConfig | undefined;
    let checkedAt = 0;
    const scanConfig = async (): Promise<ScanConfig> => {
      if (cached && Date.now() - checkedAt < CONFIG_CHECK_MS) return cached;
      const generation = await scanConfigGeneration(db);
      checkedAt = Date.now();
      if (!cached || cached.generation !== generation) {
        cached = await loadScanConfig(db);
        if (embeddedDir) writeScanSnapshot(embeddedDir, cached);
      }
      return cached;
    };
    /** Wraps a change to policy or lexicons so this process sees it at once. */
    const changes = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
      const result = await fn(...args);
      checkedAt = 0;
      await scanConfig();
      return result;
    };
    await scanConfig();

    const saring: Saring = {
      config,
      storage,
      db,
      jobs,
      bootstrap,
      scanConfig,
      async scan(input) {
        const valid = parseInput(scanInputSchema, input);
        const texts = { ...(valid.texts ?? {}), ...(valid.text !== undefined ? { text: valid.text } : {}) };
        return scanTexts(await scanConfig(), { texts, audience: valid.audience });
      },
      content: {
        async submit(input, actor) {
          const valid = parseInput(contentInputSchema, input);
          const cfg = await scanConfig();
          return submitContent(db, jobs, valid, (c) => scanTexts(cfg, { texts: c.texts, audience: c.audience }), actor);
        },
        get: (id) => getContent(db, id),
        list: (options) => listContent(db, options),
      },
      decisions: {
        async decide(contentId, input, principal) {
          const content = await getContent(db, contentId);
          const reason = input.reason.trim();
          if (!reason) throw new SaringError('validation_failed', 'A moderator decision needs a reason.');
          const category = input.category ?? null;
          const lastScan = content.scans.at(-1);
          const evidence = category ? (lastScan?.verdict.categories.find((c) => c.category === category)?.evidence ?? []) : [];
          return recordDecision(
            db,
            jobs,
            {
              contentId: content.id,
              scanId: lastScan?.id ?? null,
              actorType: 'moderator',
              actorId: principal.user.id,
              action: input.action,
              category,
              evidence,
              automatedDetection: evidence.length > 0,
              reason,
            },
            principal.actor,
          );
        },
        get: (id) => getDecision(db, id),
      },
      policy: {
        validate: (source) => parsePolicy(source),
        activate: changes((source: string, actor: Actor, note?: string) =>
          savePolicy(db, parsePolicy(source), { actor, ...(note ? { note } : {}) }),
        ),
        activateVersion: changes((version: number, actor: Actor) => activatePolicyVersion(db, version, actor)),
        active: () => activePolicy(db),
        get: (version) => getPolicyVersion(db, version),
        history: () => policyHistory(db),
      },
      lexicons: {
        list: () => listLexicons(db),
        get: (name, version) => getLexicon(db, name, version),
        save: changes((lexicon: unknown, actor: Actor, note?: string) => saveLexicon(db, lexicon, { actor, ...(note ? { note } : {}) })),
        addEntries: changes((name: string, entries: unknown[], actor: Actor, note?: string) =>
          addLexiconEntries(db, name, entries, { actor, ...(note ? { note } : {}) }),
        ),
        removeEntries: changes((name: string, terms: string[], actor: Actor, note?: string) =>
          removeLexiconEntries(db, name, terms, { actor, ...(note ? { note } : {}) }),
        ),
        activateVersion: changes((name: string, version: number, actor: Actor) => activateLexiconVersion(db, name, version, actor)),
        setEnabled: changes((name: string, enabled: boolean, actor: Actor) => setLexiconEnabled(db, name, enabled, actor)),
        history: (name) => lexiconHistory(db, name),
      },
      users: {
        create: (input, actor) => createUser(db, input, actor),
        list: () => listUsers(db),
        authenticate: (key) => authenticate(db, key),
        issueKey: (userId, actor) => db.transaction().execute((trx) => issueKey(trx, userId, actor)),
        revokeKey: (prefix, actor) => revokeKey(db, prefix, actor),
      },
      audit: {
        list: (query) => listAudit(db, query),
        verify: () => verifyAudit(db),
      },
      webhooks: {
        add: (input, actor) => addEndpoint(db, input, actor),
        list: () => listEndpoints(db),
        remove: (id, actor) => removeEndpoint(db, id, actor),
        deliveries: (options) => listDeliveries(db, options),
        drain: (timeoutMs) => jobs.drain([WEBHOOK_QUEUE], timeoutMs),
      },
      async close() {
        await jobs.stop();
        if (!options.storage) await storage.close();
      },
    };
    return saring;
  } catch (err) {
    await jobs.stop().catch(() => {});
    if (!options.storage) await storage.close().catch(() => {});
    throw err;
  }
}
