import { IconActivityHeartbeat, IconBrush, IconChartBar, IconChartPie, IconFileCertificate, IconGavel, IconInbox, IconMoodKid, IconSchool, IconSettings, IconUsers } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

export interface Section {
  to: string;
  label: string;
  icon: ReactNode;
  /** Shown to people whose role grants this. */
  permission?: string;
}

/**
 * The console's sections in navigation order. A new capability's pages are one entry here and
 * their routes in routes.tsx; the first section a person may open is where they land.
 */
export function sections(t: TFunction): Section[] {
  return [
    { to: '/review', label: t('nav.review'), icon: <IconInbox size={18} aria-hidden />, permission: 'decide' },
    { to: '/metrics', label: t('nav.metrics'), icon: <IconChartBar size={18} aria-hidden />, permission: 'review:metrics' },
    // After review and metrics: moderators still land on review, auditors on metrics, officers on their orders.
    { to: '/orders', label: t('nav.orders'), icon: <IconGavel size={18} aria-hidden />, permission: 'orders:read' },
    { to: '/people', label: t('nav.people'), icon: <IconUsers size={18} aria-hidden />, permission: 'users:manage' },
    { to: '/compliance', label: t('nav.compliance'), icon: <IconFileCertificate size={18} aria-hidden />, permission: 'orders:read' },
    { to: '/youth', label: t('nav.youth'), icon: <IconMoodKid size={18} aria-hidden />, permission: 'age:read' },
    // Before transparency and settings: partners land on the programme's portal.
    { to: '/programme', label: t('nav.programme'), icon: <IconSchool size={18} aria-hidden />, permission: 'programme:read' },
    { to: '/sweeps', label: t('nav.sweeps'), icon: <IconBrush size={18} aria-hidden />, permission: 'sweeps:read' },
    { to: '/transparency', label: t('nav.transparency'), icon: <IconChartPie size={18} aria-hidden />, permission: 'transparency:read' },
    { to: '/operations', label: t('nav.operations'), icon: <IconActivityHeartbeat size={18} aria-hidden />, permission: 'jobs:manage' },
    { to: '/settings', label: t('nav.settings'), icon: <IconSettings size={18} aria-hidden /> },
  ];
}
