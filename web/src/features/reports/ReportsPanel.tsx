import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, data, type Answer } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { CategoryLabel } from '../review/components/labels';

type Report = Answer<'/v1/reports', 'get'>['reports'][number];

const STATUS_COLOURS: Record<Report['status'], string> = { received: 'blue', in_review: 'yellow', actioned: 'teal', rejected: 'gray' };

/** The public reports on an item: what each reporter said, their standing, and what they were told. */
export function ReportsPanel({ contentId }: { contentId: string }) {
  const { t, i18n } = useTranslation(['reports', 'common']);
  const format = useFormat();
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
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
