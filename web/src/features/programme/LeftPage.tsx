import { Alert, Button, Paper, ScrollArea, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { useNominations, type Nomination } from './api';
import { ContentCell } from './labels';

/** What left the catalogue, when and why (flagged, reported, removed, restricted, the account's standing or age). */
export function LeftPage() {
  const { t } = useTranslation(['programme', 'common', 'review']);
  const format = useFormat();
  const { can } = useSession();
  const list = useNominations('left');
  const rows = list.data?.pages.flatMap((p) => p.nominations) ?? [];
  const everyone = can('content:read');

  return (
    <>
      <Text size="sm">{t('left.intro')}</Text>
      {list.error && <Alert color="red">{errorText(t, list.error)}</Alert>}
      <Paper withBorder>
        <ScrollArea>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{t('left.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.content')}</Table.Th>
                {everyone && <Table.Th>{t('fields.organisation')}</Table.Th>}
                <Table.Th>{t('fields.band')}</Table.Th>
                <Table.Th>{t('fields.topic')}</Table.Th>
                <Table.Th>{t('fields.reason')}</Table.Th>
                <Table.Th>{t('fields.leftAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>
                    <ContentCell content={n.content} />
                  </Table.Td>
                  {everyone && <Table.Td>{n.organisation}</Table.Td>}
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`bands.${n.band}`)}</Table.Td>
                  <Table.Td>{t(`topics.${n.topic}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {t(`reasons.${n.left!.reason}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {detailOf(n, t)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{format.dateTime(n.left!.at)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {list.isSuccess && rows.length === 0 && (
          <Text p="md" c="dimmed">
            {t('left.empty')}
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
}

/** The particulars of a leaving as a partner reads them: the category, the decision's action, the account action. */
function detailOf(n: Nomination, t: TFunction<any, any>): string {
  const d = n.left?.detail ?? {};
  const parts: string[] = [];
  if (typeof d['category'] === 'string') parts.push(t('left.category', { category: t(`review:categories.${d['category']}`, { defaultValue: d['category'] }) }));
  if (typeof d['action'] === 'string' && n.left?.reason !== 'removed') parts.push(t('left.action', { action: t(`actions.${d['action']}`, { defaultValue: d['action'] }) }));
  if (typeof d['queue'] === 'string') parts.push(t('left.queue', { queue: d['queue'] }));
  return parts.join(' · ');
}
