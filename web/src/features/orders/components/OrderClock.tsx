import { Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { Order } from '../api';
import { CLOCK_BAR, CLOCK_COLOURS, clockState, useNow } from '../clock';

type Clocked = Pick<Order, 'receivedAt' | 'dueAt' | 'status'>;

/** Time left until the deadline, or how late, coloured by the share of the time used. */
export function ClockText({ order, now }: { order: Clocked; now: number }) {
  const { t } = useTranslation('orders');
  const format = useFormat();
  const { leftMs, level } = clockState(order, now);
  const text = level === 'done' ? t('clock.done') : leftMs >= 0 ? t('clock.left', { duration: format.duration(leftMs) }) : t('clock.late', { duration: format.duration(leftMs) });
  return (
    <Text size="sm" fw={600} c={CLOCK_COLOURS[level]} data-clock={level}>
      {text}
    </Text>
  );
}

/** The deadline with its live clock, for a row of the orders list. */
export function RowClock({ order }: { order: Clocked }) {
  const format = useFormat();
  const now = useNow(15_000);
  return (
    <Stack gap={0}>
      <Text size="sm">{format.dateTime(order.dueAt)}</Text>
      <ClockText order={order} now={now} />
    </Stack>
  );
}

/** When the last target was answered, for a completed order (its clock stops there). */
function completedAt(order: Order): number | null {
  if (order.status !== 'completed') return null;
  const times = (order.targets ?? []).flatMap((x) => (x.handledAt ? [Date.parse(x.handledAt)] : []));
  return times.length ? Math.max(...times) : null;
}

/** An order's clock in full: received, deadline, a live countdown (or how late; for a completed order, how long it took), the time used, reminders sent and the breach. */
export function OrderClock({ order }: { order: Order }) {
  const { t } = useTranslation('orders');
  const format = useFormat();
  const now = useNow(1000);
  const done = completedAt(order);
  const at = done ?? now;
  const { share, leftMs, level } = clockState({ ...order, status: done === null ? 'running' : 'completed' }, at);
  const late = leftMs < 0;
  const colour = done !== null ? CLOCK_COLOURS[late ? 'breached' : 'fresh'] : CLOCK_COLOURS[level];
  const label = done !== null ? t('clock.answeredIn') : late ? t('clock.timeLate') : t('clock.timeLeft');
  const big = done !== null ? at - Date.parse(order.receivedAt) : Math.abs(leftMs);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Stack gap={0}>
            <Text size="sm" c="dimmed" id="order-clock-label">
              {label}
            </Text>
            <Text fz={36} fw={700} ff="monospace" c={colour} role="timer" aria-labelledby="order-clock-label" data-clock={done !== null ? 'done' : level}>
              {format.clock(big / 1000)}
            </Text>
            {done !== null && (
              <Text size="sm" fw={600} c={colour}>
                {late ? t('clock.doneLate', { duration: format.duration(leftMs) }) : t('clock.doneOnTime')}
              </Text>
            )}
          </Stack>
          <Text size="sm" c={colour} fw={600}>
            {t('clock.used', { share: format.percent(Math.min(share, 9.99)) })}
          </Text>
        </Group>
        <Progress value={Math.min(100, share * 100)} color={done !== null ? (late ? 'red' : 'teal') : CLOCK_BAR[level]} aria-label={t('clock.usedLabel')} />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Fact label={t('clock.received')} value={format.dateTime(order.receivedAt)} />
          <Fact label={t('clock.deadline')} value={`${format.dateTime(order.dueAt)} (${order.urgentClock ? t('clock.fourHours') : t('clock.dayLong')})`} />
          <Fact label={t('clock.reminders')} value={order.reminders.length ? order.reminders.map((p) => `${p} %`).join(', ') : t('clock.noReminders')} />
          <Fact label={t('clock.breach')} value={order.breachedAt ? format.dateTime(order.breachedAt) : t('clock.noBreach')} />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}
