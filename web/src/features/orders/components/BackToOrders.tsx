import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The way back to the orders list, above the title of a page about orders. */
export function BackToOrders() {
  const { t } = useTranslation('orders');
  return (
    <Text size="sm">
      <Anchor component={Link} to="/orders">
        {t('list.title')}
      </Anchor>
    </Text>
  );
}
