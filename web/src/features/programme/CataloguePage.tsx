import { Alert, Button, Group, Paper, ScrollArea, Select, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { BANDS, TOPICS, useCatalogue, type Band, type Topic } from './api';

/** The catalogue the under-16 experience is served: approved items that passed Saring's checks and are safe now, by band and topic. */
export function CataloguePage() {
  const { t } = useTranslation(['programme', 'common']);
  const format = useFormat();
  const [band, setBand] = useState<Band | null>(null);
  const [topic, setTopic] = useState<Topic | null>(null);
  const catalogue = useCatalogue(band, topic);
  const items = catalogue.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <Text size="sm">{t('catalogue.intro')}</Text>
      <Group>
        <Select label={t('fields.band')} placeholder={t('catalogue.allBands')} clearable data={BANDS.map((b) => ({ value: b, label: t(`bands.${b}`) }))} value={band} onChange={(v) => setBand(v as Band | null)} w={200} />
        <Select label={t('fields.topic')} placeholder={t('catalogue.allTopics')} clearable data={TOPICS.map((x) => ({ value: x, label: t(`topics.${x}`) }))} value={topic} onChange={(v) => setTopic(v as Topic | null)} w={240} />
      </Group>
      {catalogue.error && <Alert color="red">{errorText(t, catalogue.error)}</Alert>}
      <Paper withBorder>
        <ScrollArea>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{t('catalogue.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.content')}</Table.Th>
                <Table.Th>{t('fields.band')}</Table.Th>
                <Table.Th>{t('fields.topic')}</Table.Th>
                <Table.Th>{t('fields.nominatedBy')}</Table.Th>
                <Table.Th>{t('fields.approvedBy')}</Table.Th>
                <Table.Th>{t('fields.cataloguedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Text size="sm" fw={600} style={{ wordBreak: 'break-all' }}>
                      {i.externalId}
                    </Text>
                    {i.caption && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {i.caption}
                      </Text>
                    )}
                    {i.note && (
                      <Text size="xs" fs="italic">
                        {i.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`bands.${i.band}`)}</Table.Td>
                  <Table.Td>{t(`topics.${i.topic}`)}</Table.Td>
                  <Table.Td>{i.organisation}</Table.Td>
                  <Table.Td>{i.approvedBy ?? t('catalogue.platform')}</Table.Td>
                  <Table.Td>{format.dateTime(i.cataloguedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {catalogue.isSuccess && items.length === 0 && (
          <Text p="md" c="dimmed">
            {t('catalogue.empty')}
          </Text>
        )}
      </Paper>
      {catalogue.hasNextPage && (
        <Button variant="default" onClick={() => void catalogue.fetchNextPage()} loading={catalogue.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('more')}
        </Button>
      )}
    </>
  );
}
