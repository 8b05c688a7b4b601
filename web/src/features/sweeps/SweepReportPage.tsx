import { Alert, Anchor, Button, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { saveFile } from '../compliance/period';
import { useSweep, useSweepReport } from './api';
import { SweepDocument, type DocumentLanguage } from './SweepDocument';

/**
 * A sweep's report as a document to print or save as PDF and hand to the regulator as proof of
 * cleaning, and as the API's JSON byte for byte. The controls speak the person's language; the
 * document is in Bahasa Indonesia unless English is chosen for it.
 */
export function SweepReportPage() {
  const { t } = useTranslation(['sweeps', 'common']);
  const { id = '' } = useParams();
  const sweep = useSweep(id);
  const s = sweep.data;
  const report = useSweepReport(id, s ? `${s.status}:${s.progress.processed}` : '', !!s);
  const { session } = useSession();
  const [language, setLanguage] = useState<DocumentLanguage>('id');
  const fileName = `saring-sweep-${id}.json`;

  return (
    <Stack>
      <Stack gap="xs" className="no-print">
        <Anchor component={Link} to={`/sweeps/${id}`} size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {t('document.back')}
          </Group>
        </Anchor>
        <Title order={1}>{t('document.title')}</Title>
        <Text size="sm">{t('document.intro')}</Text>
        <Group gap="sm" align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="document-language">
              {t('document.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="document-language"
              value={language}
              onChange={(v) => setLanguage(v as DocumentLanguage)}
              data={[
                { value: 'id', label: t('document.indonesian') },
                { value: 'en', label: t('document.english') },
              ]}
            />
          </Stack>
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()} disabled={!report.data}>
            {t('document.print')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => report.data && saveFile(report.data.bytes, fileName, 'application/json')} disabled={!report.data}>
            {t('document.download')}
          </Button>
        </Group>
        {s && s.status !== 'finished' && (
          <Alert color="yellow" variant="light">
            {t('document.notFinal', { status: t(`status.${s.status}`) })}
          </Alert>
        )}
      </Stack>
      {(sweep.isLoading || report.isLoading) && (
        <Group gap="xs" className="no-print">
          <Loader size="sm" />
          <Text size="sm">{t('common:loading')}</Text>
        </Group>
      )}
      {(sweep.error || report.error) && (
        <Alert color="red" role="alert" className="no-print">
          {errorText(t, sweep.error ?? report.error)}
        </Alert>
      )}
      {report.data && (
        <SweepDocument
          report={report.data.report}
          language={language}
          fileName={fileName}
          // Who started it is an id in the report; the person reading it now is named beside it when that is them.
          createdByName={session && report.data.report.sweep.createdBy === `user:${session.user.id}` ? session.user.name : undefined}
        />
      )}
    </Stack>
  );
}
