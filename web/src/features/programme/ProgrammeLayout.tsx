import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { PROGRAMME_TABS } from './tabs';

/**
 * The partner portal of the educational programme (docs/youth.md#educational-programme): the
 * catalogue, nominating, approving, the organisation's nominations, what left the catalogue and
 * why, and the programme report — a tab each.
 */
export function ProgrammeLayout() {
  const { t } = useTranslation('programme');
  const { can, session } = useSession();
  const org = session?.user.org;
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = PROGRAMME_TABS.filter((tab) => can(tab.permission));
  const current = tabs.find((tab) => pathname === `/programme/${tab.path}` || pathname.startsWith(`/programme/${tab.path}/`))?.path ?? null;

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text size="sm">{t('intro')}</Text>
        {org && (
          <Text size="sm" c="dimmed">
            {t('organisation', { org })}
          </Text>
        )}
      </Stack>
      <Tabs value={current} onChange={(value) => value && void navigate(`/programme/${value}`)}>
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

/** `/programme` opens the first page the person may use (the catalogue). */
export function ProgrammeHome() {
  const { can } = useSession();
  const first = PROGRAMME_TABS.find((tab) => can(tab.permission));
  return <Navigate to={first ? `/programme/${first.path}` : '/'} replace />;
}
