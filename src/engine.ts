import { Registry } from 'prom-client';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addEntries,
  createBank,
  deleteEntry,
  getBank,
  listBanks,
  listEntries,
  setEntryEnabled,
  updateBank,
} from './banks/banks.js';
import type { BanksApi } from './banks/api.js';
import { formatHashCsv, parseHashCsv, vpdqFileToEntry } from './banks/exchange.js';
import { BankMatcher } from './banks/matcher.js';
import { defineRetroQueue, RETRO_QUEUE } from './banks/retro.js';
import { createReview, type ReviewApi } from './review/review.js';
import { createReports, type ReportsApi } from './reports/reports.js';
import { createAppeals, type AppealsApi } from './appeals/appeals.js';
import { createStrikes, type StrikesApi } from './strikes/strikes.js';
import { createTransparency, type TransparencyApi } from './transparency/transparency.js';
import { createYouth, type YouthApi } from './youth/youth.js';
import { createSweeps, type SweepsApi } from './sweep/sweeps.js';
import { createImports, type ImportsApi } from './import/imports.js';
import { createRegulator, type RegulatorApi } from './regulator/regulator.js';
import { createCompliance, type ComplianceApi } from './regulator/compliance.js';
import { createUser, createUsers, listUsers, type UsersApi } from './users/users.js';
import type { Actor } from './audit/log.js';
import { createAuditService, type AuditApi } from './audit/api.js';
import type { SaringConfig } from './config/config.js';
import { applyVerdict, contentBankMatches, getContent, getContentVersion, listContent, mediaToAnalyse, type ContentApi } from './content/content.js';
import { createContentWriter } from './content/batch.js';
import { cancelAnalysis, defineMediaQueue, MEDIA_QUEUE } from './content/analysis.js';
import { analyseOptions } from './media/analyse.js';
import { engineOptions } from './media/engines.js';
import { AnalysisThreads } from './media/analysis-threads.js';
import type { MediaApi } from './media/api.js';
import { localMediaFile, removeUpload, stageStream, storeUpload, type IntakeOptions } from './media/intake.js';
import { readHead } from './signals/hash/media-file.js';
import { hashMedia, mediaMimeType } from './signals/hash/media.js';
import { Limiter } from './shared/limiter.js';
import { thumbnailFile } from './media/thumbnails.js';
import { contentInputSchema } from './content/schema.js';
import { scanInputSchema } from './scan/schema.js';
import { openStorage, type Db, type Storage } from './db/connect.js';
import { scanConfigGeneration } from './db/generation.js';
import { getDecision, moderatorDecision, type DecisionsApi } from './decisions/decisions.js';
import { createEffects, type Effects } from './decisions/effects.js';
import type { EngineCore } from './core.js';
import { SaringError } from './errors/errors.js';
import { createJobs, type Jobs } from './jobs/jobs.js';
import { createOperations, type OperationsApi } from './operations/operations.js';
import { observeScan, timeScan } from './operations/metrics.js';
import {
  activateLexiconVersion,
  addLexiconEntries,
  getLexicon,
  lexiconHistory,
  listLexicons,
  removeLexiconEntries,
  saveLexicon,
  setLexiconEnabled,
  shippedLexiconChanges,
  type LexiconsApi,
} from './lexicons/store.js';
import { defineTrainingQueue, evaluateRows, labelledRowsSchema, TRAIN_QUEUE, trainRequestSchema } from './models/training.js';
import { activateModel, listModels, registerModel, shippedModels, type ModelsApi } from './models/registry.js';
import { defaultPolicy, parsePolicy } from './policy/document.js';
import { parseInput } from './shared/validate.js';
import type { Audience } from './policy/schema.js';
import { activatePolicyVersion, activePolicy, getPolicyVersion, policyHistory, savePolicy, type PolicyApi } from './policy/store.js';
import { loadScanConfig, writeScanSnapshot, type ScanConfig } from './scan/scan-config.js';
import { scanTexts, type ScanApi } from './scan/scan.js';
import { initLanguageId } from './signals/text/language.js';
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
  /** The job queue and the capabilities' hooks that decisions and reviews set off (see decisions/effects.ts). */
  readonly effects: Effects;
  readonly bootstrap: Bootstrap;
  /** This engine's Prometheus registry (`/metrics`). */
  readonly metrics: Registry;
  content: ContentApi;
  media: MediaApi;
  banks: BanksApi;
  models: ModelsApi;
  decisions: DecisionsApi;
  policy: PolicyApi;
  lexicons: LexiconsApi;
  users: UsersApi;
  audit: AuditApi;
  webhooks: WebhooksApi;
  review: ReviewApi;
  reports: ReportsApi;
  appeals: AppealsApi;
  strikes: StrikesApi;
  regulator: RegulatorApi;
  /** The regulator's signed compliance reports and their keys. */
  compliance: ComplianceApi;
  transparency: TransparencyApi;
  /** Age records and eligibility, the under-16 deactivation programme, audience gating and the educational programme. */
  youth: YouthApi;
  /** Bulk import: `saring import FILE` (resumable, streamed) and `POST /v1/content/batch`. */
  imports: ImportsApi;
  /** Readiness, Prometheus metrics and the job queues with their dead-letter list (docs/operations.md). */
  operations: OperationsApi;
  /** Sweeps: stored content re-scanned in bulk, as a backtest or applied (docs/sweep.md). */
  sweeps: SweepsApi;
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
  if ((await listModels(db)).length === 0) {
    for (const { name, dir } of shippedModels()) {
      await registerModel(db, name, dir, { actor: 'system', note: 'shipped with Saring', source: `saring:models/${name}` });
    }
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
  /**
   * Load the bank matcher, language identification and scan configuration now (default), so the
   * first request does not wait for them; a one-shot command (the CLI) passes false and each loads
   * on first use.
   */
  warm?: boolean;
}

export async function createSaring(config: SaringConfig, options: CreateSaringOptions = {}): Promise<Saring> {
  const storage =
    options.storage ?? (await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, command: options.command ?? 'saring' }));
  const db = storage.db;
  const jobs = createJobs(storage, { monitorIntervalSeconds: config.jobMonitorSeconds, registerInstance: config.workers && storage.kind === 'postgres' });
  const warm = options.warm ?? true;
  const fx = createEffects(jobs);
  // Submissions arriving together are stored in one transaction (src/content/batch.ts).
  const contentWriter = createContentWriter(storage.db, fx);
  const embeddedDir = storage.kind === 'pglite' && storage.lock ? config.dataDir : undefined;
  let scratch: string | undefined;
  let freshness: NodeJS.Timeout | undefined;
  try {
    defineWebhookQueue(jobs, db, { retryDelay: config.webhookRetrySeconds, concurrency: config.webhookConcurrency });
    defineTrainingQueue(jobs, db);
    const matcher = new BankMatcher(db);
    let matcherCheckedAt = 0;
    /** The bank matcher, up to date within CONFIG_CHECK_MS (at once after this process's changes). */
    let timerRefresh: Promise<unknown> | undefined;
    const currentMatcher = async (force = false): Promise<BankMatcher> => {
      // A forced refresh must see this process's change: not join the timer's, begun before it.
      if (force && timerRefresh) await timerRefresh.catch(() => {});
      if (force || Date.now() - matcherCheckedAt >= CONFIG_CHECK_MS) {
        await matcher.refresh();
        matcherCheckedAt = Date.now();
      }
      return matcher;
    };
    let cached: ScanConfig | undefined;
    let checkedAt = 0;
    const checkScanConfig = async (): Promise<ScanConfig> => {
      const generation = await scanConfigGeneration(db);
      checkedAt = Date.now();
      if (!cached || cached.generation !== generation) {
        if (!cached) await initLanguageId();
        const loaded = await loadScanConfig(db);
        // Two checks at once (the timer's and a change's): the newer generation stays.
        if (!cached || loaded.generation >= cached.generation) cached = loaded;
        if (embeddedDir) writeScanSnapshot(embeddedDir, cached);
      }
      return cached;
    };
    const scanConfig = async (): Promise<ScanConfig> => (cached && Date.now() - checkedAt < CONFIG_CHECK_MS ? cached : checkScanConfig());
    // A warm engine (a server) keeps both current from a timer, so a scan or a match finds them
    // fresh and does not wait on the database; a request still checks if the timer fell behind.
    let keepingFresh = false;
    freshness = warm
      ? setInterval(() => {
          if (keepingFresh) return;
          keepingFresh = true;
          void (async () => {
            if (cached) await checkScanConfig();
            await (timerRefresh = matcher.refresh().then(() => (matcherCheckedAt = Date.now())));
          })()
            .catch(() => {})
            .finally(() => {
              keepingFresh = false;
              timerRefresh = undefined;
            });
        }, CONFIG_CHECK_MS / 2).unref()
      : undefined;
    /** Wraps a change to policy or lexicons so this process sees it at once. */
    const changes = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
      const result = await fn(...args);
      checkedAt = 0;
      await scanConfig();
      return result;
    };
    const metrics = new Registry();
    const core: EngineCore = { config, db, jobs, effects: fx, scanConfig, removed: async () => void (await currentMatcher(true)), matcher: currentMatcher, metrics };
    const review = createReview(core);
    defineRetroQueue(jobs, db, async (contentId, matches) => {
      const cfg = await scanConfig();
      await db.transaction().execute(async (trx) => {
        const item = await getContent(trx, contentId);
        if (item.status === 'removed') return;
        const verdict = scanTexts(cfg, { texts: item.texts, audience: item.audience as Audience, bankMatches: matches });
        await applyVerdict(trx, fx, contentId, verdict, 'system:retro-match');
      });
    });
    const mediaConfig = config.media;
    // Analyses run in worker threads (their own models), so serving HTTP is not held up.
    const threads = new AnalysisThreads(mediaConfig.concurrency, engineOptions(mediaConfig));
    // Uploads and thumbnails are files: a throw-away database (`memory://`) keeps them in a temp
    // directory of its own, removed on close.
    const mediaHome = config.dataDir.startsWith('memory://') ? (scratch = mkdtempSync(join(tmpdir(), 'saring-scratch-'))) : config.dataDir;
    const thumbnailDir = join(mediaHome, 'media', 'thumbnails');
    const intake: IntakeOptions = {
      dataDir: mediaHome,
      mediaRoots: mediaConfig.roots,
      maxBytes: mediaConfig.maxBytes,
      fetch: { enabled: mediaConfig.fetch, maxBytes: mediaConfig.maxBytes },
      limits: { maxDurationSeconds: mediaConfig.maxSeconds },
    };
    const hashing = new Limiter(mediaConfig.hashConcurrency, mediaConfig.hashConcurrency * 4, 'Media hashing');
    const analysis = analyseOptions(mediaConfig, thumbnailDir);
    defineMediaQueue(
      {
        db,
        fx,
        intake,
        analyse: (path, options, signal) => threads.analyse(path, options, signal),
        analyseOptions: analysis,
        bankMatches: async (input) => contentBankMatches(await currentMatcher(), input),
        scan: async (input) => scanTexts(await scanConfig(), input),
        onRemoved: core.removed,
      },
      { concurrency: mediaConfig.concurrency, stepTimeoutSeconds: mediaConfig.stepTimeoutSeconds, heartbeatSeconds: config.jobHeartbeatSeconds },
    );
    /** A stored media file to serve, with its type read from its first bytes. */
    const servedFile = async (source: Parameters<typeof localMediaFile>[1]) => {
      const file = await localMediaFile(intake, source);
      return { ...file, mimeType: mediaMimeType(await readHead(file.path, 64)) };
    };
    // After review: its decided hook closes the cases whose reports and appeals these answer.
    const reports = createReports(core, {
      submitContent: (input, actor) => saring.content.submit(input, actor),
      uploadFile: (upload) => servedFile({ upload }),
    });
    const appeals = createAppeals(core);
    const strikes = createStrikes(core);
    const regulator = createRegulator(core, { uploadFile: (upload) => servedFile({ upload }) });
    const compliance = createCompliance(core);
    const youth = createYouth(core);
    const sweeps = createSweeps(core);
    const imports = createImports(core, { fetchUrls: mediaConfig.fetch, checkMediaPath: async (path) => void (await localMediaFile(intake, { path })) });
    const operations = createOperations(core);
    const bootstrap = await seed(db);
    if (bootstrap.adminKey && embeddedDir) {
      writeFileSync(join(embeddedDir, 'initial-admin-key.txt'), `${bootstrap.adminKey}\n`, { mode: 0o600 });
    }
    await jobs.start({ work: config.workers, pollingIntervalSeconds: config.jobPollSeconds });

    if (warm) await currentMatcher(true);
    if (warm) await scanConfig();

    // The senior-only rule lives in moderatorDecision, under the content's row lock.
    const decide: DecisionsApi['decide'] = async (contentId, input, principal) =>
      moderatorDecision(db, fx, (await getContent(db, contentId)).id, input, principal);

    // Created last: nothing after it can fail and leave its timer running.
    const audit = createAuditService(db, { dataDir: config.dataDir, ...config.audit, checkpointSeconds: config.workers ? config.audit.checkpointSeconds : 0 });
    audit.start();
    const saring: Saring = {
      config,
      storage,
      db,
      jobs,
      effects: fx,
      bootstrap,
      metrics,
      scanConfig,
      async scan(input) {
        const valid = parseInput(scanInputSchema, input);
        const texts = { ...(valid.texts ?? {}), ...(valid.text !== undefined ? { text: valid.text } : {}) };
        return timeScan(metrics, 'texts', 'scan', async () => scanTexts(await scanConfig(), { texts, audience: valid.audience }));
      },
      content: {
        async submit(input, actor) {
          const valid = parseInput(contentInputSchema, input);
          const started = process.hrtime.bigint();
          const cfg = await scanConfig();
          const bankMatches = await contentBankMatches(await currentMatcher(), valid);
          const analyse = mediaToAnalyse(valid, mediaConfig.fetch).length > 0 ? { analyse: { queue: MEDIA_QUEUE } } : {};
          const result = await contentWriter.submit(valid, (c) => scanTexts(cfg, { texts: c.texts, audience: c.audience, bankMatches }), actor, analyse);
          if (result.content.status === 'removed') await currentMatcher(true);
          observeScan(metrics, valid.kind, 'content', Number(process.hrtime.bigint() - started) / 1e9);
          return result;
        },
        get: (id) => getContent(db, id),
        version: (id, version) => getContentVersion(db, id, version),
        list: (options) => listContent(db, options),
        cancelAnalysis: (id, actor) => cancelAnalysis(db, id, actor),
        drainAnalyses: (timeoutMs) => jobs.drain([MEDIA_QUEUE], timeoutMs),
      },
      media: {
        upload: (body) => storeUpload(intake, body),
        removeUpload: (upload) => removeUpload(intake, upload),
        hash: (body, options = {}) =>
          hashing.run(async () => {
            const staged = await stageStream(intake, body);
            try {
              return await hashMedia({ path: staged.path }, { ...options, limits: { maxBytes: mediaConfig.maxBytes, maxDurationSeconds: mediaConfig.maxSeconds } });
            } finally {
              await staged.release();
            }
          }),
        file: async (id, index) => {
          const item = await getContent(db, id);
          const media = item.media[index] as { upload?: string; path?: string; url?: string } | undefined;
          if (!media) throw new SaringError('not_found', `Content ${id} has no media ${index}.`);
          return servedFile(media.upload ? { upload: media.upload } : media.path ? { path: media.path } : { url: media.url ?? '' });
        },
        thumbnail: (sha256, name) => thumbnailFile(thumbnailDir, sha256, name),
        close: () => threads.close(),
      },
      banks: {
        list: () => listBanks(db),
        get: (name) => getBank(db, name),
        create: (input, actor) => createBank(db, input, actor),
        update: async (name, input, actor) => {
          const bank = await updateBank(db, name, input, actor);
          await currentMatcher(true);
          return bank;
        },
        addEntries: async (name, entries, actor, provenance = 'manual', sourceRef) => {
          const result = await db.transaction().execute(async (trx) => {
            const r = await addEntries(trx, name, entries, { provenance, sourceRef: sourceRef ?? null, actor });
            if (r.added.length) await jobs.send(RETRO_QUEUE, { entryIds: r.added.map((e) => e.id) }, { trx });
            return r;
          });
          await currentMatcher(true);
          return result;
        },
        entries: (name, options) => listEntries(db, name, options),
        setEntryEnabled: async (name, id, enabled, actor) => {
          await setEntryEnabled(db, name, id, enabled, actor);
          await currentMatcher(true);
        },
        deleteEntry: async (name, id, actor) => {
          await deleteEntry(db, name, id, actor);
          await currentMatcher(true);
        },
        importCsv: async (name, csv, actor, options = {}) =>
          saring.banks.addEntries(name, parseHashCsv(csv, options.category), actor, options.provenance ?? 'import', options.sourceRef),
        importVpdq: async (name, text, actor, options = {}) => saring.banks.addEntries(name, [vpdqFileToEntry(text, options)], actor, 'import', options.id),
        exportCsv: async (name) => {
          const all = [];
          for (let afterId = 0; ; ) {
            const page = await listEntries(db, name, { afterId, limit: 10_000 });
            if (page.length === 0) break;
            all.push(...page);
            afterId = page.at(-1)!.id;
          }
          return formatHashCsv(all, (await getBank(db, name)).category);
        },
        match: async (hashes) => (await currentMatcher()).matchMedia(hashes),
      },
      models: {
        list: (name) => listModels(db, name),
        register: changes((name: string, dir: string, actor: Actor, options?: { note?: string; activate?: boolean }) =>
          registerModel(db, name, dir, { actor, ...options }),
        ),
        activate: changes((name: string, version: number, actor: Actor) => activateModel(db, name, version, actor)),
        train: async (name, request, actor) => {
          if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(name)) throw new SaringError('validation_failed', 'A model name is lower-case letters, digits, - and _.');
          const valid = parseInput(trainRequestSchema, request);
          return { jobId: await jobs.send(TRAIN_QUEUE, { name, request: valid, actor }) };
        },
        evaluate: async (name, rows) => {
          const loaded = (await scanConfig()).models.get(name);
          if (!loaded) throw new SaringError('not_found', `Model ${name} has no active version.`);
          return evaluateRows(loaded.model, parseInput(labelledRowsSchema, rows));
        },
        predict: async (name, texts) => {
          const loaded = (await scanConfig()).models.get(name);
          if (!loaded) throw new SaringError('not_found', `Model ${name} has no active version.`);
          return { model: loaded.name, version: loaded.version, predictions: texts.map((t) => loaded.model.predict(t, { explain: true })) };
        },
      },
      decisions: {
        async decide(contentId, input, principal) {
          const decided = await decide(contentId, input, principal);
          // A removal banks the media's hashes; a decision lifting one releases them.
          await currentMatcher(true);
          return decided;
        },
        get: (id) => getDecision(db, id),
      },
      policy: {
        validate: (source) => parsePolicy(source),
        activate: changes(async (source: string, actor: Actor, note?: string) => {
          const parsed = parsePolicy(source);
          const active = new Set((await listModels(db)).filter((m) => m.active).map((m) => m.name));
          const missing = Object.values(parsed.document.categories).flatMap((c) =>
            (c?.sources ?? []).flatMap((src) => (src !== 'lexicon' && 'model' in src && !active.has(src.model) ? [src.model] : [])),
          );
          if (missing.length) throw new SaringError('invalid_policy', `The policy names models that have no active version: ${[...new Set(missing)].join(', ')}.`);
          return savePolicy(db, parsed, { actor, ...(note ? { note } : {}) });
        }),
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
        shippedChanges: () => shippedLexiconChanges(db),
      },
      users: createUsers(core),
      audit,
      review,
      reports,
      appeals,
      strikes,
      regulator,
      compliance,
      transparency: createTransparency(core),
      youth,
      imports,
      operations,
      sweeps,
      webhooks: {
        add: (input, actor) => addEndpoint(db, input, actor),
        list: () => listEndpoints(db),
        remove: (id, actor) => removeEndpoint(db, id, actor),
        deliveries: (options) => listDeliveries(db, options),
        drain: (timeoutMs) => jobs.drain([WEBHOOK_QUEUE], timeoutMs),
      },
      async close() {
        clearInterval(freshness);
        await saring.users.close();
        await jobs.stop();
        await sweeps.close();
        await audit.close();
        await threads.close();
        if (!options.storage) await storage.close();
        if (scratch) rmSync(scratch, { recursive: true, force: true });
      },
    };
    return saring;
  } catch (err) {
    clearInterval(freshness);
    await jobs.stop().catch(() => {});
    if (!options.storage) await storage.close().catch(() => {});
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    throw err;
  }
}
