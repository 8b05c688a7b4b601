import { Alert, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/errors';
import { HARM_CATEGORIES, useReportHarm, type HarmCategory } from './api';
import { ERROR_PROPS } from './labels';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A partner reports harm to children: it goes to the review queue for children at the highest priority. */
export function HarmReportPage() {
  const { t } = useTranslation(['programme', 'review', 'common']);
  const report = useReportHarm();
  const [by, setBy] = useState<'externalId' | 'contentId'>('externalId');
  const [ref, setRef] = useState('');
  const [category, setCategory] = useState<HarmCategory | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const refProblem = !ref.trim() ? t('nominate.problems.ref') : by === 'contentId' && !UUID.test(ref.trim()) ? t('nominate.problems.uuid') : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (refProblem || !category || !reason.trim()) return;
    report.mutate({ [by]: ref.trim(), category, reason: reason.trim() }, { onSuccess: () => setTried(false) });
  };

  return (
    <Stack maw={640}>
      <Text size="sm">{t('harm.intro')}</Text>
      <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={t('tabs.harm')}>
        <Stack>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('nominate.by')}
            </Text>
            <SegmentedControl
              value={by}
              onChange={(v) => setBy(v as typeof by)}
              data={[
                { value: 'externalId', label: t('nominate.externalId') },
                { value: 'contentId', label: t('nominate.contentId') },
              ]}
            />
          </div>
          <TextInput label={by === 'externalId' ? t('nominate.externalId') : t('nominate.contentId')} description={t(`nominate.${by}Hint`)} value={ref} onChange={(e) => setRef(e.currentTarget.value)} required errorProps={ERROR_PROPS} error={tried && refProblem} />
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
