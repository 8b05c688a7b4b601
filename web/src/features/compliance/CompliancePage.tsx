import { Alert, Button, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { ComplianceDocument, type SignedComplianceReport } from './ComplianceDocument';
import { PeriodPicker } from './PeriodPicker';
import { lastMonth, periodProblem, periodQuery, saveFile, type Period } from './period';

/**
 * The signed compliance report of a period (GET /v1/regulator/compliance-report): officers get
 * their organisation's, the platform's people everyone's. The controls speak the person's
 * language; the document is in Bahasa Indonesia, printed or saved as PDF through the browser. The
 * download is the API's answer byte for byte, so `saring report verify` accepts it.
 */
export function CompliancePage() {
  const { t } = useTranslation(['compliance', 'common']);
  // The API's rule: who may read the platform's content sees every organisation's orders.
  const { can, session } = useSession();
  const [period, setPeriod] = useState<Period>(() => lastMonth());
  const valid = periodProblem(period) === null;
  const report = useQuery({
    queryKey: ['compliance-report', period.from, period.to],
    enabled: valid,
    queryFn: async () => {
      // The answer's bytes as they came: the download must be exactly what was signed and served.
      const bytes = await data(api.GET('/v1/regulator/compliance-report', { params: { query: periodQuery(period) }, parseAs: 'arrayBuffer' }));
      const signed = JSON.parse(new TextDecoder().decode(bytes)) as SignedComplianceReport;
      return { bytes, signed };
    },
  });
  const fileName = `saring-compliance-${period.from}-${period.to}.json`;

  return (
    <Stack>
      <Stack gap="xs" className="no-print">
        <Title order={1}>{t('title')}</Title>
        <Text size="sm">{t('intro')}</Text>
        <Text size="sm">{can('content:read') ? t('scopeAll') : t('scopeOwn')}</Text>
        <PeriodPicker value={period} onChange={setPeriod} />
        <Group gap="sm">
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()} disabled={!report.data}>
            {t('print')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => report.data && saveFile(report.data.bytes, fileName, 'application/json')} disabled={!report.data}>
            {t('download')}
          </Button>
        </Group>
        <Text size="sm">
          {t('verifyHint')} <Code>{`saring report verify ${fileName}`}</Code>
        </Text>
        <Alert variant="light" color="blue" p="xs">
          <Text size="sm">{t('officialNote')}</Text>
        </Alert>
      </Stack>
      {report.isLoading && (
        <Group gap="xs" className="no-print">
          <Loader size="sm" />
          <Text size="sm">{t('loading')}</Text>
        </Group>
      )}
      {report.error && (
        <Alert color="red" role="alert" className="no-print">
          {errorText(t, report.error)}
        </Alert>
      )}
      {report.data && <ComplianceDocument
          signed={report.data.signed}
          fileName={fileName}
          // Who generated it is signed as an id; the person reading it now is named beside it when that is them.
          generatedByName={session && report.data.signed.report.generatedBy === `user:${session.user.id}` ? session.user.name : undefined}
        />}
    </Stack>
  );
}
