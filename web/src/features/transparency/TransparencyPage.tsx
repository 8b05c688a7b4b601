import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The transparency report of a period (GET /v1/transparency/report). */
export function TransparencyPage() {
  const { t } = useTranslation('transparency');
  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
    </Stack>
  );
}
