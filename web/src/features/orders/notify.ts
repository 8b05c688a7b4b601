import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

/** Shows a notice whose close button has a name (axe: button-name), in red for a failure. */
export function useNotify() {
  const { t } = useTranslation('orders');
  return (message: string, failed = false) => notifications.show({ message, ...(failed ? { color: 'red' } : {}), closeButtonProps: { 'aria-label': t('closeNotice') } });
}
