import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/errors';
import { HARM_CATEGORIES, useReportHarm, type HarmCategory } from './api';
import { ContentRefFields, useContentRef } from './ContentRef';
import { ERROR_PROPS } from './labels';

/** A partner reports harm to children: it goes to the review queue for children at the highest priority. */
export function HarmReportPage() {
  const { t } = useTranslation(['programme', 'review', 'common']);
  const report = useReportHarm();
  const content = useContentRef();
  const [category, setCategory] = useState<HarmCategory | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (content.problem || !category || !reason.trim()) return;
    report.mutate({ ...content.body, category, reason: reason.trim() }, { onSuccess: () => setTried(false) });
  };

  return (
    <Stack maw={640}>
      <Text size="sm">{t('harm.intro')}</Text>
      <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={t('tabs.harm')}>
        <Stack>
          <ContentRefFields state={content} tried={tried} />
          <Select
            label={t('harm.category')}
            data={HARM_CATEGORIES.map((c) => ({ value: c, label: c === 'other' ? t('harm.other') : t(`review:categories.${c}`) }))}
            value={category}
            onChange={(v) => setCategory(v as HarmCategory | null)}
            required
            errorProps={ERROR_PROPS}
            error={tried && !category && t('harm.problems.category')}
          />
          <Textarea label={t('harm.reason')} description={t('harm.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required maxLength={5000} autosize minRows={3} errorProps={ERROR_PROPS} error={tried && !reason.trim() && t('harm.problems.reason')} />
          {report.error && (
            <Alert color="red" role="alert">
              {errorText(t, report.error)}
            </Alert>
          )}
          <Group>
            <Button type="submit" color="red.9" loading={report.isPending}>
              {t('harm.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {report.data && (
        <Alert color={report.data.status === 'received' ? 'green' : 'gray'} aria-live="polite" title={t(`harm.done.${report.data.status}`)}>
          {t('harm.reference', { id: report.data.reportId })}
        </Alert>
      )}
    </Stack>
  );
}
