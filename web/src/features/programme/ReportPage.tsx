import { Alert, Group, Loader, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/Chart';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { PeriodPicker } from '../compliance/PeriodPicker';
import { periodProblem, thisMonth, type Period } from '../compliance/period';
import { BANDS, TOPICS, useProgrammeReport, type ProgrammeReport } from './api';

const REASONS = ['flagged', 'reported', 'removed', 'restricted', 'account_action', 'underage_account'] as const;
const CHECKS = ['content_active', 'verdict_allow', 'no_bank_match', 'no_open_review', 'account_standing', 'account_age'] as const;
const APPROVED = '#2b8a3e';
const REJECTED = '#868e96';
const BLOCKED = '#e8590c';

/** The programme report of a period: the catalogue by topic and age band, decisions, removals and time to review, as charts with the same figures as tables. */
export function ReportPage() {
  const { t } = useTranslation(['programme', 'compliance', 'common']);
  const [period, setPeriod] = useState<Period>(() => thisMonth());
  const valid = periodProblem(period) === null;
  const report = useProgrammeReport(period.from, period.to, valid);
  return (
    <Stack>
      <Text size="sm">{t('report.intro')}</Text>
      <PeriodPicker value={period} onChange={setPeriod} />
      {report.isLoading && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('report.loading')}</Text>
        </Group>
      )}
      {report.error && (
        <Alert color="red" role="alert">
          {errorText(t, report.error)}
        </Alert>
      )}
      {report.data && <ReportView r={report.data} />}
    </Stack>
  );
}

function ReportView({ r }: { r: ProgrammeReport }) {
  const { t } = useTranslation('programme');
  const format = useFormat();
  const topics = TOPICS.filter((x) => (r.catalogue.byTopic[x] ?? 0) > 0);
  const count = (topic: string, band: string) => r.catalogue.cells.find((c) => c.topic === topic && c.band === band)?.count ?? 0;
  const charts = useMemo(
    () => ({
      catalogue: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: topics.map((x) => t(`topics.${x}`)), axisLabel: { interval: 0, rotate: topics.length > 4 ? 25 : 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: BANDS.map((b) => ({ type: 'bar', stack: 'items', barMaxWidth: 48, name: t(`bands.${b}`), data: topics.map((x) => count(x, b)) })),
      },
      decisions: bars(
        [t('report.approvals'), t('report.rejections'), t('report.blocked')],
        [{ name: t('report.decisions'), data: [{ value: r.approvals - r.blocked.total, itemStyle: { color: APPROVED } }, { value: r.rejections, itemStyle: { color: REJECTED } }, { value: r.blocked.total, itemStyle: { color: BLOCKED } }] }],
      ),
      removals: bars(
        REASONS.map((x) => t(`reasons.${x}`)),
        [{ name: t('report.removals'), data: REASONS.map((x) => r.removals.byReason[x] ?? 0), color: '#c92a2a' }],
      ),
    }),
    [r, t],
  );
  const hours = r.medianHoursToReview === null ? t('report.noData') : format.duration(r.medianHoursToReview * 3_600_000);

  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Stat label={t('report.inCatalogue')} value={format.number(r.catalogue.total)} />
        <Stat label={t('report.nominations')} value={format.number(r.nominations)} />
        <Stat label={t('report.approvals')} value={format.number(r.approvals)} />
        <Stat label={t('report.rejections')} value={format.number(r.rejections)} />
        <Stat label={t('report.removals')} value={format.number(r.removals.total)} />
        <Stat label={t('report.medianToReview')} value={hours} />
      </SimpleGrid>

      <Card title={t('report.catalogueTitle')} description={t('report.catalogueDescription')}>
        {r.catalogue.total > 0 && <Chart option={charts.catalogue} label={t('report.catalogueChart')} height={260} />}
        <ScrollArea viewportProps={{ tabIndex: 0 }}>
          <Figures caption={t('report.catalogueTable')} head={[t('fields.topic'), ...BANDS.map((b) => t(`bands.${b}`)), t('report.total')]} rows={topics.map((x) => [t(`topics.${x}`), ...BANDS.map((b) => format.number(count(x, b))), format.number(r.catalogue.byTopic[x] ?? 0)])} />
        </ScrollArea>
      </Card>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card title={t('report.decisionsTitle')} description={t('report.decisionsDescription', { pending: r.pending })}>
          {r.approvals + r.rejections > 0 && <Chart option={charts.decisions} label={t('report.decisionsChart')} height={200} />}
          <Figures
            caption={t('report.blockedTable')}
            head={[t('report.check'), t('report.count')]}
            rows={CHECKS.filter((c) => r.blocked.byCheck[c]).map((c) => [t(`checks.${c}`), format.number(r.blocked.byCheck[c] ?? 0)])}
          />
        </Card>
        <Card title={t('report.removalsTitle')} description={t('report.removalsDescription')}>
          {r.removals.total > 0 && <Chart option={charts.removals} label={t('report.removalsChart')} height={200} />}
          <Figures caption={t('report.removalsTable')} head={[t('fields.reason'), t('report.count')]} rows={REASONS.filter((x) => r.removals.byReason[x]).map((x) => [t(`reasons.${x}`), format.number(r.removals.byReason[x] ?? 0)])} />
        </Card>
      </SimpleGrid>
    </Stack>
  );
}

function bars(categories: string[], series: { name: string; data: unknown[]; color?: string }[]) {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 3 ? 25 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', barMaxWidth: 48, ...s })),
  };
}

function Card({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

function Figures({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  const { t } = useTranslation('programme');
  return (
    <Table verticalSpacing={4} fz="sm" aria-label={caption} withTableBorder captionSide="top">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {head.map((h, i) => (
            <Table.Th key={i} ta={i ? 'right' : undefined}>
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={head.length}>{t('report.none')}</Table.Td>
          </Table.Tr>
        )}
        {rows.map((row, i) => (
          <Table.Tr key={i}>
            {row.map((cell, j) => (
              <Table.Td key={j} ta={j ? 'right' : undefined}>
                {cell}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
