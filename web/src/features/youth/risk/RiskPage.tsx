import { Alert, Badge, Button, Group, Loader, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconDownload, IconEdit, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/errors';
import { useFormat } from '../../../i18n/format';
import { saveFile } from '../../compliance/period';
import { ASPECTS, LEVELS, riskMarkdown, useRiskHistory, useRiskVersion, useSaveRisk, type Aspect, type Level, type RiskAssessment, type RiskBody } from './api';
import { RiskDocument } from './RiskDocument';

const LEVEL_COLOURS: Record<Level, string> = { low: 'teal', medium: 'yellow', high: 'orange', very_high: 'red' };

/**
 * The PP Tunas risk self-assessment: the version shown as the document a regulator asks for
 * (print, Markdown, JSON), an editor that saves a new version, and the history of versions.
 */
export function RiskPage() {
  const { t } = useTranslation(['risk', 'common']);
  const [version, setVersion] = useState<number | 'latest'>('latest');
  const [editing, setEditing] = useState(false);
  const shown = useRiskVersion(version);
  const latest = useRiskVersion('latest');
  const history = useRiskHistory();
  const a = shown.data ?? null;

  const download = async (format: 'md' | 'json') => {
    if (!a) return;
    if (format === 'md') saveFile(await riskMarkdown(a.version), `penilaian-risiko-anak-v${a.version}.md`, 'text/markdown');
    else saveFile(`${JSON.stringify(a, null, 2)}\n`, `penilaian-risiko-anak-v${a.version}.json`, 'application/json');
  };

  return (
    <Stack>
      <Stack gap={4} className="no-print">
        <Title order={2}>{t('title')}</Title>
        <Text size="sm">{t('intro')}</Text>
      </Stack>
      {!editing && (
        <Group gap="sm" className="no-print">
          <Button leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)} disabled={latest.isLoading}>
            {latest.data ? t('edit') : t('create')}
          </Button>
          <Button variant="default" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()} disabled={!a}>
            {t('print')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void download('md')} disabled={!a}>
            {t('downloadMd')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void download('json')} disabled={!a}>
            {t('downloadJson')}
          </Button>
        </Group>
      )}
      {(shown.error || latest.error) && (
        <Alert color="red" className="no-print">
          {errorText(t, shown.error ?? latest.error)}
        </Alert>
      )}
      {editing ? (
        latest.isSuccess && (
          <RiskEditor
            base={latest.data}
            onDone={() => {
              setEditing(false);
              setVersion('latest');
            }}
          />
        )
      ) : (
        <>
          {shown.isLoading && (
            <Group gap="xs">
              <Loader size="sm" />
              <Text size="sm">{t('common:loading')}</Text>
            </Group>
          )}
          {shown.isSuccess && !a && <Alert className="no-print">{t('none')}</Alert>}
          {a && <RiskDocument assessment={a} />}
        </>
      )}
      {history.data && history.data.versions.length > 0 && (
        <Paper withBorder className="no-print">
          <Title order={3} size="h4" p="md" pb={0}>
            {t('history.title')}
          </Title>
          <ScrollArea>
            <Table striped verticalSpacing="xs">
              <Table.Caption>{t('history.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('history.version')}</Table.Th>
                  <Table.Th>{t('history.saved')}</Table.Th>
                  <Table.Th>{t('history.levels')}</Table.Th>
                  <Table.Th>{t('history.changed')}</Table.Th>
                  <Table.Th>{t('common:actionsColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.versions.map((v) => (
                  <HistoryRow key={v.version} v={v} current={a?.version === v.version} onShow={() => (setVersion(v.version), setEditing(false))} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}
    </Stack>
  );
}

function HistoryRow({ v, current, onShow }: { v: NonNullable<ReturnType<typeof useRiskHistory>['data']>['versions'][number]; current: boolean; onShow: () => void }) {
  const { t } = useTranslation(['risk', 'common']);
  const format = useFormat();
  return (
    <Table.Tr>
      <Table.Td fw={current ? 700 : undefined}>{v.version}</Table.Td>
      <Table.Td>
        <Text size="sm">{format.dateTime(v.createdAt)}</Text>
        <Text size="xs" c="dimmed">
          {v.createdByName}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {ASPECTS.map((k) => (
            <Badge key={k} variant="light" color={LEVEL_COLOURS[v.levels[k]]} style={{ minWidth: 'max-content' }} title={`${t(`aspects.${k}`)}: ${t(`levels.${v.levels[k]}`)}`}>
              {t(`aspectsShort.${k}`)}: {t(`levels.${v.levels[k]}`)}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{v.changed.length === ASPECTS.length ? t('history.all') : v.changed.map((k) => t(`aspects.${k}`)).join(', ') || t('history.none')}</Text>
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="default" onClick={onShow} disabled={current} aria-label={t('history.showVersion', { version: v.version })}>
          {t('history.show')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

type Draft = Record<Aspect, { level: Level | null; assessment: string; evidence: string; mitigations: string }>;

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function draftOf(base: RiskAssessment | null): Draft {
  return Object.fromEntries(
    ASPECTS.map((k) => {
      const x = base?.aspects[k];
      return [k, { level: x?.level ?? null, assessment: x?.assessment ?? '', evidence: x?.evidence.join('\n') ?? '', mitigations: x?.mitigations.join('\n') ?? '' }];
    }),
  ) as Draft;
}

/** Edits all seven aspects, starting from the latest version; saving makes a new version (refused when someone saved one meanwhile). */
function RiskEditor({ base, onDone }: { base: RiskAssessment | null; onDone: () => void }) {
  const { t } = useTranslation(['risk', 'common']);
  const [summary, setSummary] = useState(base?.summary ?? '');
  const [draft, setDraft] = useState<Draft>(() => draftOf(base));
  const [tried, setTried] = useState(false);
  const save = useSaveRisk();
  const set = (k: Aspect, patch: Partial<Draft[Aspect]>) => setDraft((d) => ({ ...d, [k]: { ...d[k], ...patch } }));
  const missing = ASPECTS.filter((k) => !draft[k].level || !draft[k].assessment.trim());

  const submit = () => {
    setTried(true);
    if (missing.length) return;
    const body: RiskBody = {
      basedOn: base?.version ?? 0,
      ...(summary.trim() ? { summary: summary.trim() } : {}),
      aspects: Object.fromEntries(ASPECTS.map((k) => [k, { level: draft[k].level!, assessment: draft[k].assessment.trim(), evidence: lines(draft[k].evidence), mitigations: lines(draft[k].mitigations) }])) as RiskBody['aspects'],
    };
    save.mutate(body, { onSuccess: onDone });
  };

  return (
    <Stack className="no-print">
      <Text size="sm">{base ? t('editor.from', { version: base.version }) : t('editor.first')}</Text>
      <Textarea label={t('editor.summary')} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} maxLength={10_000} />
      {ASPECTS.map((k, i) => (
        <Paper key={k} withBorder p="md">
          <Title order={3} size="h5" mb="xs">
            {i + 1}. {t(`aspects.${k}`)}
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            {t(`aspectHelp.${k}`)}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Stack gap="xs">
              <Select
                label={t('editor.level')}
                required
                data={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
                value={draft[k].level}
                onChange={(v) => set(k, { level: v as Level | null })}
                error={tried && !draft[k].level ? t('editor.levelRequired') : undefined}
                allowDeselect={false}
              />
              <Textarea
                label={t('editor.assessment')}
                required
                value={draft[k].assessment}
                onChange={(e) => set(k, { assessment: e.currentTarget.value })}
                autosize
                minRows={3}
                maxLength={20_000}
                error={tried && !draft[k].assessment.trim() ? t('editor.assessmentRequired') : undefined}
              />
            </Stack>
            <Stack gap="xs">
              <Textarea label={t('editor.evidence')} description={t('editor.onePerLine')} value={draft[k].evidence} onChange={(e) => set(k, { evidence: e.currentTarget.value })} autosize minRows={2} />
              <Textarea label={t('editor.mitigations')} description={t('editor.onePerLine')} value={draft[k].mitigations} onChange={(e) => set(k, { mitigations: e.currentTarget.value })} autosize minRows={2} />
            </Stack>
          </SimpleGrid>
        </Paper>
      ))}
      {tried && missing.length > 0 && (
        <Alert color="red" role="alert">
          {t('editor.missing', { aspects: missing.map((k) => t(`aspects.${k}`)).join(', ') })}
        </Alert>
      )}
      {save.error && (
        <Alert color="red" role="alert">
          {errorText(t, save.error)}
        </Alert>
      )}
      <Group>
        <Button onClick={submit} loading={save.isPending}>
          {t('editor.save')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('common:cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
