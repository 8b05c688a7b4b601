import { Alert, Badge, Button, Checkbox, Group, Loader, Paper, ScrollArea, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { useCases, useClaimNext, useQueues, type ReviewCase } from './api';
import { BulkPanel } from './components/BulkPanel';
import { CategoryLabel, QueueLabel } from './components/labels';

/**
 * The review queues: what is waiting where and how urgent it is, claim-next (N), and the open
 * cases by priority, selectable for one decision on many.
 */
export function QueuesPage() {
  const { t } = useTranslation(['review', 'common']);
  const format = useFormat();
  const navigate = useNavigate();
  const { can } = useSession();
  const queues = useQueues();
  const cases = useCases('active');
  const claim = useClaimNext();
  const [selected, setSelected] = useState<Set<string>>(new Set());

  const claimNext = async (queue?: string) => {
    try {
      const next = await claim.mutateAsync(queue);
      if (next) navigate(`/review/cases/${next.id}`);
      else notifications.show({ message: t('queues.empty') });
    } catch (err) {
      notifications.show({ color: 'red', message: errorText(t, err) });
    }
  };
  useHotkeys([['n', () => void claimNext()]]);

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const rows: ReviewCase[] = cases.data?.cases ?? [];
  const now = Date.now();

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('queues.title')}</Title>
        {can('decide') && (
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => void claimNext()} loading={claim.isPending} aria-keyshortcuts="N">
            {t('queues.claimNext')}
          </Button>
        )}
      </Group>

      <Paper withBorder>
        <ScrollArea>
          <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('queues.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('queues.queue')}</Table.Th>
                <Table.Th ta="right">{t('queues.waiting')}</Table.Th>
                <Table.Th ta="right">{t('queues.claimed')}</Table.Th>
                <Table.Th ta="right">{t('queues.senior')}</Table.Th>
                <Table.Th ta="right">{t('queues.breached')}</Table.Th>
                <Table.Th>{t('queues.oldest')}</Table.Th>
                <Table.Th>{t('queues.nextDue')}</Table.Th>
                <Table.Th>{t('queues.sla')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common:actionsColumn')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queues.isLoading && (
                <Table.Tr>
                  <Table.Td colSpan={9}>
                    <Loader size="sm" aria-label={t('common:loading')} />
                  </Table.Td>
                </Table.Tr>
              )}
              {queues.data?.queues.map((q) => (
                <Table.Tr key={q.queue}>
                  <Table.Td>
                    <QueueLabel queue={q.queue} />
                  </Table.Td>
                  <Table.Td ta="right">{format.number(q.waiting)}</Table.Td>
                  <Table.Td ta="right">{format.number(q.claimed)}</Table.Td>
                  <Table.Td ta="right">{format.number(q.senior)}</Table.Td>
                  <Table.Td ta="right">{q.breached ? <Badge color="red">{format.number(q.breached)}</Badge> : format.number(0)}</Table.Td>
                  <Table.Td>{q.oldest ? t('queues.ago', { duration: format.duration(now - Date.parse(q.oldest)) }) : '–'}</Table.Td>
                  <Table.Td>{q.nextDue ? t('queues.in', { duration: format.duration(Date.parse(q.nextDue) - now) }) : '–'}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('queues.slaHours', { count: q.slaHours })}</Table.Td>
                  <Table.Td>
                    {can('decide') && q.waiting > 0 && (
                      <Button size="xs" variant="light" onClick={() => void claimNext(q.queue)} aria-label={t('queues.claimFrom', { queue: q.queue })}>
                        {t('queues.claim')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>

      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('cases.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('cases.count', { count: rows.length })}
        </Text>
      </Group>
      {can('decide') && selected.size > 0 && <BulkPanel caseIds={[...selected]} onDone={() => setSelected(new Set())} />}
      {cases.error && (
        <Alert color="red" role="alert">
          {errorText(t, cases.error)}
        </Alert>
      )}
      <Paper withBorder>
        <ScrollArea>
          <Table highlightOnHover verticalSpacing="xs" aria-label={t('cases.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                {can('decide') && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('cases.selectAll')}
                      checked={rows.length > 0 && rows.every((c) => selected.has(c.id))}
                      indeterminate={selected.size > 0 && !rows.every((c) => selected.has(c.id))}
                      onChange={(e) => setSelected(e.currentTarget.checked ? new Set(rows.map((c) => c.id)) : new Set())}
                    />
                  </Table.Th>
                )}
                <Table.Th>{t('cases.item')}</Table.Th>
                <Table.Th>{t('cases.why')}</Table.Th>
                <Table.Th>{t('cases.category')}</Table.Th>
                <Table.Th ta="right">{t('cases.priority')}</Table.Th>
                <Table.Th>{t('cases.due')}</Table.Th>
                <Table.Th>{t('cases.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  {can('decide') && (
                    <Table.Td>
                      <Checkbox aria-label={t('cases.select', { item: c.externalId })} checked={selected.has(c.id)} onChange={() => toggle(c.id)} />
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Link to={`/review/cases/${c.id}`}>{c.externalId}</Link>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {t(`reasons.${c.reason}`)}
                      {c.reports > 1 && <Badge variant="light">{t('cases.reports', { count: c.reports })}</Badge>}
                      {c.lane === 'senior' && <Badge color="grape" variant="light">{t('cases.senior')}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.category ? <CategoryLabel category={c.category} /> : '–'}</Table.Td>
                  <Table.Td ta="right">
                    <Tooltip label={t('cases.priorityHelp', { ...c.priorityComponents })}>
                      <span>{format.number(c.priority)}</span>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    {c.breached ? (
                      <Badge color="red">{t('cases.breached')}</Badge>
                    ) : (
                      t('queues.in', { duration: format.duration(Date.parse(c.dueAt) - now) })
                    )}
                  </Table.Td>
                  <Table.Td>{t(`status.${c.status}`)}</Table.Td>
                </Table.Tr>
              ))}
              {!cases.isLoading && rows.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={7}>
                    <Text c="dimmed">{t('cases.none')}</Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>
    </Stack>
  );
}
