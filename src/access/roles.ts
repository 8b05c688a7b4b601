/** Roles of the people who operate Saring, and what each may do. The one place permissions live. */
export const ROLES = ['admin', 'moderator', 'senior_moderator', 'regulator', 'partner', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'scan', // run scans, submit content
  'content:read',
  'decide', // record a moderator decision
  'decide:severe', // decisions in the most severe categories (second pair of eyes)
  'review:read', // review queues and cases (working them needs decide)
  'review:metrics', // review metrics: queues, moderators' output, automated share, appeals
  'reports:submit', // file a public report (the platform, on behalf of a user or for its public form)
  'appeals:submit', // file an appeal against a decision (the platform, for its user)
  'reporters:manage', // mark or clear a reporter's bad faith
  'policy:read',
  'policy:write',
  'lexicon:read',
  'lexicon:write',
  'audit:read',
  'banks:read', // banks and their settings and counts
  'banks:write',
  'banks:export', // every hash of a bank (entries, CSV export): shared lists often may not be passed on
  'users:manage',
  'webhooks:manage',
  'settings:manage', // the organisation's defaults (e.g. the console's media blur, greyscale, autoplay)
  'transparency:read', // statements of reasons in the DSA Transparency Database format, and their exports
  'orders:submit', // send an authority's takedown order (regulator officers: as their organisation)
  'orders:read', // authorities' orders (regulator officers: only their organisation's)
  'orders:verify', // the current state of content (regulator officers: only what their organisation's orders target)
  'orders:answer', // file a clarification (objection, sanggah) of an order's target: the platform's senior people
  'orders:warnings', // record the regulator's warning letters (ST1–ST3), the ST2 commitment letter and fines: the platform's admins
  // Youth safety (youth/, docs/youth.md). Age data is personal data about children: few roles read it.
  'age:write', // send accounts' declared ages, dates of birth and age-assurance outcomes (the platform's integration)
  'age:read', // accounts' age records, their events and parental consents
  'age:decide', // decide age reviews: corrections of a wrong age, underage signals
  'eligibility:read', // what an account may do and see: eligibility and the audience filter (the platform's feeds)
  'youth:deactivation', // plan and run the under-16 deactivation programme
  'youth:deactivation-summary', // the programme's counts per phase (figures only, no account): regulators and auditors too
  'youth:risk', // the PP Tunas risk self-assessment: record and export it
  'programme:read', // the educational programme's catalogue and report
  'programme:nominate', // nominate content for the catalogue (partners: as their organisation)
  'programme:approve', // approve or reject nominations (partners: another organisation's where two are required)
  'children:report', // report harm to children (partners): top priority in review
  // Backlog and operations (import/, sweep/, operations/, docs/scaling.md).
  'content:import', // bulk import of the platform's existing content (`saring import`, POST /v1/content/batch)
  'sweeps:read', // sweeps (re-scans of stored content) and their reports: the proof of cleaning
  'sweeps:run', // start, pause, resume and cancel sweeps, backtests included
  'jobs:manage', // the job queues: depths, the dead-letter list, re-driving failed jobs
  'metrics:read', // Prometheus metrics at /metrics (give a Prometheus its own key with this)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  senior_moderator: ['scan', 'content:read', 'decide', 'decide:severe', 'review:read', 'review:metrics', 'reports:submit', 'appeals:submit', 'reporters:manage', 'policy:read', 'lexicon:read', 'lexicon:write', 'audit:read', 'banks:read', 'banks:write', 'orders:read', 'orders:answer', 'age:read', 'age:decide', 'eligibility:read', 'programme:read'],
  moderator: ['scan', 'content:read', 'decide', 'review:read', 'reports:submit', 'appeals:submit', 'policy:read', 'lexicon:read', 'banks:read', 'orders:read', 'eligibility:read', 'programme:read'],
  // Regulators and partners see none of the platform's content: regulator officers see their own
  // organisation's orders and the state of what those target (regulator/); partners, the educational
  // catalogue (youth/programme/).
  regulator: ['policy:read', 'orders:submit', 'orders:read', 'orders:verify', 'youth:deactivation-summary'],
  // Partners (KPAI, KemenPPPA, NGOs, schools) curate the educational catalogue as their organisation.
  partner: ['programme:read', 'programme:nominate', 'programme:approve', 'children:report'],
  auditor: ['content:read', 'review:read', 'review:metrics', 'policy:read', 'lexicon:read', 'audit:read', 'banks:read', 'transparency:read', 'orders:read', 'programme:read', 'youth:deactivation-summary', 'sweeps:read', 'metrics:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
