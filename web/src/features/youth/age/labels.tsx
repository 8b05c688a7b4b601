import { Badge, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, data } from '../../../api/client';
import { useSession } from '../../../app/session';
import { ageKeys, type AgeBand, type AgeStatus, type Assurance } from './api';

const STATUS_COLOURS: Record<AgeStatus, string> = {
  allowed: 'teal',
  restricted_minor: 'blue',
  not_allowed: 'red',
  pending_verification: 'gray',
  under_review: 'orange',
};

export function StatusBadge({ status }: { status: AgeStatus }) {
  const { t } = useTranslation('age');
  return (
    <Badge variant="light" color={STATUS_COLOURS[status]} data-status={status}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}

export function BandLabel({ band }: { band: AgeBand }) {
  const { t } = useTranslation('age');
  return <>{t(`bands.${band}`)}</>;
}

export function AssuranceLabel({ assurance }: { assurance: Assurance | null }) {
  const { t } = useTranslation('age');
  return <>{assurance ? t(`assurance.${assurance}`) : t('assurance.none')}</>;
}

/**
 * An account's age status in one line (for other panels, e.g. the review case's account panel):
 * shown only to people who may read age data, linking to the account's age page.
 */
export function AgeStatusLine({ externalId }: { externalId: string }) {
  const { t } = useTranslation('age');
  const { can } = useSession();
  const allowed = can('age:read');
  const age = useQuery({
    queryKey: ageKeys.account(externalId),
    queryFn: () => data(api.GET('/v1/accounts/{id}/age', { params: { path: { id: externalId } } })),
    enabled: allowed,
    retry: false,
  });
  if (!allowed || !age.data) return null;
  const r = age.data.record;
  return (
    <Group gap={6} data-testid="age-status">
      <Text size="sm">{t('panel.age')}:</Text>
      <StatusBadge status={age.data.status} />
      {r && (
        <Text size="sm" c="dimmed">
          <BandLabel band={r.band} /> · <AssuranceLabel assurance={r.assurance} />
        </Text>
      )}
      <Text size="sm" component={Link} to={`/youth/age/accounts/${encodeURIComponent(externalId)}`}>
        {t('panel.open')}
      </Text>
    </Group>
  );
}
