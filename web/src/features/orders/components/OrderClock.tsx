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

/** An order's clock in full: received, deadline, a live countdown (or how late), the time used, reminders sent and the breach. */
export function OrderClock({ order }: { order: Order }) {
  const { t } = useTranslation('orders');
  const format = useFormat();
  const now = useNow(1000);
  const { share, leftMs, level } = clockState(order, now);
  const running = level !== 'done';
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Stack gap={0}>
            <Text size="sm" c="dimmed" id="order-clock-label">
              {!running ? t('clock.stopped') : leftMs >= 0 ? t('clock.timeLeft') : t('clock.timeLate')}
            </Text>
            <Text fz={36} fw={700} ff="monospace" c={CLOCK_COLOURS[level]} role="timer" aria-labelledby="order-clock-label" data-clock={level}>
              {running ? format.clock(Math.abs(leftMs) / 1000) : t(`status.${order.status}`)}
            </Text>
          </Stack>
          <Text size="sm" c={CLOCK_COLOURS[level]} fw={600}>
            {t('clock.used', { share: format.percent(Math.min(share, 9.99)) })}
          </Text>
        </Group>
        <Progress value={Math.min(100, share * 100)} color={CLOCK_BAR[level]} aria-label={t('clock.usedLabel')} />
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
