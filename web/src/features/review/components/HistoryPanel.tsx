import { Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { CaseDetail } from '../api';
import { ActionBadge, CategoryLabel } from './labels';

/** Earlier decisions on the item (with the statement its user got) and what happened to the case. */
export function HistoryPanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation('review');
  const format = useFormat();
  const language = i18n.language === 'en' ? 'en' : 'id';
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('history.title')}
        </Title>
        {detail.content.decisions.length === 0 && detail.events.length === 0 && <Text c="dimmed">{t('history.none')}</Text>}
        <Timeline bulletSize={14} lineWidth={2}>
          {detail.content.decisions.map((d) => (
            <Timeline.Item key={d.id} title={<ActionBadge action={d.action} />}>
              <Text size="xs" c="dimmed">
                {format.dateTime(d.createdAt)} · {t(`actors.${d.actorType}`)}
                {d.category ? ' · ' : ''}
                {d.category ? <CategoryLabel category={d.category} /> : null}
              </Text>
              <Text size="sm">{d.statement.facts.summary[language]}</Text>
            </Timeline.Item>
          ))}
          {detail.events.map((e, i) => (
            <Timeline.Item key={`e${i}`} title={t(`events.${e.kind}`, { defaultValue: e.kind })}>
              <Text size="xs" c="dimmed">
                {format.dateTime(e.at)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}
