import { Anchor, Code, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../components/Chart';
import { barChart, Figures, ReportCard, Stat } from '../../components/Figures';
import { useFormat } from '../../i18n/format';
import { ACTIONS, type Agreement, type SweepReport } from './api';

/** Colours per action, dark enough to read on white (mildest to strictest). */
const ACTION_HEX: Record<string, string> = { allow: '#2b8a3e', restrict_16: '#1c7ed6', restrict_18: '#5f3dc4', review: '#e8590c', remove: '#c92a2a' };

/** An action's name (or "not scanned" for an item with no earlier scan). */
export function actionLabel(t: TFunction<any, any>, action: string | null | undefined): string {
  return action ? t(`sweeps:actions.${action}`, { defaultValue: action }) : t('sweeps:actions.none');
}

/** The report's actions in the policy's order, then any other the report names. */
function orderedActions(counts: Record<string, number>): string[] {
  return [...ACTIONS.filter((a) => a in counts), ...Object.keys(counts).filter((a) => !(ACTIONS as readonly string[]).includes(a))];
}

/** A precision or recall (null where nothing was predicted or decided). */
function ratio(format: ReturnType<typeof useFormat>, value: number | null | undefined) {
  return value === null || value === undefined ? '–' : format.percent(value);
}

/**
 * A sweep's report on screen: headline figures, counts by category and by action (charts and the
 * same figures as tables), the transitions against the current state with samples of each, the
 * agreement with people's decisions, what an apply sweep did, and the report's SHA-256.
 */
export function ReportView({ report: r }: { report: SweepReport }) {
  const { t } = useTranslation(['sweeps', 'common']);
  const format = useFormat();
  const categories = Object.entries(r.counts.byCategory).sort(([, a], [, b]) => b - a);
  const actions = orderedActions(r.counts.byAction);
  const changed = r.transitions.reduce((n, x) => n + x.count, 0);
  const categoryChart = useMemo(() => barChart(categories.map(([c]) => t(`categories.${c}`, { defaultValue: c })), [{ name: t('report.items'), data: categories.map(([, n]) => n), color: '#1c7ed6' }]), [categories, t]);
  const actionChart = useMemo(
    () => barChart(actions.map((a) => actionLabel(t, a)), [{ name: t('report.items'), data: actions.map((a) => ({ value: r.counts.byAction[a] ?? 0, itemStyle: { color: ACTION_HEX[a] ?? '#495057' } })) }]),
    [actions, r, t],
  );
  const s = r.sweep;

  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label={t('report.scanned')} value={format.number(s.progress.processed)} />
        <Stat label={t('report.changed')} value={format.number(changed)} />
        <Stat label={t('report.agreementCandidate')} value={r.agreement ? ratio(format, r.agreement.candidate.precision) : '–'} />
        <Stat label={s.mode === 'apply' ? t('report.actedDecisions') : t('report.dryRun')} value={s.mode === 'apply' && r.acted ? format.number(r.acted.decisions) : '–'} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <ReportCard title={t('report.byCategory')} description={t('report.byCategoryHelp')}>
          {categories.length > 0 && <Chart option={categoryChart} label={t('report.byCategory')} height={220} />}
          <Figures caption={t('report.byCategory')} hideCaption head={[t('report.category'), t('report.items')]} rows={categories.map(([c, n]) => [t(`categories.${c}`, { defaultValue: c }), format.number(n)])} empty={t('report.noneFound')} />
        </ReportCard>
        <ReportCard title={t('report.byAction')} description={t('report.byActionHelp')}>
          {actions.length > 0 && <Chart option={actionChart} label={t('report.byAction')} height={220} />}
          <Figures caption={t('report.byAction')} hideCaption head={[t('report.action'), t('report.items')]} rows={actions.map((a) => [actionLabel(t, a), format.number(r.counts.byAction[a] ?? 0)])} empty={t('report.noneFound')} />
        </ReportCard>
      </SimpleGrid>
      <ReportCard title={t('report.transitions')} description={t('report.transitionsHelp')}>
        <Table verticalSpacing={4} fz="sm" withTableBorder aria-label={t('report.transitions')} maw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('report.from')}</Table.Th>
              <Table.Th>{t('report.to')}</Table.Th>
              <Table.Th ta="right">{t('report.items')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.transitions.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>{t('report.noTransitions')}</Table.Td>
              </Table.Tr>
            )}
            {r.transitions.map((x) => (
              <Table.Tr key={`${x.from}-${x.to}`} data-transition={`${x.from}>${x.to}`}>
                <Table.Td>{actionLabel(t, x.from)}</Table.Td>
                <Table.Td>
                  <span aria-hidden>→ </span>
                  {actionLabel(t, x.to)}
                </Table.Td>
                <Table.Td ta="right">{format.number(x.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ReportCard>
      {r.samples.length > 0 && (
        <ReportCard title={t('report.samples')} description={t('report.samplesHelp')}>
          {r.samples.map((group) => (
            <Stack key={`${group.from}-${group.to}`} gap={4}>
              <Title order={3} size="h5">
                {t('report.transition', { from: actionLabel(t, group.from), to: actionLabel(t, group.to) })}
              </Title>
              <ScrollArea viewportProps={{ tabIndex: 0 }}>
                <Table verticalSpacing={4} fz="sm" withTableBorder aria-label={t('report.transition', { from: actionLabel(t, group.from), to: actionLabel(t, group.to) })}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('report.content')}</Table.Th>
                      <Table.Th>{t('report.excerpt')}</Table.Th>
                      <Table.Th>{t('report.category')}</Table.Th>
                      <Table.Th ta="right">{t('report.score')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {group.items.map((item) => (
                      <Table.Tr key={item.contentId}>
                        <Table.Td style={{ overflowWrap: 'anywhere' }} miw={140}>
                          <Anchor href={`/v1/content/${item.contentId}`} target="_blank" rel="noreferrer" size="sm">
                            {item.externalId}
                          </Anchor>
                        </Table.Td>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{item.excerpt}</Table.Td>
                        <Table.Td>{item.category ? t(`categories.${item.category}`, { defaultValue: item.category }) : '–'}</Table.Td>
                        <Table.Td ta="right">{item.score === null || item.score === undefined ? '–' : format.percent(item.score)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            </Stack>
          ))}
        </ReportCard>
      )}
      <ReportCard title={t('report.agreement')} description={t('report.agreementHelp')}>
        {r.agreement ? <AgreementTable agreement={r.agreement} /> : <Text size="sm">{t('report.noHumanDecisions')}</Text>}
      </ReportCard>
      {r.acted && (
        <ReportCard title={t('report.acted')} description={t('report.actedHelp')}>
          <Figures
            caption={t('report.acted')}
            hideCaption
            head={[t('report.what'), t('report.items')]}
            rows={[
              [t('report.actedDecisionsRow'), format.number(r.acted.decisions)],
              [t('report.actedReviews'), format.number(r.acted.reviews)],
              [t('report.keptHuman'), format.number(r.acted.keptHuman)],
              [t('report.wouldLift'), format.number(r.acted.wouldLift)],
            ]}
            empty={t('report.noneFound')}
          />
        </ReportCard>
      )}
      <Paper withBorder p="sm">
        <Text size="sm">
          {t('report.generatedAt', { date: format.dateTime(r.generatedAt) })} · {t('report.sha256')} <Code style={{ overflowWrap: 'anywhere' }}>{r.sha256}</Code>
        </Text>
      </Paper>
    </Stack>
  );
}

/** Precision and recall of the candidate's and the current state's verdicts against people's decisions. */
export function AgreementTable({ agreement: a }: { agreement: Agreement }) {
  const { t } = useTranslation(['sweeps', 'common']);
  const format = useFormat();
  const row = (name: string, m: Agreement['candidate']) => [name, ratio(format, m.precision), ratio(format, m.recall), format.number(m.tp), format.number(m.fp), format.number(m.fn)];
  return (
    <Stack gap="xs">
      <Text size="sm">{t('report.decided', { count: a.decided, n: format.number(a.decided) })}</Text>
      <Figures
        caption={t('report.agreement')}
        hideCaption
        head={[t('report.verdicts'), t('report.precision'), t('report.recall'), t('report.tp'), t('report.fp'), t('report.fn')]}
        rows={[row(t('report.candidate'), a.candidate), row(t('report.current'), a.current)]}
        empty={t('report.noHumanDecisions')}
      />
    </Stack>
  );
}
