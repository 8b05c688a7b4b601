import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A category's name in the console's language (review:categories.<id>). */
export function CategoryLabel({ category }: { category: string }) {
  const { t } = useTranslation('review');
  return <>{t(`categories.${category}`, { defaultValue: category })}</>;
}

/** A queue's name: the catalogue's for the queues Saring ships, the policy's own name otherwise. */
export function QueueLabel({ queue }: { queue: string }) {
  const { t } = useTranslation('review');
  return <>{t(`queueNames.${queue}`, { defaultValue: queue })}</>;
}

const ACTION_COLOURS: Record<string, string> = { allow: 'teal', restrict_16: 'yellow', restrict_18: 'orange', review: 'blue', remove: 'red' };

/** An action (a verdict's or a decision's) as a coloured badge. */
export function ActionBadge({ action }: { action: string }) {
  const { t } = useTranslation('review');
  return (
    <Badge color={ACTION_COLOURS[action] ?? 'gray'} variant="light">
      {t(`actions.${action}`, { defaultValue: action })}
    </Badge>
  );
}
