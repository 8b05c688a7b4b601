import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Paper, ScrollArea, Select, Stack, Switch, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data, type Answer, type Body } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';

type Person = Answer<'/v1/users', 'get'>['users'][number];
type Role = Person['role'];
const ROLES: Role[] = ['moderator', 'senior_moderator', 'admin', 'auditor', 'regulator', 'partner'];

/** People of the installation: invite them, set their role and organisation, deactivate them. */
export function PeoplePage() {
  const { t } = useTranslation(['people', 'common']);
  const format = useFormat();
  const { session } = useSession();
  const client = useQueryClient();
  const people = useQuery({ queryKey: ['people'], queryFn: () => data(api.GET('/v1/users')) });
  const [inviting, setInviting] = useState(false);
  const [link, setLink] = useState<string>();
  const onError = (err: unknown) => notifications.show({ color: 'red', message: errorText(t, err) });
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Body<'/v1/users/{id}', 'patch'> }) => data(api.PATCH('/v1/users/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['people'] });
      notifications.show({ message: t('saved') });
    },
    onError,
  });
  const reinvite = useMutation({
    mutationFn: (id: string) => data(api.POST('/v1/users/{id}/password', { params: { path: { id } }, body: { invite: true } })),
    onSuccess: async (r) => {
      if (r.invite) setLink(`${window.location.origin}${r.invite.path}`);
      await client.invalidateQueries({ queryKey: ['people'] });
    },
    onError,
  });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('title')}</Title>
        <Button onClick={() => setInviting(true)}>{t('invite.open')}</Button>
      </Group>
      <Paper withBorder>
        <ScrollArea>
          <Table verticalSpacing="xs" aria-label={t('title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('login')}</Table.Th>
                <Table.Th>{t('role')}</Table.Th>
                <Table.Th>{t('org')}</Table.Th>
                <Table.Th>{t('lastSignIn')}</Table.Th>
                <Table.Th>{t('active')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common:actionsColumn')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.data?.users.map((p: Person) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <Group gap={6}>
                      {p.name}
                      {p.invitePending && <Badge variant="light">{t('invitePending')}</Badge>}
                      {!p.login && <Badge variant="light" color="gray">{t('machine')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{p.login ?? '–'}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('roleOf', { name: p.name })}
                      size="xs"
                      data={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
                      value={p.role}
                      allowDeselect={false}
                      disabled={p.id === session?.user.id}
                      onChange={(role) => role && update.mutate({ id: p.id, patch: { role: role as Role } })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('orgOf', { name: p.name })}
                      size="xs"
                      defaultValue={p.org ?? ''}
                      onBlur={(e) => e.currentTarget.value !== (p.org ?? '') && update.mutate({ id: p.id, patch: { org: e.currentTarget.value || null } })}
                    />
                  </Table.Td>
                  <Table.Td>{p.lastSignInAt ? format.dateTime(p.lastSignInAt) : '–'}</Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={t('activeOf', { name: p.name })}
                      checked={!p.disabled}
                      disabled={p.id === session?.user.id}
                      onChange={(e) => update.mutate({ id: p.id, patch: { disabled: !e.currentTarget.checked } })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {p.login && (
                      <Button size="xs" variant="subtle" onClick={() => reinvite.mutate(p.id)}>
                        {t('newInvite')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
      <InviteModal opened={inviting} onClose={() => setInviting(false)} onInvited={setLink} />
      <Modal opened={!!link} onClose={() => setLink(undefined)} title={t('invite.linkTitle')}>
        <Stack>
          <Text size="sm">{t('invite.linkText')}</Text>
          <Code block>{link}</Code>
          <CopyButton value={link ?? ''}>{({ copied, copy }) => <Button onClick={copy}>{copied ? t('invite.copied') : t('invite.copy')}</Button>}</CopyButton>
        </Stack>
      </Modal>
    </Stack>
  );
}

function InviteModal({ opened, onClose, onInvited }: { opened: boolean; onClose(): void; onInvited(link: string): void }) {
  const { t } = useTranslation(['people', 'common']);
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [login, setLogin] = useState('');
  const [role, setRole] = useState<Role>('moderator');
  const [org, setOrg] = useState('');
  const [error, setError] = useState<string>();
  const invite = async () => {
    setError(undefined);
    try {
      const created = await data(api.POST('/v1/users', { body: { name, login, role, ...(org ? { org } : {}), invite: true } }));
      await client.invalidateQueries({ queryKey: ['people'] });
      onClose();
      setName('');
      setLogin('');
      if (created.invite) onInvited(`${window.location.origin}${created.invite.path}`);
    } catch (err) {
      setError(errorText(t, err));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('invite.title')}>
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput label={t('name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
        <TextInput label={t('login')} description={t('loginHelp')} required value={login} onChange={(e) => setLogin(e.currentTarget.value)} />
        <Select label={t('role')} data={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))} value={role} onChange={(r) => r && setRole(r as Role)} allowDeselect={false} />
        <TextInput label={t('org')} value={org} onChange={(e) => setOrg(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('invite.cancel')}
          </Button>
          <Button onClick={() => void invite()} disabled={!name.trim() || !login.trim()}>
            {t('invite.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
