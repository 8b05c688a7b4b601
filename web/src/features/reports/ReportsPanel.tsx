import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data, type Answer } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { CategoryLabel } from '../review/components/labels';

type Report = Answer<'/v1/reports', 'get'>['reports'][number];

const STATUS_COLOURS: Record<Report['status'], string> = { received: 'blue', in_review: 'yellow', actioned: 'teal', rejected: 'gray' };

/** The public reports on an item: what each reporter said, their standing, and what they were told. */
export function ReportsPanel({ contentId }: { contentId: string }) {
  const { t, i18n } = useTranslation(['reports', 'common']);
  const format = useFormat();
  const { can } = useSession();
  const [judging, setJudging] = useState<Report>();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const reports = useQuery({
    queryKey: ['review', 'reports', contentId],
    queryFn: () => data(api.GET('/v1/reports', { params: { query: { contentId, limit: 100 } } })),
  });
  const rows = reports.data?.reports ?? [];
  if (reports.isSuccess && rows.length === 0) return null;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('title', { count: rows.length })}
        </Title>
        {rows.map((r) => (
          <Stack key={r.id} gap={2} pb="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Group gap={6}>
              <Badge variant="light" color={STATUS_COLOURS[r.status]}>
                {t(`status.${r.status}`)}
              </Badge>
              <Badge variant="light" color="orange">
                {r.category === 'other' ? t('otherCategory') : <CategoryLabel category={r.category} />}
              </Badge>
              {r.badFaith && (
                <Badge variant="light" color="red">
                  {t('badFaith')}
                </Badge>
              )}
              {!r.counted && !r.badFaith && (
                <Badge variant="light" color="gray">
                  {t('notCounted')}
                </Badge>
              )}
            </Group>
            <Text size="sm">{r.reason}</Text>
            <Text size="xs" c="dimmed">
              {format.dateTime(r.createdAt)} · {r.anonymous || !r.reporter ? t('anonymous') : (r.reporter.name ?? r.reporter.externalId ?? r.reporter.contact ?? t('anonymous'))}
            </Text>
            {r.screenshot && (
              <Anchor size="sm" href={`/v1/reports/${r.id}/screenshot`} target="_blank" rel="noreferrer">
                {t('screenshot')}
              </Anchor>
            )}
            {r.outcome && (
              <Text size="sm" c="dimmed">
                {t('answered', { answer: r.outcome.answer[language] })}
              </Text>
            )}
            {r.reporterId && can('reporters:manage') && (
              <Group>
                <Button size="compact-sm" variant="subtle" color={r.badFaith ? 'teal' : 'red'} onClick={() => setJudging(r)}>
                  {r.badFaith ? t('clearBadFaith') : t('markBadFaith')}
                </Button>
              </Group>
            )}
          </Stack>
        ))}
      </Stack>
      {judging && <BadFaithDialog report={judging} onClose={() => setJudging(undefined)} />}
    </Paper>
  );
}

/** Marks a reporter as reporting in bad faith (their reports sink in priority), or clears it, with a reason (audited). */
function BadFaithDialog({ report, onClose }: { report: Report; onClose(): void }) {
  const { t } = useTranslation(['reports', 'common']);
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const badFaith = !report.badFaith;
  const save = useMutation({
    mutationFn: () => data(api.PATCH('/v1/reporters/{id}', { params: { path: { id: report.reporterId! } }, body: { badFaith, reason } })),
    onSuccess: async () => {
      notifications.show({ message: badFaith ? t('markedBadFaith') : t('clearedBadFaith') });
      await client.invalidateQueries({ queryKey: ['review'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={badFaith ? t('markBadFaith') : t('clearBadFaith')}>
      <Stack>
        <Text size="sm">{badFaith ? t('badFaithHelp') : t('clearHelp')}</Text>
        {save.error && (
          <Alert color="red" role="alert">
            {errorText(t, save.error)}
          </Alert>
        )}
        <Textarea label={t('badFaithReason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-autofocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button color={badFaith ? 'red' : 'teal'} disabled={!reason.trim()} loading={save.isPending} onClick={() => save.mutate()}>
            {badFaith ? t('markBadFaith') : t('clearBadFaith')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
