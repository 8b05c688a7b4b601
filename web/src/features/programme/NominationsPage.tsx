import { Alert, Button, Paper, ScrollArea, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { useNominations, type Nomination, type NominationStatus } from './api';
import { ContentCell, FailedChecks, StatusBadge } from './labels';

const STATUSES: readonly NominationStatus[] = ['pending', 'catalogued', 'blocked', 'rejected', 'left'];

/** The organisation's nominations (the platform's people: everyone's), with each one's decision and checks. */
export function NominationsPage() {
  const { t } = useTranslation(['programme', 'common']);
  const format = useFormat();
  const { can } = useSession();
  const [status, setStatus] = useState<NominationStatus | 'all'>('all');
  const list = useNominations(status === 'all' ? null : status);
  const rows = list.data?.pages.flatMap((p) => p.nominations) ?? [];
  const everyone = can('content:read');

  return (
    <>
      <Text size="sm">{everyone ? t('nominations.introAll') : t('nominations.intro')}</Text>
      <SegmentedControl aria-label={t('nominations.filter')} value={status} onChange={(v) => setStatus(v as NominationStatus | 'all')} data={[{ value: 'all', label: t('nominations.all') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
      {list.error && <Alert color="red">{errorText(t, list.error)}</Alert>}
      <Paper withBorder>
        <ScrollArea>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{t('nominations.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.content')}</Table.Th>
                {everyone && <Table.Th>{t('fields.organisation')}</Table.Th>}
                <Table.Th>{t('fields.band')}</Table.Th>
                <Table.Th>{t('fields.topic')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th>{t('fields.decision')}</Table.Th>
                <Table.Th>{t('fields.nominatedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((n) => (
                <Row key={n.id} n={n} everyone={everyone} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {list.isSuccess && rows.length === 0 && (
          <Text p="md" c="dimmed">
            {t('nominations.empty')}
          </Text>
        )}
      </Paper>
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('more')}
        </Button>
      )}
    </>
  );

  function Row({ n, everyone }: { n: Nomination; everyone: boolean }) {
    return (
      <Table.Tr>
        <Table.Td>
          <ContentCell content={n.content} />
        </Table.Td>
        {everyone && <Table.Td>{n.organisation}</Table.Td>}
        <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`bands.${n.band}`)}</Table.Td>
        <Table.Td>{t(`topics.${n.topic}`)}</Table.Td>
        <Table.Td>
          <StatusBadge status={n.status} />
        </Table.Td>
        <Table.Td>
          {n.decision ? (
            <>
              <Text size="xs">{t(n.decision.approved ? 'nominations.approvedBy' : 'nominations.rejectedBy', { org: n.decision.organisation ?? t('catalogue.platform'), at: format.dateTime(n.decision.at) })}</Text>
              {n.decision.reason && (
                <Text size="xs" c="dimmed">
                  {n.decision.reason}
                </Text>
              )}
            </>
          ) : (
            <Text size="xs" c="dimmed">
              {t('nominations.waiting')}
            </Text>
          )}
          <FailedChecks checks={n.checks} />
          {n.left && <Text size="xs" c="red.9">{t('left.why', { reason: t(`reasons.${n.left.reason}`), at: format.dateTime(n.left.at) })}</Text>}
        </Table.Td>
        <Table.Td>{format.dateTime(n.nominatedAt)}</Table.Td>
      </Table.Tr>
    );
  }
}
