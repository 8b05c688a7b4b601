import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/errors';
import { BANDS, TOPICS, useNominate, type Band, type Topic } from './api';
import { ContentRefFields, useContentRef } from './ContentRef';
import { ContentCell, ERROR_PROPS, StatusBadge } from './labels';

/** A partner nominates content for the catalogue: by the platform's id or Saring's, with an age band, a topic and a note. */
export function NominatePage() {
  const { t } = useTranslation(['programme', 'common']);
  const nominate = useNominate();
  const content = useContentRef();
  const [band, setBand] = useState<Band | null>(null);
  const [topic, setTopic] = useState<Topic | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (content.problem || !band || !topic) return;
    nominate.mutate(
      { ...content.body, band, topic, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('nominate.sent'), closeButtonProps: { 'aria-label': t('closeNotice') } });
          content.setRef('');
          setNote('');
          setTried(false);
        },
      },
    );
  };

  return (
    <Stack maw={640}>
      <Text size="sm">{t('nominate.intro')}</Text>
      <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={t('tabs.nominate')}>
        <Stack>
          <ContentRefFields state={content} tried={tried} />
          <Group grow align="flex-start">
            <Select label={t('fields.band')} data={BANDS.map((b) => ({ value: b, label: t(`bands.${b}`) }))} value={band} onChange={(v) => setBand(v as Band | null)} required errorProps={ERROR_PROPS} error={tried && !band && t('nominate.problems.band')} />
            <Select label={t('fields.topic')} data={TOPICS.map((x) => ({ value: x, label: t(`topics.${x}`) }))} value={topic} onChange={(v) => setTopic(v as Topic | null)} required errorProps={ERROR_PROPS} error={tried && !topic && t('nominate.problems.topic')} />
          </Group>
          <Textarea label={t('fields.note')} description={t('nominate.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} autosize minRows={2} />
          {nominate.error && (
            <Alert color="red" role="alert">
              {errorText(t, nominate.error)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={nominate.isPending}>
              {t('nominate.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {nominate.data && (
        <Paper withBorder p="md" aria-live="polite">
          <Group justify="space-between">
            <ContentCell content={nominate.data.content} />
            <StatusBadge status={nominate.data.status} />
          </Group>
          <Text size="sm" mt="xs">
            {t('nominate.waiting', { band: t(`bands.${nominate.data.band}`), topic: t(`topics.${nominate.data.topic}`) })}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
