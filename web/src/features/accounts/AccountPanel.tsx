import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { CategoryLabel } from '../review/components/labels';
import { AgeStatusLine } from '../youth/age/labels';

/** The uploader's account: its standing under the strikes policy, its strikes and the actions taken on it. */
export function AccountPanel({ externalId }: { externalId: string }) {
  const { t, i18n } = useTranslation(['accounts', 'common']);
  const format = useFormat();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const account = useQuery({
    queryKey: ['review', 'account', externalId],
    queryFn: () => data(api.GET('/v1/accounts/{externalId}', { params: { path: { externalId } } })),
  });
  const a = account.data;
  if (!a) return null;
  const strikes = a.strikes.slice(0, 10);
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('title', { account: a.account.displayName ?? a.account.externalId })}
        </Title>
        <Group gap={6}>
          <Badge variant="light" color={a.standing.level ? 'red' : 'teal'}>
            {a.standing.level ? t(`levels.${a.standing.level}`) : t('goodStanding')}
          </Badge>
          <Text size="sm">{t('standing', { points: format.number(a.standing.points), strikes: a.standing.activeStrikes })}</Text>
        </Group>
        <AgeStatusLine externalId={a.account.externalId} />
        <Text size="xs" c="dimmed">
          {t('history', { items: a.content.length, decisions: a.decisions.length })}
        </Text>
        {strikes.length > 0 && (
          <Table withRowBorders={false} verticalSpacing={2} aria-label={t('strikes')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('strike.item')}</Table.Th>
                <Table.Th>{t('strike.category')}</Table.Th>
                <Table.Th ta="right">{t('strike.weight')}</Table.Th>
                <Table.Th>{t('strike.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {strikes.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.externalId}</Table.Td>
                  <Table.Td>{s.category ? <CategoryLabel category={s.category} /> : '–'}</Table.Td>
                  <Table.Td ta="right">{format.number(s.weight)}</Table.Td>
                  <Table.Td>{s.active ? t('strike.until', { date: format.date(s.expiresAt) }) : s.removedAt ? t('strike.removed') : t('strike.expired')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {a.actions.slice(0, 5).map((action) => (
          <Text key={action.id} size="sm">
            <Text span fw={600}>
              {format.date(action.createdAt)}:
            </Text>{' '}
            {action.statement.summary[language]}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}
