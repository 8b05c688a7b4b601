import { Alert, Button, Group, Paper, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data, type Body } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { ActionBadge, CategoryLabel } from '../review/components/labels';

type AppealDecision = Body<'/v1/appeals/{id}/decision', 'post'>;
type Milder = NonNullable<AppealDecision['action']>;
/** From the mildest: what an overturned decision may leave in place, each milder than the one before it in DECISION_ACTIONS. */
const MILDER: Milder[] = ['allow', 'restrict_16', 'restrict_18'];
const SEVERITY = ['allow', 'restrict_16', 'restrict_18', 'review', 'remove'];

/**
 * An appeal under review: the decision appealed, what the uploader says, and the decision on the
 * appeal — overturn (a new, milder decision through the one decision path) or uphold — taken by
 * someone other than who decided (the API refuses otherwise).
 */
export function AppealPanel({ appealId }: { appealId: string }) {
  const { t, i18n } = useTranslation(['appeals', 'review', 'common']);
  const format = useFormat();
  const { can } = useSession();
  const client = useQueryClient();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const appeal = useQuery({ queryKey: ['review', 'appeal', appealId], queryFn: () => data(api.GET('/v1/appeals/{id}', { params: { path: { id: appealId } } })) });
  const [outcome, setOutcome] = useState<AppealDecision['outcome']>('overturn');
  const [action, setAction] = useState<Milder>('allow');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const decide = useMutation({
    mutationFn: (body: AppealDecision) => data(api.POST('/v1/appeals/{id}/decision', { params: { path: { id: appealId } }, body })),
    onSuccess: async (decided) => {
      notifications.show({ message: t(`decided.${decided.status}`) });
      await client.invalidateQueries({ queryKey: ['review'] });
    },
    onError: (err) => setError(errorText(t, err)),
  });

  const a = appeal.data;
  if (!a) return null;
  const options = MILDER.filter((m) => SEVERITY.indexOf(m) < SEVERITY.indexOf(a.appealed.action));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    decide.mutate(outcome === 'overturn' ? { outcome, reason, action } : { outcome, reason });
  };

  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-blue-0)">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('title')}
        </Title>
        <Group gap={6}>
          <Text size="sm">{t('appealed')}</Text>
          <ActionBadge action={a.appealed.action} />
          {a.appealed.category && (
            <Text size="sm">
              <CategoryLabel category={a.appealed.category} />
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {format.dateTime(a.appealed.createdAt)} · {t(`review:actors.${a.appealed.actorType}`, { defaultValue: a.appealed.actorType })}
          </Text>
        </Group>
        <Text size="sm" fw={600}>
          {t('appellantSays', { who: a.appellant.name ?? a.appellant.externalId ?? t('appellant') })}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {a.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {t('filed', { at: format.dateTime(a.createdAt), until: format.date(a.windowEndsAt) })}
        </Text>
        {a.decided ? (
          <Alert color={a.status === 'overturned' ? 'teal' : 'gray'} title={t(`decided.${a.status}`)}>
            {a.decided.answer[language]}
          </Alert>
        ) : (
          can('decide') && (
            <form onSubmit={submit}>
              <Stack gap="xs">
                {error && (
                  <Alert color="red" role="alert">
                    {error}
                  </Alert>
                )}
                <Radio.Group label={t('outcome')} value={outcome} onChange={(v) => setOutcome(v as AppealDecision['outcome'])}>
                  <Group mt={4}>
                    <Radio value="overturn" label={t('overturn')} />
                    <Radio value="uphold" label={t('uphold')} />
                  </Group>
                </Radio.Group>
                {outcome === 'overturn' && options.length > 1 && (
                  <Select
                    label={t('restoreAs')}
                    value={action}
                    onChange={(v) => v && setAction(v as Milder)}
                    data={options.map((m) => ({ value: m, label: t(`review:actions.${m}`) }))}
                    allowDeselect={false}
                  />
                )}
                <Textarea label={t('reason')} description={t('reasonHelp')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
                <Group>
                  <Button type="submit" color={outcome === 'overturn' ? 'teal' : 'gray'} loading={decide.isPending} disabled={!reason.trim()}>
                    {outcome === 'overturn' ? t('submitOverturn') : t('submitUphold')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )
        )}
      </Stack>
    </Paper>
  );
}
