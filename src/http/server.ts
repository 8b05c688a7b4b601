import { accessRoutes } from '../access/routes.js';
import { auditRoutes } from '../audit/routes.js';
import { contentRoutes } from '../content/routes.js';
import { decisionRoutes } from '../decisions/routes.js';
import type { Saring } from '../engine.js';
import { lexiconRoutes } from '../lexicons/routes.js';
import { policyRoutes } from '../policy/routes.js';
import { scanRoutes } from '../scan/routes.js';
import { webhookRoutes } from '../webhooks/routes.js';
import { buildApp, type App } from './app.js';

/** Every capability's routes, in the order the API docs list them. */
export const ALL_ROUTES = [scanRoutes, contentRoutes, decisionRoutes, policyRoutes, lexiconRoutes, auditRoutes, webhookRoutes, accessRoutes];

export function createServer(saring: Saring, options: { logger?: boolean | { level: string } } = {}): Promise<App> {
  return buildApp(saring, { routes: ALL_ROUTES, ...options });
}
