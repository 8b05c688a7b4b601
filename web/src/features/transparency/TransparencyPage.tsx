import { Alert, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data, type Answer } from '../../api/client';
import { Chart } from '../../components/Chart';
import { barChart, Figures, ReportCard, Stat } from '../../components/Figures';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { PeriodPicker } from '../compliance/PeriodPicker';
import { lastMonth, periodProblem, saveFile, type Period } from '../compliance/period';

type Report = Answer<'/v1/transparency/report', 'get'>;
type Count = { key: string; count: number };
type Format = ReturnType<typeof useFormat>;
/** What a person reads for a key of the report (a category, an outcome, an action). */
type Label = (key: string) => string;

const BREACHED = '#c92a2a';
const ON_TIME = '#2b8a3e';
const OPEN = '#e8590c';

/**
 * The transparency report of a period (GET /v1/transparency/report): the sections of the EU's
 * template (Implementing Regulation (EU) 2024/2835) as cards with a chart and the same figures as
 * tables, then the Indonesian view of the authorities' orders. JSON and CSV as the API gives them.
 */
export function TransparencyPage() {
  const { t } = useTranslation(['transparency', 'compliance', 'common']);
  const format = useFormat();
  const [period, setPeriod] = useState<Period>(() => lastMonth());
  const valid = periodProblem(period) === null;
  const query = { from: period.from, to: period.to, zone: 'WIB' as const };
  const report = useQuery({
    queryKey: ['transparency-report', period.from, period.to],
    enabled: valid,
    queryFn: async () => {
      const bytes = await data(api.GET('/v1/transparency/report', { params: { query }, parseAs: 'arrayBuffer' }));
      return { bytes, report: JSON.parse(new TextDecoder().decode(bytes)) as Report };
    },
  });
  const base = `saring-transparency-report-${period.from}-${period.to}`;
  const downloadCsv = async () => {
    try {
      const bytes = await data(api.GET('/v1/transparency/report', { params: { query: { ...query, format: 'csv' } }, parseAs: 'arrayBuffer' }));
      saveFile(bytes, `${base}.csv`, 'text/csv');
    } catch (err) {
      notifications.show({ color: 'red', message: errorText(t, err) });
    }
  };
  const r = report.data?.report;

  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Text size="sm">{t('intro')}</Text>
      <PeriodPicker value={period} onChange={setPeriod} />
      <Group gap="sm">
        <Button leftSection={<IconDownload size={16} aria-hidden />} onClick={() => report.data && saveFile(report.data.bytes, `${base}.json`, 'application/json')} disabled={!report.data}>
          {t('downloadJson')}
        </Button>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void downloadCsv()} disabled={!valid}>
          {t('downloadCsv')}
        </Button>
      </Group>
      {report.isLoading && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('loading')}</Text>
        </Group>
      )}
      {report.error && (
        <Alert color="red" role="alert">
          {errorText(t, report.error)}
        </Alert>
      )}
      {r && <ReportView r={r} format={format} />}
    </Stack>
  );
}

function ReportView({ r, format }: { r: Report; format: Format }) {
  const { t } = useTranslation('transparency');
  const s = r.sections;
  const id = r.indonesia;
  const key: Label = (k) => t(`keys.${k}`, { defaultValue: k });
  const category: Label = (c) => t(`categories.${c}`, { defaultValue: c });
  const hours = (h: number | null) => (h === null ? t('noData') : format.duration(h * 3_600_000));
  const rate = (x: number | null) => (x === null ? t('noData') : format.percent(x));
  const rupiah = new Intl.NumberFormat(format.locale, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
  const entries = (o: Record<string, number>): Count[] => Object.entries(o).map(([k, count]) => ({ key: k, count }));

  const charts = useMemo(
    () => ({
      orders: barChart(s.orders.byCategory.map((c) => category(c.key)), [{ name: t('orders.orders'), data: s.orders.byCategory.map((c) => c.count) }]),
      notices: barChart(s.notices.byCategory.map((c) => category(c.key)), [{ name: t('notices.notices'), data: s.notices.byCategory.map((c) => c.count) }]),
      detection: barChart(s.ownInitiative.byDetection.map((c) => key(c.key)), [{ name: t('ownInitiative.decisions'), data: s.ownInitiative.byDetection.map((c) => c.count) }]),
      complaints: barChart(
        ['upheld', 'overturned', 'pending'].map(key),
        [{ name: t('complaints.complaints'), data: [s.complaints.byOutcome.upheld, s.complaints.byOutcome.overturned, s.complaints.byOutcome.pending] }],
      ),
      accuracy: barChart(
        s.automatedMeans.byCategory.map((c) => category(c.category)),
        [
          { name: t('automatedMeans.confirmed'), data: s.automatedMeans.byCategory.map((c) => c.confirmed), color: ON_TIME, stack: 'reviewed' },
          { name: t('automatedMeans.reversed'), data: s.automatedMeans.byCategory.map((c) => c.reversed), color: BREACHED, stack: 'reviewed' },
        ],
      ),
      accounts: barChart(s.accountActions.byAction.map((c) => key(c.key)), [{ name: t('accountActions.actions'), data: s.accountActions.byAction.map((c) => c.count) }]),
      indonesia: barChart(
        id.byCategory.map((c) => category(c.category)),
        [
          { name: t('indonesia.onTime'), data: id.byCategory.map((c) => c.onTime), color: ON_TIME, stack: 'orders' },
          { name: t('indonesia.breached'), data: id.byCategory.map((c) => c.breached), color: BREACHED, stack: 'orders' },
          { name: t('indonesia.open'), data: id.byCategory.map((c) => c.open), color: OPEN, stack: 'orders' },
        ],
      ),
    }),
    // The labels change with the language; the figures with the report.
    [r, t],
  );

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {new Date(r.period.end) > new Date(r.generatedAt) ? t('notOver', { at: format.dateTime(r.generatedAt) }) : t('generatedAt', { at: format.dateTime(r.generatedAt) })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Stat label={t('headline.orders')} value={format.number(s.orders.orders)} />
        <Stat label={t('headline.notices')} value={format.number(s.notices.notices)} />
        <Stat label={t('headline.ownInitiative')} value={format.number(s.ownInitiative.decisions)} />
        <Stat label={t('headline.complaints')} value={format.number(s.complaints.complaints)} />
        <Stat label={t('headline.automated')} value={format.number(s.automatedMeans.automatedDecisions)} />
        <Stat label={t('headline.accountActions')} value={format.number(s.accountActions.actions)} />
      </SimpleGrid>

      <ReportCard title={t('indonesia.title')} description={t('indonesia.description')}>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Stat label={t('indonesia.ordersReceived')} value={format.number(id.ordersReceived)} />
          <Stat label={t('indonesia.onTimeRate')} value={rate(id.onTimeRate)} />
          <Stat label={t('indonesia.breached')} value={format.number(id.breached)} />
          <Stat label={t('indonesia.clarifications')} value={format.number(id.clarifications)} />
        </SimpleGrid>
        <Figures
          empty={t('none')}
          caption={t('indonesia.byUrgency')}
          head={[t('indonesia.clock'), t('indonesia.ordersReceived'), t('indonesia.onTime'), t('indonesia.breached'), t('indonesia.open'), t('indonesia.onTimeRate')]}
          rows={(['urgent', 'standard'] as const).map((u) => {
            const x = id.byUrgency[u];
            return [`${t(`indonesia.${u}`)} (${t('indonesia.within', { time: format.duration(x.deadlineHours * 3_600_000) })})`, format.number(x.orders), format.number(x.onTime), format.number(x.breached), format.number(x.open), rate(x.onTimeRate)];
          })}
        />
        <Facts
          items={[
            [t('indonesia.warnings'), t('indonesia.warningsValue', { st1: format.number(id.warnings.st1), st2: format.number(id.warnings.st2), st3: format.number(id.warnings.st3) })],
            [t('indonesia.fines'), t('indonesia.finesValue', { count: id.fines, n: format.number(id.fines), total: rupiah.format(id.finesIdr) })],
          ]}
        />
        {id.byCategory.length > 0 && <Chart option={charts.indonesia} label={t('indonesia.chart')} height={220} />}
        <Figures
          empty={t('none')}
          caption={t('indonesia.byCategory')}
          head={[t('category'), t('indonesia.ordersReceived'), t('indonesia.onTime'), t('indonesia.breached'), t('indonesia.open'), t('indonesia.onTimeRate')]}
          rows={id.byCategory.map((c) => [category(c.category), format.number(c.orders), format.number(c.onTime), format.number(c.breached), format.number(c.open), rate(c.onTimeRate)])}
        />
      </ReportCard>

      <ReportCard title={t('orders.title')} description={t('orders.description')}>
        <Facts
          items={[
            [t('orders.orders'), format.number(s.orders.orders)],
            [t('orders.urgent'), format.number(s.orders.urgent)],
            [t('orders.targets'), format.number(s.orders.targets)],
            [t('medianToAct'), hours(s.orders.medianHoursToAct)],
          ]}
        />
        {s.orders.byCategory.length > 0 && <Chart option={charts.orders} label={t('orders.chart')} height={200} />}
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Counts caption={t('orders.byCategory')} counts={s.orders.byCategory} label={category} format={format} />
          <Counts caption={t('orders.byOrganisation')} counts={s.orders.byOrganisation} label={(k) => k} format={format} />
          <Counts caption={t('orders.targetsByStatus')} counts={entries(s.orders.targetsByStatus)} label={key} format={format} />
        </SimpleGrid>
      </ReportCard>

      <ReportCard title={t('notices.title')} description={t('notices.description')}>
        <Facts
          items={[
            [t('notices.notices'), format.number(s.notices.notices)],
            [t('medianToAction'), hours(s.notices.medianHoursToAction)],
          ]}
        />
        {s.notices.byCategory.length > 0 && <Chart option={charts.notices} label={t('notices.chart')} height={200} />}
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Counts caption={t('notices.byCategory')} counts={s.notices.byCategory} label={category} format={format} />
          <Counts caption={t('notices.byReporterType')} counts={s.notices.byReporterType} label={key} format={format} />
          <Counts caption={t('notices.byOutcome')} counts={entries(s.notices.byOutcome)} label={key} format={format} />
        </SimpleGrid>
      </ReportCard>

      <ReportCard title={t('ownInitiative.title')} description={t('ownInitiative.description')}>
        <Facts
          items={[
            [t('ownInitiative.decisions'), format.number(s.ownInitiative.decisions)],
            [t('ownInitiative.automatedDetection'), format.number(s.ownInitiative.automatedDetection)],
            [t('ownInitiative.automatedDecision'), format.number(s.ownInitiative.automatedDecision)],
          ]}
        />
        {s.ownInitiative.byDetection.length > 0 && <Chart option={charts.detection} label={t('ownInitiative.chart')} height={200} />}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Counts caption={t('ownInitiative.byDetection')} counts={s.ownInitiative.byDetection} label={key} format={format} />
          <Counts caption={t('ownInitiative.byAutomation')} counts={s.ownInitiative.byAutomation} label={key} format={format} />
          <Counts caption={t('ownInitiative.byCategory')} counts={s.ownInitiative.byCategory} label={category} format={format} />
          <Counts caption={t('ownInitiative.byAction')} counts={s.ownInitiative.byAction} label={key} format={format} />
        </SimpleGrid>
      </ReportCard>

      <ReportCard title={t('complaints.title')} description={t('complaints.description')}>
        <Facts
          items={[
            [t('complaints.complaints'), format.number(s.complaints.complaints)],
            [t('complaints.overturnRate'), rate(s.complaints.overturnRate)],
            [t('medianToDecide'), hours(s.complaints.medianHoursToDecide)],
          ]}
        />
        {s.complaints.complaints > 0 && <Chart option={charts.complaints} label={t('complaints.chart')} height={180} />}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Counts caption={t('complaints.byOutcome')} counts={entries(s.complaints.byOutcome)} label={key} format={format} />
          <Counts caption={t('complaints.byCategory')} counts={s.complaints.byCategory} label={category} format={format} />
        </SimpleGrid>
      </ReportCard>

      <ReportCard title={t('automatedMeans.title')} description={t('automatedMeans.description')}>
        <Facts
          items={[
            [t('automatedMeans.automatedDecisions'), format.number(s.automatedMeans.automatedDecisions)],
            [t('automatedMeans.reviewed'), format.number(s.automatedMeans.reviewed)],
            [t('automatedMeans.errorRate'), rate(s.automatedMeans.errorRate)],
            [t('automatedMeans.flagged'), format.number(s.automatedMeans.flagged)],
            [t('automatedMeans.flagPrecision'), rate(s.automatedMeans.flagPrecision)],
          ]}
        />
        {s.automatedMeans.reviewed > 0 && <Chart option={charts.accuracy} label={t('automatedMeans.chart')} height={200} />}
        <Figures
          empty={t('none')}
          caption={t('automatedMeans.byCategory')}
          head={[
            t('category'),
            t('automatedMeans.automatedDecisions'),
            t('automatedMeans.reviewed'),
            t('automatedMeans.confirmed'),
            t('automatedMeans.reversed'),
            t('automatedMeans.errorRate'),
            t('automatedMeans.flagged'),
            t('automatedMeans.flagsConfirmed'),
            t('automatedMeans.flagsDismissed'),
            t('automatedMeans.flagPrecision'),
          ]}
          rows={s.automatedMeans.byCategory.map((c) => [
            category(c.category),
            format.number(c.automatedDecisions),
            format.number(c.reviewed),
            format.number(c.confirmed),
            format.number(c.reversed),
            rate(c.errorRate),
            format.number(c.flagged),
            format.number(c.flagsConfirmed),
            format.number(c.flagsDismissed),
            rate(c.flagPrecision),
          ])}
        />
      </ReportCard>

      <ReportCard title={t('accountActions.title')} description={t('accountActions.description')}>
        <Facts
          items={[
            [t('accountActions.actions'), format.number(s.accountActions.actions)],
            [t('accountActions.accounts'), format.number(s.accountActions.accounts)],
            [t('accountActions.strikes'), format.number(s.accountActions.strikes)],
            [t('accountActions.strikesRemoved'), format.number(s.accountActions.strikesRemoved)],
          ]}
        />
        {s.accountActions.byAction.length > 0 && <Chart option={charts.accounts} label={t('accountActions.chart')} height={180} />}
        <Counts caption={t('accountActions.byAction')} counts={s.accountActions.byAction} label={key} format={format} />
      </ReportCard>
    </Stack>
  );
}

/** A section's headline figures on one line each. */
function Facts({ items }: { items: [string, string][] }) {
  return (
    <Group gap="xl">
      {items.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={700}>{value}</Text>
        </div>
      ))}
    </Group>
  );
}

/** Counts by some key, with each one's share of the whole. */
function Counts({ caption, counts, label, format }: { caption: string; counts: Count[]; label: Label; format: Format }) {
  const { t } = useTranslation('transparency');
  const total = counts.reduce((a, c) => a + c.count, 0);
  return (
    <Figures
      empty={t('none')}
      caption={caption}
      head={[caption, t('count'), t('share')]}
      rows={[...counts].sort((a, b) => b.count - a.count).map((c) => [label(c.key), format.number(c.count), total ? format.percent(c.count / total) : t('noData')])}
      hideCaption
    />
  );
}
