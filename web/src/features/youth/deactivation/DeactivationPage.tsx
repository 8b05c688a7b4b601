import { Alert, Badge, Button, Checkbox, Group, Modal, Paper, ScrollArea, SegmentedControl, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconCalculator, IconPlayerPlay } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../components/Chart';
import { errorText } from '../../../components/errors';
import { useFormat } from '../../../i18n/format';
import { PHASES, REASONS, usePlanMutation, usePlans, useProgrammeAccounts, useSummary, type Phase, type PlanResult, type Reason } from './api';

const PHASE_COLOURS: Record<Phase, string> = { reverification_requested: 'blue', transition_notice: 'orange', deactivated: 'red', cleared: 'teal' };
/** The chart's bar colours: dark enough to read on white. */
const PHASE_HEX: Record<Phase, string> = { reverification_requested: '#1c7ed6', transition_notice: '#d9480f', deactivated: '#c92a2a', cleared: '#0b7285' };

/**
 * The under-16 deactivation programme (Permenkomdigi 9/2026): how many accounts are in each phase,
 * the plans with their dates, the accounts of a phase, and a new plan — counted first, then started.
 */
export function DeactivationPage() {
  const { t } = useTranslation(['deactivation', 'common']);
  const format = useFormat();
  const summary = useSummary();
  const s = summary.data;
  const chart = useMemo(
    () =>
      s && {
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: PHASES.map((p) => t(`phases.${p}`)), axisLabel: { interval: 0 } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: t('accountsLabel'), type: 'bar', data: PHASES.map((p) => ({ value: s.phases[p], itemStyle: { color: PHASE_HEX[p] } })) }],
      },
    [s, t],
  );

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={2}>{t('title')}</Title>
        <Text size="sm">{t('intro')}</Text>
      </Stack>
      {summary.error && <Alert color="red">{errorText(t, summary.error)}</Alert>}
      {s && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {PHASES.map((p) => (
              <Paper key={p} withBorder p="sm">
                <Text size="sm" c="dimmed">
                  {t(`phases.${p}`)}
                </Text>
                <Text fz={28} fw={700} data-testid={`phase-${p}`}>
                  {format.number(s.phases[p])}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="xs">
              {t('progress')}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t('settings', { verificationDays: s.settings.verificationDays, noticeDays: s.settings.noticeDays, minimumAge: s.settings.minimumAge })}
            </Text>
            {chart && <Chart option={chart} label={t('chartLabel')} height={220} />}
            <Text size="sm">{t('clearedFrom', { reverification: format.number(s.clearedFrom.reverification_requested), notice: format.number(s.clearedFrom.transition_notice), deactivated: format.number(s.clearedFrom.deactivated) })}</Text>
          </Paper>
        </>
      )}
      <NewPlan />
      <Plans />
      <Accounts />
    </Stack>
  );
}

function NewPlan() {
  const { t } = useTranslation(['deactivation', 'common']);
  const format = useFormat();
  const [reasons, setReasons] = useState<Reason[]>([...REASONS]);
  const [note, setNote] = useState('');
  const [counted, setCounted] = useState<PlanResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [started, setStarted] = useState<PlanResult | null>(null);
  const mutation = usePlanMutation();
  const body = { reasons, ...(note.trim() ? { note: note.trim() } : {}) };
  const count = () => mutation.mutate({ ...body, dryRun: true }, { onSuccess: (r) => (setCounted(r), setStarted(null)) });
  const start = () =>
    mutation.mutate(body, {
      onSuccess: (r) => {
        setStarted(r);
        setCounted(null);
        setConfirming(false);
        setNote('');
      },
    });
  const p = counted?.preview;

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb={4}>
        {t('new.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('new.intro')}
      </Text>
      <Stack gap="xs">
        <Checkbox.Group label={t('new.reasons')} value={reasons} onChange={(v) => (setReasons(v as Reason[]), setCounted(null))}>
          <Stack gap={4} mt={4}>
            {REASONS.map((r) => (
              <Checkbox key={r} value={r} label={t(`reasons.${r}`)} description={t(`reasonHelp.${r}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea label={t('new.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={1} />
        <Group>
          <Button variant="default" leftSection={<IconCalculator size={16} aria-hidden />} onClick={count} loading={mutation.isPending && !confirming} disabled={reasons.length === 0}>
            {t('new.count')}
          </Button>
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => setConfirming(true)} disabled={!p || p.accounts === 0}>
            {t('new.start')}
          </Button>
        </Group>
        {mutation.error && <Alert color="red">{errorText(t, mutation.error)}</Alert>}
        {p && (
          <Alert color="blue" title={t('new.countedTitle')} role="status">
            <Stack gap={4}>
              {p.reasons.map((r) => (
                <Text key={r} size="sm">
                  {t(`reasons.${r}`)}: <b>{format.number(p.found[r])}</b>
                </Text>
              ))}
              <Text size="sm">{t('new.counted', { accounts: format.number(p.accounts), already: format.number(p.alreadyInProgramme) })}</Text>
              {p.remaining > 0 && <Text size="sm">{t('new.remaining', { count: p.remaining })}</Text>}
            </Stack>
          </Alert>
        )}
        {started && (
          <Alert color={started.plan ? 'teal' : 'gray'} role="status">
            {started.plan ? t('new.started', { accounts: format.number(started.plan.accounts), verifyBy: format.date(started.plan.verifyBy) }) : t('new.nothing')}
          </Alert>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('new.confirmTitle')}>
        <Stack>
          <Text size="sm">{p && t('new.confirm', { count: p.accounts, verificationDays: p.settings.verificationDays, noticeDays: p.settings.noticeDays })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common:cancel')}
            </Button>
            <Button color="red" onClick={start} loading={mutation.isPending}>
              {t('new.startConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function Plans() {
  const { t } = useTranslation(['deactivation', 'common']);
  const format = useFormat();
  const plans = usePlans();
  const rows = plans.data?.plans ?? [];
  return (
    <Paper withBorder>
      <Title order={3} size="h4" p="md" pb={0}>
        {t('plans.title')}
      </Title>
      {plans.error && <Alert color="red">{errorText(t, plans.error)}</Alert>}
      <ScrollArea>
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t('plans.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plans.started')}</Table.Th>
              <Table.Th>{t('plans.accounts')}</Table.Th>
              <Table.Th>{t('plans.verifyBy')}</Table.Th>
              <Table.Th>{t('plans.deactivateFrom')}</Table.Th>
              {PHASES.map((p) => (
                <Table.Th key={p}>{t(`phases.${p}`)}</Table.Th>
              ))}
              <Table.Th>{t('plans.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text size="sm">{format.dateTime(p.createdAt)}</Text>
                  <Text size="xs" c="dimmed">
                    {p.createdByName ?? p.createdBy}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {format.number(p.accounts)}
                  {p.requestsPending > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('plans.pending', { count: p.requestsPending })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{format.date(p.verifyBy)}</Table.Td>
                <Table.Td>{format.date(p.deactivateFrom)}</Table.Td>
                {PHASES.map((ph) => (
                  <Table.Td key={ph}>{format.number(p.phases[ph])}</Table.Td>
                ))}
                <Table.Td>{p.note ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {plans.isSuccess && rows.length === 0 && (
        <Text p="md" c="dimmed">
          {t('plans.empty')}
        </Text>
      )}
    </Paper>
  );
}

function Accounts() {
  const { t } = useTranslation(['deactivation', 'common']);
  const format = useFormat();
  const [phase, setPhase] = useState<Phase | 'all'>('all');
  const accounts = useProgrammeAccounts(phase === 'all' ? null : phase);
  const rows = accounts.data?.pages.flatMap((p) => p.accounts) ?? [];
  const date = (iso: string | null) => (iso ? format.date(iso) : '–');
  return (
    <Paper withBorder>
      <Group justify="space-between" p="md" pb={0}>
        <Title order={3} size="h4">
          {t('accounts.title')}
        </Title>
        <SegmentedControl
          aria-label={t('accounts.filter')}
          value={phase}
          onChange={(v) => setPhase(v as Phase | 'all')}
          data={[{ value: 'all', label: t('accounts.all') }, ...PHASES.map((p) => ({ value: p, label: t(`phases.${p}`) }))]}
        />
      </Group>
      {accounts.error && <Alert color="red">{errorText(t, accounts.error)}</Alert>}
      <ScrollArea>
        <Table striped verticalSpacing="xs">
          <Table.Caption>{t('accounts.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('accounts.account')}</Table.Th>
              <Table.Th>{t('accounts.reasons')}</Table.Th>
              <Table.Th>{t('accounts.phase')}</Table.Th>
              <Table.Th>{t('accounts.requested')}</Table.Th>
              <Table.Th>{t('accounts.verifyBy')}</Table.Th>
              <Table.Th>{t('accounts.deactivateOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{a.externalId}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    {a.reasons.map((r) => (
                      <Text key={r} size="xs">
                        {t(`reasons.${r}`)}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={PHASE_COLOURS[a.phase]} style={{ minWidth: 'max-content' }}>
                    {t(`phases.${a.phase}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t('accounts.since', { date: format.date(a.phaseAt) })}
                  </Text>
                </Table.Td>
                <Table.Td>{a.requestedAt ? date(a.requestedAt) : t('accounts.sending')}</Table.Td>
                <Table.Td>{date(a.verifyBy)}</Table.Td>
                <Table.Td>{date(a.deactivatedAt ?? a.deactivateOn)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {accounts.isSuccess && rows.length === 0 && (
        <Text p="md" c="dimmed">
          {t('accounts.empty')}
        </Text>
      )}
      {accounts.hasNextPage && (
        <Group justify="center" p="sm">
          <Button variant="default" onClick={() => void accounts.fetchNextPage()} loading={accounts.isFetchingNextPage}>
            {t('accounts.more')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
