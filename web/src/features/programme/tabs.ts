/** The partner portal's pages (/programme/<path>), shown to whom their permission grants. */
export const PROGRAMME_TABS = [
  { path: 'catalogue', permission: 'programme:read' },
  { path: 'nominate', permission: 'programme:nominate' },
  { path: 'approvals', permission: 'programme:approve' },
  { path: 'nominations', permission: 'programme:read' },
  { path: 'left', permission: 'programme:read' },
  { path: 'harm', permission: 'children:report' },
  { path: 'report', permission: 'programme:read' },
] as const;
