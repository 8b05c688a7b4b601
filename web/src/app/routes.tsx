import { createBrowserRouter } from 'react-router';
import { HomeRedirect } from './HomeRedirect';
import { PageLoader } from './PageLoader';
import { RequireSession } from './RequireSession';
import { Shell } from './Shell';

/**
 * The console's pages. Each feature (web/src/features/<name>/) owns its pages, loaded when first
 * visited; the shell around them (navigation, language, the person) is shared. A new capability's
 * pages are one entry here and one in the navigation (Shell).
 */
export const router = createBrowserRouter(
  [
    { path: '/sign-in', HydrateFallback: PageLoader, lazy: async () => ({ Component: (await import('../features/session/SignInPage')).SignInPage }) },
    { path: '/invite', HydrateFallback: PageLoader, lazy: async () => ({ Component: (await import('../features/session/InvitePage')).InvitePage }) },
    {
      HydrateFallback: PageLoader,
      element: (
        <RequireSession>
          <Shell />
        </RequireSession>
      ),
      children: [
        { index: true, Component: HomeRedirect },
        { path: 'review', lazy: async () => ({ Component: (await import('../features/review/QueuesPage')).QueuesPage }) },
        { path: 'review/cases/:id', lazy: async () => ({ Component: (await import('../features/review/CasePage')).CasePage }) },
        { path: 'metrics', lazy: async () => ({ Component: (await import('../features/metrics/MetricsPage')).MetricsPage }) },
        { path: 'orders', lazy: async () => ({ Component: (await import('../features/orders/OrdersPage')).OrdersPage }) },
        { path: 'orders/new', lazy: async () => ({ Component: (await import('../features/orders/NewOrderPage')).NewOrderPage }) },
        { path: 'orders/verify', lazy: async () => ({ Component: (await import('../features/orders/VerifyPage')).VerifyPage }) },
        { path: 'orders/:id', lazy: async () => ({ Component: (await import('../features/orders/OrderPage')).OrderPage }) },
        { path: 'people', lazy: async () => ({ Component: (await import('../features/people/PeoplePage')).PeoplePage }) },
        { path: 'operations', lazy: async () => ({ Component: (await import('../features/operations/OperationsPage')).OperationsPage }) },
        { path: 'compliance', lazy: async () => ({ Component: (await import('../features/compliance/CompliancePage')).CompliancePage }) },
        {
          // The Youth section: one layout with a tab per part; each part adds its pages as children.
          path: 'youth',
          lazy: async () => ({ Component: (await import('../features/youth/YouthLayout')).YouthLayout }),
          children: [
            { index: true, lazy: async () => ({ Component: (await import('../features/youth/YouthLayout')).YouthHome }) },
            { path: 'age', lazy: async () => ({ Component: (await import('../features/youth/age/AgePage')).AgePage }) },
            { path: 'age/accounts/:account', lazy: async () => ({ Component: (await import('../features/youth/age/AccountAgePage')).AccountAgePage }) },
            { path: 'deactivation', lazy: async () => ({ Component: (await import('../features/youth/deactivation/DeactivationPage')).DeactivationPage }) },
            { path: 'risk', lazy: async () => ({ Component: (await import('../features/youth/risk/RiskPage')).RiskPage }) },
          ],
        },
        {
          // The educational programme's partner portal: one layout with a tab per page.
          path: 'programme',
          lazy: async () => ({ Component: (await import('../features/programme/ProgrammeLayout')).ProgrammeLayout }),
          children: [
            { index: true, lazy: async () => ({ Component: (await import('../features/programme/ProgrammeLayout')).ProgrammeHome }) },
            { path: 'catalogue', lazy: async () => ({ Component: (await import('../features/programme/CataloguePage')).CataloguePage }) },
            { path: 'nominate', lazy: async () => ({ Component: (await import('../features/programme/NominatePage')).NominatePage }) },
            { path: 'approvals', lazy: async () => ({ Component: (await import('../features/programme/ApprovalsPage')).ApprovalsPage }) },
            { path: 'nominations', lazy: async () => ({ Component: (await import('../features/programme/NominationsPage')).NominationsPage }) },
            { path: 'left', lazy: async () => ({ Component: (await import('../features/programme/LeftPage')).LeftPage }) },
            { path: 'harm', lazy: async () => ({ Component: (await import('../features/programme/HarmReportPage')).HarmReportPage }) },
            { path: 'report', lazy: async () => ({ Component: (await import('../features/programme/ReportPage')).ReportPage }) },
          ],
        },
        { path: 'sweeps', lazy: async () => ({ Component: (await import('../features/sweeps/SweepsPage')).SweepsPage }) },
        { path: 'sweeps/:id', lazy: async () => ({ Component: (await import('../features/sweeps/SweepPage')).SweepPage }) },
        { path: 'sweeps/:id/report', lazy: async () => ({ Component: (await import('../features/sweeps/SweepReportPage')).SweepReportPage }) },
        { path: 'transparency', lazy: async () => ({ Component: (await import('../features/transparency/TransparencyPage')).TransparencyPage }) },
        { path: 'settings', lazy: async () => ({ Component: (await import('../features/settings/SettingsPage')).SettingsPage }) },
        { path: '*', lazy: async () => ({ Component: (await import('./NotFoundPage')).NotFoundPage }) },
      ],
    },
  ],
  { basename: '/console' },
);
