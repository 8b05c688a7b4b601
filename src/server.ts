import { auditRoutes } from './audit/routes.js';
import { bankRoutes } from './banks/routes.js';
import { consoleRoutes } from './console/routes.js';
import { contentRoutes } from './content/routes.js';
import { decisionRoutes } from './decisions/routes.js';
import type { Saring } from './engine.js';
import { buildApp, type App, type AppOptions } from './http/app.js';
import { httpMetrics } from './operations/metrics.js';
import { lexiconRoutes } from './lexicons/routes.js';
import { mediaRoutes } from './media/routes.js';
import { modelRoutes } from './models/routes.js';
import { policyRoutes } from './policy/routes.js';
import { reviewRoutes } from './review/routes.js';
import { reportRoutes } from './reports/routes.js';
import { appealRoutes } from './appeals/routes.js';
import { strikeRoutes } from './strikes/routes.js';
import { regulatorRoutes } from './regulator/routes.js';
import { complianceRoutes } from './regulator/compliance-routes.js';
import { orderImportRoutes } from './regulator/import-routes.js';
import { screenshotRoutes } from './regulator/screenshot-routes.js';
import { transparencyRoutes } from './transparency/routes.js';
import { youthRoutes } from './youth/routes.js';
import { importRoutes } from './import/routes.js';
import { sweepRoutes } from './sweep/routes.js';
import { scanRoutes } from './scan/routes.js';
import { userRoutes } from './users/routes.js';
import { webhookRoutes } from './webhooks/routes.js';
import { operationsRoutes } from './operations/routes.js';

/**
 * The HTTP door: the shared plumbing of `http/` with every capability's routes, over one engine.
 * It does not listen; `saring serve` does, tests use `inject()`.
 */
export function createServer(saring: Saring, options: Pick<AppOptions, 'logger'> = {}): Promise<App> {
  return buildApp({
    ...options,
    auth: saring,
    trustProxy: saring.config.http.trustProxy,
    bodyLimitBytes: saring.config.http.bodyLimitBytes,
    logSample: saring.config.logSample,
    health: () => ({ database: saring.storage.kind }),
    observe: httpMetrics(saring.metrics).observe,
    async routes(app) {
      for (const routes of [scanRoutes, contentRoutes, importRoutes, mediaRoutes, decisionRoutes, bankRoutes, policyRoutes, lexiconRoutes, modelRoutes, auditRoutes, webhookRoutes, userRoutes, reviewRoutes, reportRoutes, appealRoutes, strikeRoutes, regulatorRoutes, orderImportRoutes, screenshotRoutes, complianceRoutes, transparencyRoutes, youthRoutes, operationsRoutes, sweepRoutes, consoleRoutes]) {
        await routes(app, saring);
      }
    },
  });
}
