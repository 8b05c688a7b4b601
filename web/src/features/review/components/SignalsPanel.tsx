import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { CaseDetail } from '../api';
import type { Evidence } from './evidence';
import { latestScan } from './evidence';
import { ActionBadge, CategoryLabel } from './labels';

/** What the evidence says, in a moderator's words: source, what matched, how much it weighs, from which version. */
function describe(e: Evidence, t: TFunction<'review'>, clock: (s: number) => string): { source: string; what: string; by: string } {
  switch (e.source) {
    case 'caption':
    case 'ocr':
    case 'asr':
      return {
        source: t(`sources.${e.source}`),
        what: `"${e.match}"${e.timestamp !== undefined ? ` @ ${clock(e.timestamp)}` : ''}`,
        by: t('signals.lexicon', { lexicon: e.lexicon, version: e.lexiconVersion, term: e.term }),
      };
    case 'model':
      return { source: t('sources.model'), what: (e.features ?? []).filter((f) => f.weight > 0).slice(0, 4).map((f) => f.feature).join(', '), by: t('signals.model', { model: e.model, version: e.version }) };
    case 'image':
      return { source: t('sources.image'), what: e.frames.map((f) => clock(f.timestamp)).slice(0, 5).join(', '), by: e.classifier };
    case 'hash':
      return {
        source: t('sources.hash'),
        what: t('signals.bankMatch', { bank: e.bank, entry: e.entryId, distance: e.distance, method: e.method }),
        by: e.queryMatchPercent !== undefined ? t('signals.frames', { percent: e.queryMatchPercent }) : e.provenance,
      };
  }
}

/** Every signal of the latest scan: each category's score and action, and each piece of evidence with its source, weight and version. */
export function SignalsPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const scan = latestScan(detail);
  if (!scan) return null;
  const v = scan.verdict;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('signals.title')}
          </Title>
          <Group gap={6}>
            <ActionBadge action={v.action} />
            <Text size="xs" c="dimmed">
              {v.policyVersion}
            </Text>
          </Group>
        </Group>
        {v.categories.length === 0 && <Text c="dimmed">{t('signals.none')}</Text>}
        {v.categories.map((c) => (
          <Stack key={c.category} gap={4}>
            <Group gap="xs">
              <Text fw={600}>
                <CategoryLabel category={c.category} />
              </Text>
              <Badge variant="outline">{t('signals.score', { score: format.number(c.score) })}</Badge>
              <ActionBadge action={c.action} />
              {c.urgent && <Badge color="red">{t('signals.urgent')}</Badge>}
            </Group>
            <Table verticalSpacing={2} fz="sm" aria-label={t('signals.evidenceOf', { category: t(`categories.${c.category}`) })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('signals.source')}</Table.Th>
                  <Table.Th>{t('signals.found')}</Table.Th>
                  <Table.Th ta="right">{t('signals.weight')}</Table.Th>
                  <Table.Th>{t('signals.by')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.evidence.map((e, i) => {
                  const d = describe(e, t, format.clock);
                  return (
                    <Table.Tr key={i}>
                      <Table.Td>{d.source}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{d.what}</Table.Td>
                      <Table.Td ta="right">{format.number(e.source === 'model' || e.source === 'image' ? e.score : e.weight)}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{d.by}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
