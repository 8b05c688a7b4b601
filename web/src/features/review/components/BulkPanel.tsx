import { Alert, Button, Group, Paper, Progress, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { errorText } from '../../../components/errors';
import { useInvalidateReview, useReviewSettings } from '../api';
import { DECISION_ACTIONS, CATEGORIES } from './options';

/** One decision, with one reason, on the selected cases (at most 1,000), applied case by case on the server. */
export function BulkPanel({ caseIds, onDone }: { caseIds: string[]; onDone(): void }) {
  const { t, i18n } = useTranslation(['review', 'common']);
  const settings = useReviewSettings();
  const invalidate = useInvalidateReview();
  const [action, setAction] = useState<string | null>('allow');
  const [category, setCategory] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [runId, setRunId] = useState<string>();
  const [error, setError] = useState<string>();
  const run = useQuery({
    queryKey: ['review', 'bulk', runId],
    queryFn: () => data(api.GET('/v1/review/bulk/{id}', { params: { path: { id: runId! } } })),
    enabled: !!runId,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1_000),
  });
  const finished = run.data && (run.data.status === 'done' || run.data.status === 'failed');

  const start = async () => {
    setError(undefined);
    try {
      const created = await data(
        api.POST('/v1/review/bulk', {
          body: {
            caseIds,
            action: action as (typeof DECISION_ACTIONS)[number],
            ...(category ? { category: category as (typeof CATEGORIES)[number] } : {}),
            ...(templateId ? { templateId } : {}),
            ...(reason.trim() ? { reason } : {}),
          },
        }),
      );
      setRunId(created.id);
    } catch (err) {
      setError(errorText(t, err));
    }
  };

  const counts = run.data?.counts;
  const done = counts ? counts.done + counts.skipped + counts.failed : 0;
  return (
    <Paper withBorder p="md" bg="gray.0">
      <Stack gap="sm">
        <Text fw={600}>{t('bulk.title', { count: caseIds.length })}</Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {!runId ? (
          <>
            <Group grow align="flex-start">
              <Select label={t('decide.action')} data={DECISION_ACTIONS.map((a) => ({ value: a, label: t(`actions.${a}`) }))} value={action} onChange={setAction} allowDeselect={false} />
              <Select label={t('decide.category')} data={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))} value={category} onChange={setCategory} clearable />
              <Select
                label={t('decide.template')}
                data={(settings.data?.templates ?? [])
                  .filter((tpl) => !tpl.actions || tpl.actions.includes(action as (typeof DECISION_ACTIONS)[number]))
                  .map((tpl) => ({ value: tpl.id, label: i18n.language === 'en' ? tpl.text.en : tpl.text.id }))}
                value={templateId}
                onChange={setTemplateId}
                clearable
              />
            </Group>
            <Textarea label={t('decide.reason')} description={t('decide.reasonHelp')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
            <Group>
              <Button onClick={() => void start()} disabled={!templateId && !reason.trim()}>
                {t('bulk.apply', { count: caseIds.length })}
              </Button>
              <Button variant="default" onClick={onDone}>
                {t('bulk.cancel')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Progress value={run.data ? (done / run.data.total) * 100 : 0} aria-label={t('bulk.progress')} />
            {counts && <Text size="sm">{t('bulk.counts', counts)}</Text>}
            {finished && (
              <Button
                onClick={() => {
                  void invalidate();
                  onDone();
                }}
              >
                {t('bulk.close')}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
