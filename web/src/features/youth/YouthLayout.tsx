import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { YOUTH_TABS } from './tabs';

/**
 * The Youth section (docs/youth.md): one title and a tab per part — age reviews, the under-16
 * deactivation programme, the risk self-assessment — each the page of its own folder below.
 */
export function YouthLayout() {
  const { t } = useTranslation('youth');
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = YOUTH_TABS.filter((tab) => can(tab.permission));
  const current = tabs.find((tab) => pathname === `/youth/${tab.path}` || pathname.startsWith(`/youth/${tab.path}/`))?.path ?? null;

  return (
    <Stack>
      <Stack gap={4} className="no-print">
        <Title order={1}>{t('title')}</Title>
        <Text size="sm">{t('intro')}</Text>
      </Stack>
      <Tabs value={current} onChange={(value) => value && void navigate(`/youth/${value}`)} className="no-print">
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.path} value={tab.path}>
              {t(`tabs.${tab.path}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}

/** `/youth` opens the first part the person may use. */
export function YouthHome() {
  const { can } = useSession();
  const first = YOUTH_TABS.find((tab) => can(tab.permission));
  return <Navigate to={first ? `/youth/${first.path}` : '/'} replace />;
}
