import { Alert, Badge, Button, Code, Group, Modal, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconCircleX, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { useFailedJobs, useQueues, useReadiness, useRetryJob, useRetryQueue, type FailedJob } from './api';

/** A wait in seconds as people read it: seconds under a minute, else the console's durations. */
function useWait() {
  const { t } = useTranslation('operations');
  const format = useFormat();
  return (seconds: number) => (seconds <= 0 ? t('wait.none') : seconds < 60 ? t('wait.seconds', { count: Math.round(seconds) }) : format.duration(seconds * 1000));
}

/**
 * How the installation runs (docs/operations.md): readiness checks, the job queues (waiting,
 * running, failed, the longest wait) and the dead-letter list, whose jobs an admin re-drives one by
 * one or a whole queue at once, after confirming. Refreshed every 5 s.
 */
export function OperationsPage() {
  const { t } = useTranslation(['operations', 'common']);
  const format = useFormat();
  const wait = useWait();
  const readiness = useReadiness();
  const queues = useQueues();
  const [queue, setQueue] = useState<string | null>(null);
  const failed = useFailedJobs(queue);
  const retryJob = useRetryJob();
  const retryQueue = useRetryQueue();
  const [confirm, setConfirm] = useState<{ job: FailedJob } | { queue: string } | null>(null);
  const rows = queues.data?.queues ?? [];
  const jobs = failed.data?.jobs ?? [];

  async function redrive() {
    if (!confirm) return;
    try {
      if ('job' in confirm) {
        const result = await retryJob.mutateAsync(confirm.job.id);
        notifications.show({ closeButtonProps: { 'aria-label': t('closeNotice') }, color: result.retried ? 'teal' : 'gray', message: result.retried ? t('retry.done') : t('retry.already', { state: t(`states.${result.state}`, { defaultValue: result.state }) }) });
      } else {
        const result = await retryQueue.mutateAsync(confirm.queue);
        notifications.show({ closeButtonProps: { 'aria-label': t('closeNotice') }, color: 'teal', message: t('retry.doneAll', { count: result.retried, queue: result.queue }) });
      }
    } catch (err) {
      notifications.show({ closeButtonProps: { 'aria-label': t('closeNotice') }, color: 'red', message: errorText(t, err) });
    }
    setConfirm(null);
  }

  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Text size="sm">{t('intro')}</Text>

      <Title order={2} size="h3">
        {t('readiness.title')}
      </Title>
      {readiness.error && <Alert color="red">{errorText(t, readiness.error)}</Alert>}
      {readiness.data && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 5 }} spacing="sm">
          {Object.entries(readiness.data.checks).map(([name, check]) => (
            <Paper key={name} withBorder p="sm">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                {check.ok ? (
                  <IconCircleCheck size={20} color="var(--mantine-color-teal-8)" style={{ flexShrink: 0 }} aria-hidden />
                ) : (
                  <IconCircleX size={20} color="var(--mantine-color-red-8)" style={{ flexShrink: 0 }} aria-hidden />
                )}
                <Stack gap={4}>
                  <Text fw={600} lh={1.3}>
                    {t(`readiness.checks.${name}`, { defaultValue: name })}
                  </Text>
                  <Badge color={check.ok ? 'teal' : 'red'} variant="light">
                    {check.ok ? t('readiness.ok') : t('readiness.notOk')}
                  </Badge>
                  {(check.error ?? check.detail) && (
                    <Text size="xs" c="dimmed">
                      {check.error ?? check.detail}
                    </Text>
                  )}
                </Stack>
              </Group>
            </Paper>
          ))}
        </SimpleGrid>
      )}

      <Title order={2} size="h3">
        {t('queues.title')}
      </Title>
      {queues.error && <Alert color="red">{errorText(t, queues.error)}</Alert>}
      <Paper withBorder>
        <ScrollArea>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{t('queues.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('queues.queue')}</Table.Th>
                <Table.Th ta="right">{t('queues.queued')}</Table.Th>
                <Table.Th ta="right">{t('queues.active')}</Table.Th>
                <Table.Th ta="right">{t('queues.failed')}</Table.Th>
                <Table.Th ta="right">{t('queues.oldest')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((q) => (
                <Table.Tr key={q.queue}>
                  <Table.Td>
                    <Code>{q.queue}</Code>
                    {q.deadLetter && (
                      <Text span size="xs" c="dimmed" ml="xs">
                        {t('queues.deadLetter')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{format.number(q.queued)}</Table.Td>
                  <Table.Td ta="right">{format.number(q.active)}</Table.Td>
                  <Table.Td ta="right">
                    {q.failed > 0 ? (
                      <Button variant="subtle" size="compact-sm" color="red" onClick={() => setQueue(q.queue)} aria-label={t('queues.showFailed', { queue: q.queue, count: q.failed })}>
                        {format.number(q.failed)}
                      </Button>
                    ) : (
                      format.number(0)
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{wait(q.oldestSeconds)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>

      <Group justify="space-between" align="end">
        <Title order={2} size="h3">
          {t('failed.title')}
        </Title>
        <Group gap="sm" align="end">
          <Select
            label={t('failed.queue')}
            placeholder={t('failed.allQueues')}
            data={rows.map((q) => ({ value: q.queue, label: q.queue }))}
            value={queue}
            onChange={setQueue}
            clearable
            w={260}
          />
          <Button leftSection={<IconRefresh size={16} aria-hidden />} color="red" variant="light" disabled={!queue || jobs.length === 0} onClick={() => queue && setConfirm({ queue })}>
            {t('failed.retryAll')}
          </Button>
        </Group>
      </Group>
      <Text size="sm">{t('failed.intro')}</Text>
      {failed.error && <Alert color="red">{errorText(t, failed.error)}</Alert>}
      <Paper withBorder>
        <ScrollArea>
          <Table striped verticalSpacing="xs">
            <Table.Caption>{t('failed.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('failed.failedAt')}</Table.Th>
                <Table.Th>{t('queues.queue')}</Table.Th>
                <Table.Th>{t('failed.error')}</Table.Th>
                <Table.Th ta="right">{t('failed.attempts')}</Table.Th>
                <Table.Th>{t('failed.data')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('failed.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{job.failedAt ? format.dateTime(job.failedAt) : '—'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Code>{job.queue}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ wordBreak: 'break-word' }}>
                      {job.error.message}
                    </Text>
                    {job.error.code && (
                      <Text size="xs" c="dimmed">
                        {job.error.code}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{format.number(job.attempts)}</Table.Td>
                  <Table.Td>
                    <Code style={{ wordBreak: 'break-all' }}>{job.data}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="default" onClick={() => setConfirm({ job })} aria-label={t('failed.retryOne', { id: job.id })}>
                      {t('failed.retry')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {failed.isSuccess && jobs.length === 0 && (
          <Text p="md" c="dimmed">
            {t('failed.empty')}
          </Text>
        )}
      </Paper>

      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('confirm.title')} closeButtonProps={{ 'aria-label': t('confirm.cancel') }}>
        <Stack>
          <Text size="sm">{confirm && ('job' in confirm ? t('confirm.one', { queue: confirm.job.queue, error: confirm.job.error.message }) : t('confirm.all', { queue: confirm.queue, count: jobs.length }))}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('confirm.cancel')}
            </Button>
            <Button color="red" onClick={() => void redrive()} loading={retryJob.isPending || retryQueue.isPending}>
              {t('confirm.go')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
