import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { screenshotUrl, useOrder, useVerify, type Order, type Target, type Verification } from './api';
import { ClarifyModal } from './components/ClarifyModal';
import { InformationPanel } from './components/InformationPanel';
import { OrderCategoryLabel, OrderStatusBadge, TargetCounts, UrgentBadge } from './components/badges';
import { Fact, OrderClock } from './components/OrderClock';
import { TargetsTable } from './components/TargetsTable';
import { WarningsPanel } from './components/WarningsPanel';
import { useNotify } from './notify';
import { BackToOrders } from './components/BackToOrders';

/** One order: the letter, its clock, each target's status with proof and its state now, warnings; the platform's answers. */
export function OrderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['orders', 'common']);
  const { can } = useSession();
  const order = useOrder(id);
  const verify = useVerify();
  const notify = useNotify();
  const [checked, setChecked] = useState<Verification[]>();
  const [clarifying, setClarifying] = useState<Target | null>(null);

  if (order.error) return order.error instanceof ApiError && order.error.status === 404 ? <OrderNotFound /> : <Alert color="red">{errorText(t, order.error)}</Alert>;
  if (!order.data) return null;
  const o = order.data;
  const targets = o.targets ?? [];

  const recheck = async () => {
    try {
      const { results } = await verify.mutateAsync(targets.map((x) => ({ [x.kind]: x.value }) as { url: string }));
      setChecked(results);
    } catch (err) {
      notify(errorText(t, err), true);
    }
  };

  return (
    <Stack>
      <Stack gap={4}>
        <BackToOrders />
        <Group gap="sm">
          <Title order={1}>{t('order.title', { number: o.orderNumber })}</Title>
          {o.urgent && <UrgentBadge />}
          <OrderStatusBadge status={o.status} />
        </Group>
        <Group gap={6}>
          <TargetCounts counts={o.counts} />
        </Group>
      </Stack>
      <OrderClock order={o} />
      <LetterDetails order={o} />
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('targets.title')}
        </Title>
        <Group>
          <Anchor component={Link} to="/compliance" size="sm">
            {t('complianceLink')}
          </Anchor>
          {can('orders:verify') && (
            <Button variant="light" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => void recheck()} loading={verify.isPending} disabled={!targets.length}>
              {t('order.recheck')}
            </Button>
          )}
        </Group>
      </Group>
      {checked && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('order.rechecked', { count: checked.length })}
        </Text>
      )}
      <TargetsTable targets={targets} checked={checked} onClarify={can('orders:answer') && o.requestedAction === 'remove' && o.status !== 'completed' ? setClarifying : undefined} />
      <InformationPanel order={o} />
      <WarningsPanel orderId={o.id} />
      <ClarifyModal orderId={o.id} target={clarifying} onClose={() => setClarifying(null)} />
    </Stack>
  );
}

function LetterDetails({ order: o }: { order: Order }) {
  const { t } = useTranslation('orders');
  const format = useFormat();
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('order.letter')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Fact label={t('fields.organisation')} value={o.organisation} />
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('fields.category')}
            </Text>
            <Text size="sm">
              <OrderCategoryLabel category={o.category} />
            </Text>
          </Stack>
          <Fact label={t('fields.issuedAt')} value={o.issuedAt ? format.date(o.issuedAt) : '–'} />
          <Fact label={t('fields.requestedAction')} value={t(`actions.${o.requestedAction}`, { defaultValue: o.requestedAction })} />
        </SimpleGrid>
        <Block label={t('fields.legalBasis')} text={o.legalBasis} />
        {o.legalAnalysis && <Block label={t('fields.legalAnalysis')} text={o.legalAnalysis} />}
        {o.letter && <Block label={t('fields.letter')} text={o.letter} />}
        {o.screenshots.length > 0 && <Screenshots order={o} />}
      </Stack>
    </Paper>
  );
}

/** The order's screenshots as small thumbnails, each a link to the image at full size. */
function Screenshots({ order: o }: { order: Order }) {
  const { t } = useTranslation('orders');
  const count = o.screenshots.length;
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {t('fields.screenshots')}
      </Text>
      <Group gap="sm">
        {o.screenshots.map((upload, i) => (
          <Anchor key={upload} href={screenshotUrl(o.id, i)} target="_blank" rel="noreferrer" title={t('order.screenshotOpen')} style={{ display: 'block', lineHeight: 0 }}>
            <img
              src={screenshotUrl(o.id, i)}
              alt={t('order.screenshotAlt', { index: i + 1, count })}
              loading="lazy"
              style={{ width: 120, height: 80, objectFit: 'cover', borderRadius: 4, border: '1px solid var(--mantine-color-default-border)', display: 'block' }}
            />
          </Anchor>
        ))}
      </Group>
    </Stack>
  );
}

function Block({ label, text }: { label: string; text: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text}
      </Text>
    </Stack>
  );
}

/** Another organisation's order reads the same as one that does not exist. */
function OrderNotFound() {
  const { t } = useTranslation('orders');
  return (
    <Stack align="flex-start">
      <Title order={1}>{t('order.notFound')}</Title>
      <Text>{t('order.notFoundText')}</Text>
      <Button component={Link} to="/orders">
        {t('order.back')}
      </Button>
    </Stack>
  );
}
