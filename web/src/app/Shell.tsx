import { Anchor, AppShell, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet } from 'react-router';
import { api, data } from '../api/client';
import { LanguageSwitch } from './LanguageSwitch';
import { useLanguagePreference } from './preferences';
import { sections } from './sections';
import { useSession } from './session';

/** The frame of every page: the navigation by what the person may do, the language, the person. */
export function Shell() {
  const { t } = useTranslation();
  const { session, can, refresh } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  useLanguagePreference();

  const signOut = async (everywhere: boolean) => {
    await data(everywhere ? api.POST('/v1/session/revoke-all') : api.DELETE('/v1/session'));
    notifications.show({ message: everywhere ? t('session.signedOutEverywhere') : t('session.signedOut') });
    // With no session, RequireSession sends the page to the sign-in form.
    await refresh();
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <Anchor href="#main" className="skip-link">
        {t('skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Text fw={700} size="lg">
              {t('product')}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitch />
            <Menu position="bottom-end">
              <Menu.Target>
                <UnstyledButton aria-label={t('session.menu', { name: session?.user.name })}>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm">{session?.user.name}</Text>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t(`roles.${session?.user.role ?? 'moderator'}`)}</Menu.Label>
                <Menu.Item component={RouterLink} to="/settings">
                  {t('nav.settings')}
                </Menu.Item>
                <Menu.Item onClick={() => void signOut(false)}>{t('session.signOut')}</Menu.Item>
                <Menu.Item onClick={() => void signOut(true)}>{t('session.signOutEverywhere')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {sections(t)
          .filter((s) => !s.permission || can(s.permission))
          .map((s) => (
            <NavLink key={s.to} component={RouterLink} to={s.to} label={s.label} leftSection={s.icon} onClick={close} />
          ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
