import { Alert, Group, Loader, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/Chart';
import { barChart, Figures, ReportCard, Stat } from '../../components/Figures';
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
      decisions: barChart(
        [t('report.approvals'), t('report.rejections'), t('report.blocked')],
        [{ name: t('report.decisions'), data: [{ value: r.approvals - r.blocked.total, itemStyle: { color: APPROVED } }, { value: r.rejections, itemStyle: { color: REJECTED } }, { value: r.blocked.total, itemStyle: { color: BLOCKED } }] }],
      ),
      removals: barChart(
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

      <ReportCard title={t('report.catalogueTitle')} description={t('report.catalogueDescription')}>
        {r.catalogue.total > 0 && <Chart option={charts.catalogue} label={t('report.catalogueChart')} height={260} />}
        <ScrollArea viewportProps={{ tabIndex: 0 }}>
          <Figures empty={t('report.none')} caption={t('report.catalogueTable')} head={[t('fields.topic'), ...BANDS.map((b) => t(`bands.${b}`)), t('report.total')]} rows={topics.map((x) => [t(`topics.${x}`), ...BANDS.map((b) => format.number(count(x, b))), format.number(r.catalogue.byTopic[x] ?? 0)])} />
        </ScrollArea>
      </ReportCard>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ReportCard title={t('report.decisionsTitle')} description={t('report.decisionsDescription', { pending: r.pending })}>
          {r.approvals + r.rejections > 0 && <Chart option={charts.decisions} label={t('report.decisionsChart')} height={200} />}
          <Figures
            empty={t('report.none')}
            caption={t('report.blockedTable')}
            head={[t('report.check'), t('report.count')]}
            rows={CHECKS.filter((c) => r.blocked.byCheck[c]).map((c) => [t(`checks.${c}`), format.number(r.blocked.byCheck[c] ?? 0)])}
          />
        </ReportCard>
        <ReportCard title={t('report.removalsTitle')} description={t('report.removalsDescription')}>
          {r.removals.total > 0 && <Chart option={charts.removals} label={t('report.removalsChart')} height={200} />}
          <Figures empty={t('report.none')} caption={t('report.removalsTable')} head={[t('fields.reason'), t('report.count')]} rows={REASONS.filter((x) => r.removals.byReason[x]).map((x) => [t(`reasons.${x}`), format.number(r.removals.byReason[x] ?? 0)])} />
        </ReportCard>
      </SimpleGrid>
    </Stack>
  );
}
