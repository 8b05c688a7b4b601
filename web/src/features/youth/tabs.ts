/** The parts of the Youth section, each a page of its own folder, shown to whom its permission grants. */
export const YOUTH_TABS = [
  { path: 'age', permission: 'age:read' },
  { path: 'deactivation', permission: 'youth:deactivation' },
  { path: 'risk', permission: 'youth:risk' },
] as const;
