import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderStatus, TargetStatus, Verification } from '../api';

/** A badge in a table keeps its whole word (the library's badges cut it short in a narrow column). */
const WHOLE = { minWidth: 'max-content' } as const;

const ORDER: Record<OrderStatus, string> = { received: 'blue', in_progress: 'yellow', completed: 'teal', overdue: 'red' };
const TARGET: Record<TargetStatus, string> = { pending: 'yellow', taken_down: 'teal', already_removed: 'teal', not_found: 'gray', clarified: 'grape', answered: 'teal' };
const STATE: Record<Verification['state'], string> = { available: 'red', restricted: 'orange', removed: 'teal', unknown: 'gray' };

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation('orders');
  return (
    <Badge color={ORDER[status]} variant="light" style={WHOLE}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  const { t } = useTranslation('orders');
  return (
    <Badge color={TARGET[status]} variant="light" data-status={status} style={WHOLE}>
      {t(`targetStatus.${status}`)}
    </Badge>
  );
}

export function StateBadge({ state }: { state: Verification['state'] }) {
  const { t } = useTranslation('orders');
  return (
    <Badge color={STATE[state]} variant="light" data-state={state} style={WHOLE}>
      {t(`state.${state}`)}
    </Badge>
  );
}

export function UrgentBadge() {
  const { t } = useTranslation('orders');
  return (
    <Badge color="red" variant="filled" style={WHOLE}>
      {t('urgent')}
    </Badge>
  );
}

/** How many of an order's targets are in each status (those with none left out). */
export function TargetCounts({ counts }: { counts: Record<TargetStatus, number> }) {
  const { t } = useTranslation('orders');
  const shown = (Object.keys(TARGET) as TargetStatus[]).filter((s) => counts[s] > 0);
  return (
    <>
      {shown.map((s) => (
        <Badge key={s} color={TARGET[s]} variant="outline" mr={4} style={WHOLE}>
          {t('targetCount', { status: t(`targetStatus.${s}`), count: counts[s] })}
        </Badge>
      ))}
    </>
  );
}

/** An order's category in the console's language (`other` is the orders' own). */
export function OrderCategoryLabel({ category }: { category: string }) {
  const { t } = useTranslation(['orders', 'review']);
  return <>{category === 'other' ? t('orders:categoryOther') : t(`review:categories.${category}`, { defaultValue: category })}</>;
}
