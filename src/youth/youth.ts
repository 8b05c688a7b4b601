import type { EngineCore } from '../core.js';
import { createAge, type AgeApi } from './age/age.js';
import { createAudience, type AudienceApi } from './audience/audience.js';
import { createDeactivation, type DeactivationApi } from './deactivation/deactivation.js';
import { createProgramme, type ProgrammeApi } from './programme/programme.js';
import { createRisk, type RiskApi } from './risk/risk.js';

/**
 * Youth safety (docs/youth.md): the law's minimum age and age bands (PP 17/2025 "PP Tunas"), the
 * under-16 deactivation programme (Permenkomdigi 9/2026), audience gating and the educational
 * programme curated with child-protection partners. Each part lives in its own folder under
 * youth/ and is composed here, so the engine gains one member.
 */
export interface YouthApi {
  /** Accounts' ages, assurance, eligibility, age reviews and parental consents (youth/age/); other parts register on `age.hooks`. */
  age: AgeApi;
  /** The under-16 deactivation programme (youth/deactivation/). */
  deactivation: DeactivationApi;
  /** The PP Tunas risk self-assessment (youth/risk/). */
  risk: RiskApi;
  /** The educational programme curated with child-protection partners (youth/programme/). */
  programme: ProgrammeApi;
  /** Audience gating: which content an account may see (youth/audience/). */
  audience: AudienceApi;
}

export function createYouth(core: EngineCore): YouthApi {
  // First: the other parts read ages and register on age.hooks.
  const age = createAge(core);
  return {
    age,
    deactivation: createDeactivation(core, age),
    risk: createRisk(core.db),
    programme: createProgramme(core, age),
    audience: createAudience(core),
  };
}
