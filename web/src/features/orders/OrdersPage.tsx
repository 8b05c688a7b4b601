import { Alert, Anchor, Badge, Button, Group, Paper, ScrollArea, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { ORDER_STATUSES, useOrders, type Order, type OrderStatus } from './api';
import { OrderCategoryLabel, OrderStatusBadge, TargetCounts, UrgentBadge } from './components/badges';
import { RowClock } from './components/OrderClock';

/** The orders, newest first, with each one's deadline on a live clock; officers see their organisation's, the platform's staff everyone's. */
export function OrdersPage() {
  const { t } = useTranslation(['orders', 'common']);
  const { can } = useSession();
  const [status, setStatus] = useState<OrderStatus | 'all'>('all');
  const orders = useOrders(status === 'all' ? null : status);
  const rows = orders.data?.pages.flatMap((p) => p.orders) ?? [];
  // Whoever reads the platform's content sees every organisation's orders: they need the column.
  const allOrganisations = can('content:read');

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('list.title')}</Title>
        <Group>
          {can('orders:verify') && (
            <Button variant="default" component={Link} to="/orders/verify" leftSection={<IconShieldCheck size={16} aria-hidden />}>
              {t('verify.title')}
            </Button>
          )}
          {can('orders:submit') && (
            <Button component={Link} to="/orders/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('list.new')}
            </Button>
          )}
        </Group>
      </Group>
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('list.filter')}
          value={status}
          onChange={(v) => setStatus(v as OrderStatus | 'all')}
          data={[{ value: 'all', label: t('list.all') }, ...ORDER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
        {can('orders:read') && (
          <Anchor component={Link} to="/compliance" size="sm">
            {t('complianceLink')}
          </Anchor>
        )}
      </Group>
      {orders.error && <Alert color="red">{errorText(t, orders.error)}</Alert>}
      <Paper withBorder>
        <ScrollArea>
          <Table striped highlightOnHover verticalSpacing="xs">
            <Table.Caption>{t('list.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.orderNumber')}</Table.Th>
                {allOrganisations && <Table.Th>{t('fields.organisation')}</Table.Th>}
                <Table.Th>{t('fields.category')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th>{t('clock.received')}</Table.Th>
                <Table.Th>{t('clock.deadline')}</Table.Th>
                <Table.Th>{t('fields.targets')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((o) => (
                <OrderRow key={o.id} order={o} allOrganisations={allOrganisations} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {orders.isSuccess && rows.length === 0 && (
          <Text p="md" c="dimmed">
            {t('list.empty')}
          </Text>
        )}
      </Paper>
      {orders.hasNextPage && (
        <Button variant="default" onClick={() => void orders.fetchNextPage()} loading={orders.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('list.more')}
        </Button>
      )}
    </Stack>
  );
}

function OrderRow({ order: o, allOrganisations }: { order: Order; allOrganisations: boolean }) {
  const { t } = useTranslation('orders');
  const format = useFormat();
  return (
    <Table.Tr>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <Anchor component={Link} to={`/orders/${o.id}`} fw={600} style={{ whiteSpace: 'nowrap' }}>
            {o.orderNumber}
          </Anchor>
          {o.urgent && <UrgentBadge />}
          {o.requestedAction === 'information' && (
            <Badge variant="light" color="gray" style={{ minWidth: 'max-content' }}>
              {t('actions.information')}
            </Badge>
          )}
        </Stack>
      </Table.Td>
      {allOrganisations && <Table.Td>{o.organisation}</Table.Td>}
      <Table.Td>
        <OrderCategoryLabel category={o.category} />
      </Table.Td>
      <Table.Td>
        <OrderStatusBadge status={o.status} />
      </Table.Td>
      <Table.Td>{format.dateTime(o.receivedAt)}</Table.Td>
      <Table.Td>
        <RowClock order={o} />
      </Table.Td>
      <Table.Td>
        <TargetCounts counts={o.counts} />
      </Table.Td>
    </Table.Tr>
  );
}
