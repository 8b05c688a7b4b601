import { Alert, Anchor, Button, Group, Modal, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFileText, IconPlayerPause, IconPlayerPlay, IconPlayerStop } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { Stat } from '../../components/Figures';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { useSweep, useSweepCommand, useSweepReport, type Sweep, type SweepCommand } from './api';
import { etaText, FilterSummary, ModeBadge, share, StatusBadge, useWho } from './labels';
import { ReportView } from './ReportView';
import './sweeps.css';

/** One sweep: what it scans and with what, its progress live while it runs, the controls, and its report once done. */
export function SweepPage() {
  const { t } = useTranslation(['sweeps', 'common']);
  const format = useFormat();
  const { id = '' } = useParams();
  const sweep = useSweep(id);
  const s = sweep.data;
  const done = !!s && (s.status === 'finished' || s.status === 'cancelled' || s.status === 'failed');
  // The report is asked for once the sweep has stopped (and again should its state change).
  const report = useSweepReport(id, s ? `${s.status}:${s.progress.processed}` : '', done);

  return (
    <Stack>
      <Anchor component={Link} to="/sweeps" size="sm" className="no-print">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t('detail.back')}
        </Group>
      </Anchor>
      {sweep.error && <Alert color="red">{errorText(t, sweep.error)}</Alert>}
      {s && (
        <>
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Title order={1}>{t(`detail.title.${s.mode}`, { date: format.dateTime(s.createdAt) })}</Title>
              <Group gap="xs">
                <ModeBadge mode={s.mode} />
                <StatusBadge status={s.status} />
              </Group>
            </Stack>
            <Controls sweep={s} />
          </Group>
          <Facts sweep={s} />
          <ProgressPanel sweep={s} />
          {done && (
            <>
              {s.status !== 'finished' && (
                <Alert color="yellow" variant="light">
                  {t('detail.partial')}
                </Alert>
              )}
              {report.error && <Alert color="red">{errorText(t, report.error)}</Alert>}
              {report.data && (
                <>
                  <Group gap="sm">
                    <Button component={Link} to={`/sweeps/${s.id}/report`} leftSection={<IconFileText size={16} aria-hidden />}>
                      {t('detail.document')}
                    </Button>
                  </Group>
                  <ReportView report={report.data.report} />
                </>
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
}

/** What the sweep scans, with what, and who asked for it. */
function Facts({ sweep: s }: { sweep: Sweep }) {
  const { t } = useTranslation(['sweeps', 'common']);
  const format = useFormat();
  const lexicons = Object.entries(s.candidate?.lexicons ?? {});
  const who = useWho();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sweep-facts">
      <Title order={2} size="h4" id="sweep-facts" mb="xs">
        {t('detail.facts')}
      </Title>
      <dl className="sweep-facts">
        <dt>{t('detail.policy')}</dt>
        <dd className="sweep-code">{s.policyVersion}</dd>
        {s.candidate?.policy && (
          <>
            <dt>{t('detail.candidatePolicy')}</dt>
            <dd className="sweep-code">{'version' in s.candidate.policy ? t('detail.storedPolicy', { version: s.candidate.policy.version }) : t('detail.pastedPolicy', { sha256: s.candidate.policy.sha256 })}</dd>
          </>
        )}
        {lexicons.length > 0 && (
          <>
            <dt>{t('detail.candidateLexicons')}</dt>
            <dd>{lexicons.map(([name, v]) => t('detail.lexiconVersion', { name, version: v })).join(', ')}</dd>
          </>
        )}
        <dt>{t('detail.filter')}</dt>
        <dd>
          <FilterSummary filter={s.filter} />
        </dd>
        {s.mode === 'apply' && (
          <>
            <dt>{t('detail.overrideHuman')}</dt>
            <dd>{s.overrideHuman ? t('detail.overrideYes') : t('detail.overrideNo')}</dd>
          </>
        )}
        {s.note && (
          <>
            <dt>{t('detail.note')}</dt>
            <dd>{s.note}</dd>
          </>
        )}
        <dt>{t('detail.createdBy')}</dt>
        <dd>{who(s)}</dd>
        <dt>{t('detail.created')}</dt>
        <dd>{format.dateTime(s.createdAt)}</dd>
        {s.startedAt && (
          <>
            <dt>{t('detail.startedAt')}</dt>
            <dd>{format.dateTime(s.startedAt)}</dd>
          </>
        )}
        {s.finishedAt && (
          <>
            <dt>{t('detail.finishedAt')}</dt>
            <dd>{format.dateTime(s.finishedAt)}</dd>
          </>
        )}
      </dl>
      {s.error && (
        <Alert color="red" mt="sm" title={t('detail.error')}>
          {errorText(t, new ApiError(500, s.error.code, s.error.message))}
        </Alert>
      )}
    </Paper>
  );
}

/** Processed of total, the speed, the time left and the ranges done — refreshed every second while it runs. */
function ProgressPanel({ sweep: s }: { sweep: Sweep }) {
  const { t } = useTranslation(['sweeps', 'common']);
  const format = useFormat();
  const p = s.progress;
  // While it runs, the speed since it (re)started; once ended, the average over its run.
  const ran = s.startedAt && s.finishedAt ? (Date.parse(s.finishedAt) - Date.parse(s.startedAt)) / 1000 : 0;
  const rate = s.status === 'running' ? p.ratePerSecond : ran > 0 && p.processed > 0 ? p.processed / ran : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sweep-progress">
      <Title order={2} size="h4" id="sweep-progress" mb="xs">
        {t('detail.progress')}
      </Title>
      <Progress
        size={22}
        aria-hidden
        value={share(p) * 100}
        color={s.status === 'failed' ? 'red' : s.status === 'finished' ? 'teal' : s.status === 'paused' ? 'yellow' : 'blue'}
        animated={s.status === 'running'}
        striped={s.status === 'running'}
      />
      <Text size="sm" mt={6} role="status" data-testid="sweep-processed">
        {t('progress.of', { processed: format.number(p.processed), total: format.number(p.total) })} · {format.percent(share(p))}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} mt="sm">
        <Stat label={s.finishedAt ? t('progress.averageRate') : t('progress.rate')} value={rate === null ? '–' : t('progress.perSecond', { rate: format.number(Math.round(rate)) })} />
        <Stat label={t('progress.eta')} value={etaText(t, format, s)} />
        <Stat label={t('progress.ranges')} value={t('progress.rangesValue', { done: format.number(p.ranges.done), total: format.number(p.ranges.total) })} />
        <Stat label={t('progress.changed')} value={format.number(p.changed)} />
        <Stat label={t('progress.acted')} value={s.mode === 'apply' ? format.number(p.acted) : t('progress.dryRun')} />
        <Stat label={s.finishedAt ? t('progress.ranFor') : t('progress.elapsed')} value={s.startedAt ? format.duration((s.finishedAt ? Date.parse(s.finishedAt) : Date.now()) - Date.parse(s.startedAt)) : '–'} />
      </SimpleGrid>
      {s.status === 'finished' && p.total === 0 && (
        <Text size="sm" mt="sm">
          {t('detail.nothingMatched')}
        </Text>
      )}
    </Paper>
  );
}

/** Pause, resume, cancel (cancel confirmed first) for sweeps:run; others are told why there are none. */
function Controls({ sweep: s }: { sweep: Sweep }) {
  const { t } = useTranslation(['sweeps', 'common']);
  const { can } = useSession();
  const command = useSweepCommand(s.id);
  const [cancelling, setCancelling] = useState(false);
  const live = s.status === 'queued' || s.status === 'running' || s.status === 'paused';
  if (!live) return null;
  if (!can('sweeps:run'))
    return (
      <Text size="sm" c="dimmed" maw={360} className="no-print">
        {t('detail.noControls')}
      </Text>
    );
  const run = (c: SweepCommand) => command.mutate(c, { onSettled: () => setCancelling(false) });
  return (
    <Stack gap={4} align="flex-end" className="no-print">
      <Group gap="sm">
        {s.status === 'paused' ? (
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => run('resume')} loading={command.isPending && command.variables === 'resume'}>
            {t('detail.resume')}
          </Button>
        ) : (
          <Button variant="default" leftSection={<IconPlayerPause size={16} aria-hidden />} onClick={() => run('pause')} loading={command.isPending && command.variables === 'pause'}>
            {t('detail.pause')}
          </Button>
        )}
        <Button color="red" variant="outline" leftSection={<IconPlayerStop size={16} aria-hidden />} onClick={() => setCancelling(true)}>
          {t('detail.cancel')}
        </Button>
      </Group>
      {command.error && (
        <Text size="sm" c="red.8" role="alert">
          {errorText(t, command.error)}
        </Text>
      )}
      <Modal opened={cancelling} onClose={() => setCancelling(false)} title={t('detail.cancelTitle')} closeButtonProps={{ 'aria-label': t('detail.keepRunning') }}>
        <Stack>
          <Text size="sm">{s.mode === 'apply' ? t('detail.cancelApply') : t('detail.cancelBacktest')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(false)}>
              {t('detail.keepRunning')}
            </Button>
            <Button color="red" onClick={() => run('cancel')} loading={command.isPending && command.variables === 'cancel'}>
              {t('detail.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
