import type { Routes } from '../http/app.js';
import { ageRoutes } from './age/routes.js';
import { audienceRoutes } from './audience/routes.js';
import { deactivationRoutes } from './deactivation/routes.js';
import { programmeRoutes } from './programme/routes.js';
import { riskRoutes } from './risk/routes.js';
import type { YouthApi } from './youth.js';

/** The youth capability's routes: each part's route list, over one `youth` engine member. */
export const youthRoutes: Routes<{ youth: YouthApi }> = async (app, saring) => {
  for (const routes of [ageRoutes, deactivationRoutes, riskRoutes, programmeRoutes, audienceRoutes] as Routes<{ youth: YouthApi }>[]) await routes(app, saring);
};
