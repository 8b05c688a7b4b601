import { Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { usePreferences } from '../../app/preferences';
import { Chart } from '../../components/Chart';
import { useFormat } from '../../i18n/format';
import { QueueLabel } from '../review/components/labels';

/** How review is going: per queue open cases, time to decision and SLA breaches; decisions per moderator; automated vs human; appeals overturned. */
export function MetricsPage() {
  const { t } = useTranslation(['metrics', 'review']);
  const format = useFormat();
  const { timeZone } = usePreferences();
  const metrics = useQuery({ queryKey: ['metrics', 'review', timeZone], queryFn: () => data(api.GET('/v1/metrics/review', { params: { query: { timeZone } } })), refetchInterval: 60_000 });
  const m = metrics.data;
  const hours = (s: number | null) => (s === null ? '–' : format.duration(s * 1000));

  const queueChart = useMemo(
    () =>
      m && {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: m.queues.map((q) => t(`review:queueNames.${q.queue}`, { defaultValue: q.queue })), axisLabel: { interval: 0, rotate: m.queues.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value' },
        series: [
          { name: t('open'), type: 'bar', data: m.queues.map((q) => q.open) },
          { name: t('decided'), type: 'bar', data: m.queues.map((q) => q.decided) },
          { name: t('breached'), type: 'bar', data: m.queues.map((q) => q.breachedOpen + q.breachedDecided), color: '#c92a2a' },
        ],
      },
    [m, t],
  );
  const perDay = useMemo(() => {
    if (!m) return undefined;
    const days = [...new Set(m.moderators.map((r) => r.day))].sort();
    const names = [...new Set(m.moderators.map((r) => r.name ?? r.userId))];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', minInterval: 1 },
      series: names.map((name) => ({ name, type: 'bar', stack: 'all', data: days.map((d) => m.moderators.filter((r) => r.day === d && (r.name ?? r.userId) === name).reduce((a, r) => a + r.decisions, 0)) })),
    };
  }, [m]);

  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      {m && (
        <>
          <Text size="sm" c="dimmed">
            {t('window', { since: format.date(m.window.since), until: format.date(m.window.until) })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Stat
              label={t('automatedShare')}
              value={m.decisions.automatedShare === null ? '–' : format.percent(m.decisions.automatedShare)}
              detail={t('decisionsTotal', { total: format.number(m.decisions.total), human: format.number(m.decisions.human) })}
            />
            <Stat
              label={t('overturnRate')}
              value={m.appeals.overturnRate === null ? '–' : format.percent(m.appeals.overturnRate)}
              detail={t('appealsDecided', { decided: format.number(m.appeals.decided), overturned: format.number(m.appeals.overturned) })}
            />
            <Stat
              label={t('openNow')}
              value={format.number(m.queues.reduce((a, q) => a + q.open, 0))}
              detail={t('breachedNow', { count: m.queues.reduce((a, q) => a + q.breachedOpen, 0) })}
            />
          </SimpleGrid>
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t('queues')}
            </Title>
            {queueChart && <Chart option={queueChart} label={t('queuesChart')} />}
            <ScrollArea>
              <Table verticalSpacing={4} fz="sm" aria-label={t('queues')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('review:queues.queue')}</Table.Th>
                    <Table.Th ta="right">{t('open')}</Table.Th>
                    <Table.Th>{t('oldest')}</Table.Th>
                    <Table.Th ta="right">{t('decided')}</Table.Th>
                    <Table.Th>{t('median')}</Table.Th>
                    <Table.Th>{t('p90')}</Table.Th>
                    <Table.Th ta="right">{t('breached')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.queues.map((q) => (
                    <Table.Tr key={q.queue}>
                      <Table.Td>
                        <QueueLabel queue={q.queue} />
                      </Table.Td>
                      <Table.Td ta="right">{format.number(q.open)}</Table.Td>
                      <Table.Td>{q.oldest ? format.dateTime(q.oldest) : '–'}</Table.Td>
                      <Table.Td ta="right">{format.number(q.decided)}</Table.Td>
                      <Table.Td>{hours(q.medianSecondsToDecision)}</Table.Td>
                      <Table.Td>{hours(q.p90SecondsToDecision)}</Table.Td>
                      <Table.Td ta="right">{format.number(q.breachedOpen + q.breachedDecided)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Paper>
          <Paper withBorder p="md">
            <Group justify="space-between">
              <Title order={2} size="h4">
                {t('perModerator')}
              </Title>
              <Text size="xs" c="dimmed">
                {format.timeZone}
              </Text>
            </Group>
            {perDay && <Chart option={perDay} label={t('perModeratorChart')} />}
          </Paper>
        </>
      )}
    </Stack>
  );
}

/** One headline figure with what it is and what it counts. */
function Stat({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      <Text size="xs">{detail}</Text>
    </Paper>
  );
}
