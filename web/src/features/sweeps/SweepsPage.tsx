import { Alert, Anchor, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { useSweeps } from './api';
import { FilterSummary, ModeBadge, ProgressCell, StatusBadge, useWho } from './labels';
import { NewSweepForm } from './NewSweepForm';
import './sweeps.css';

/**
 * Sweeps (pembersihan konten): re-scans of the stored content, as backtests (dry runs against a
 * candidate policy) or applied. Everyone with sweeps:read sees them and their reports; only
 * sweeps:run (admins) starts one.
 */
export function SweepsPage() {
  const { t } = useTranslation(['sweeps', 'common']);
  const format = useFormat();
  const { can } = useSession();
  const sweeps = useSweeps();
  const who = useWho();
  const rows = sweeps.data?.sweeps ?? [];

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text size="sm">{t('intro')}</Text>
      </Stack>
      {can('sweeps:run') ? (
        <NewSweepForm />
      ) : (
        <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />}>
          {t('readOnly')}
        </Alert>
      )}
      <Paper withBorder component="section" aria-labelledby="sweeps-list">
        <Title order={2} size="h4" p="md" pb={0} id="sweeps-list">
          {t('list.title')}
        </Title>
        {sweeps.error && <Alert color="red">{errorText(t, sweeps.error)}</Alert>}
        <ScrollArea>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Caption>{t('list.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.started')}</Table.Th>
                <Table.Th>{t('list.mode')}</Table.Th>
                <Table.Th>{t('list.status')}</Table.Th>
                <Table.Th>{t('list.filter')}</Table.Th>
                <Table.Th>{t('list.policy')}</Table.Th>
                <Table.Th>{t('list.progress')}</Table.Th>
                <Table.Th>{t('list.changed')}</Table.Th>
                <Table.Th>{t('list.by')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/sweeps/${s.id}`} fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {format.dateTime(s.createdAt)}
                    </Anchor>
                    {s.note && (
                      <Text size="xs" c="dimmed" lineClamp={2} maw={220}>
                        {s.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <ModeBadge mode={s.mode} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={s.status} />
                  </Table.Td>
                  <Table.Td>
                    <FilterSummary filter={s.filter} />
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm" className="sweep-code">
                      {s.policyVersion}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ProgressCell sweep={s} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.number(s.progress.changed)}</Text>
                    {s.mode === 'apply' && (
                      <Text size="xs" c="dimmed">
                        {t('list.acted', { count: s.progress.acted, n: format.number(s.progress.acted) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm">{who(s, true)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {sweeps.isSuccess && rows.length === 0 && (
          <Text p="md" c="dimmed">
            {t('list.empty')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
