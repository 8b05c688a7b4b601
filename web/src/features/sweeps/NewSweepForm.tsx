import { Alert, Anchor, Button, FileButton, Group, Modal, Paper, Radio, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPlay, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { CATEGORIES, CONTENT_KINDS, CONTENT_STATUSES, useLexicons, useLexiconVersions, usePolicyVersions, useStartSweep, type LexiconInfo, type SweepBody, type SweepMode } from './api';
import { filterParts } from './labels';

/** The largest policy file the form reads (the API takes up to 1 MB of source). */
const MAX_POLICY_BYTES = 1_000_000;

type PolicyChoice = 'active' | 'source' | 'version';

interface FilterFields {
  kind: string | null;
  createdFrom: string;
  createdTo: string;
  category: string | null;
  status: string | null;
  account: string;
  bank: string;
  policyVersion: string | null;
}

const EMPTY: FilterFields = { kind: null, createdFrom: '', createdTo: '', category: null, status: null, account: '', bank: '', policyVersion: null };

/** A calendar day's start in WIB (the console's days are WIB days, as the reports count them). */
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`).toISOString();
/** The start of the day after (so the last day chosen is included whole). */
const dayAfter = (day: string) => new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000).toISOString();

/** The API's filter from the form's fields: only what was given. */
function filterOf(f: FilterFields): NonNullable<SweepBody['filter']> {
  const filter: Record<string, string> = {};
  if (f.kind) filter['kind'] = f.kind;
  if (f.createdFrom) filter['createdFrom'] = dayStart(f.createdFrom);
  if (f.createdTo) filter['createdTo'] = dayAfter(f.createdTo);
  if (f.category) filter['category'] = f.category;
  if (f.status) filter['status'] = f.status;
  if (f.account.trim()) filter['account'] = f.account.trim();
  if (f.bank.trim()) filter['bank'] = f.bank.trim();
  if (f.policyVersion) filter['policyVersion'] = f.policyVersion;
  return filter as NonNullable<SweepBody['filter']>;
}

/**
 * A new sweep: a backtest (dry run, against a candidate policy or lexicon versions not yet active)
 * or an apply sweep (acts on what the active policy finds), over all content or a filter. An apply
 * sweep is confirmed first; overriding people's decisions is asked for explicitly, with a warning.
 */
export function NewSweepForm() {
  const { t } = useTranslation(['sweeps', 'common']);
  const format = useFormat();
  const { can } = useSession();
  const navigate = useNavigate();
  const [mode, setMode] = useState<SweepMode>('backtest');
  const [fields, setFields] = useState<FilterFields>(EMPTY);
  const [policy, setPolicy] = useState<PolicyChoice>('active');
  const [source, setSource] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [storedVersion, setStoredVersion] = useState<string | null>(null);
  const [lexicons, setLexicons] = useState<Record<string, string>>({});
  const [overrideHuman, setOverrideHuman] = useState(false);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const start = useStartSweep();
  const versions = usePolicyVersions(can('policy:read'));
  const lexiconList = useLexicons(can('lexicon:read') && mode === 'backtest');
  const set = <K extends keyof FilterFields>(key: K, value: FilterFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const backtest = mode === 'backtest';
  const datesWrong = !!fields.createdFrom && !!fields.createdTo && fields.createdFrom > fields.createdTo;
  const policyMissing = backtest && ((policy === 'source' && !source.trim()) || (policy === 'version' && !storedVersion));

  const body = (): SweepBody => {
    const filter = filterOf(fields);
    const chosenLexicons = Object.fromEntries(Object.entries(lexicons).filter(([, v]) => v !== 'active').map(([k, v]) => [k, Number(v)]));
    return {
      mode,
      ...(Object.keys(filter).length ? { filter } : {}),
      ...(backtest && policy === 'source' ? { policy: { source } } : {}),
      ...(backtest && policy === 'version' && storedVersion ? { policy: { version: Number(storedVersion) } } : {}),
      ...(backtest && Object.keys(chosenLexicons).length ? { lexicons: chosenLexicons } : {}),
      ...(!backtest && overrideHuman ? { overrideHuman: true } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    } as SweepBody;
  };
  const submit = () =>
    start.mutate(body(), {
      onSuccess: (sweep) => {
        setConfirming(false);
        void navigate(`/sweeps/${sweep.id}`);
      },
      onError: () => setConfirming(false),
    });
  const readFile = async (file: File | null) => {
    setFileProblem(null);
    if (!file) return;
    if (file.size > MAX_POLICY_BYTES) {
      setFileProblem(t('form.fileTooLarge'));
      return;
    }
    setSource(await file.text());
    setFileName(file.name);
  };
  const parts = filterParts(t, format, filterOf(fields));
  // A refusal because another sweep is active names it: a link opens it (to pause or cancel it).
  const details = start.error instanceof ApiError && start.error.code === 'sweep_conflict' ? (start.error.details as { sweepId?: unknown } | undefined) : undefined;
  const conflictId = typeof details?.sweepId === 'string' ? details.sweepId : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-sweep">
      <Title order={2} size="h4" id="new-sweep" mb={4}>
        {t('form.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('form.intro')}
      </Text>
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="sweep-mode">
            {t('form.mode')}
          </Text>
          <SegmentedControl
            aria-labelledby="sweep-mode"
            value={mode}
            onChange={(v) => setMode(v as SweepMode)}
            data={[
              { value: 'backtest', label: t('mode.backtest') },
              { value: 'apply', label: t('mode.apply') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          <Text size="xs" c="dimmed">
            {backtest ? t('form.backtestHelp') : t('form.applyHelp')}
          </Text>
        </Stack>

        <fieldset className="sweep-fieldset">
          <legend>{t('form.filter')}</legend>
          <Text size="xs" c="dimmed" mb="xs">
            {t('form.filterHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <Select label={t('filter.kind')} placeholder={t('form.any')} data={CONTENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} value={fields.kind} onChange={(v) => set('kind', v)} clearable />
            <Select label={t('filter.category')} placeholder={t('form.any')} data={CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))} value={fields.category} onChange={(v) => set('category', v)} clearable />
            <Select label={t('filter.status')} placeholder={t('form.any')} data={CONTENT_STATUSES.map((s) => ({ value: s, label: t(`contentStatus.${s}`) }))} value={fields.status} onChange={(v) => set('status', v)} clearable />
            <Select
              label={t('filter.policyVersion')}
              placeholder={t('form.any')}
              data={(versions.data ?? []).map((v) => ({ value: v.label, label: v.active ? t('form.activeVersion', { label: v.label }) : v.label }))}
              value={fields.policyVersion}
              onChange={(v) => set('policyVersion', v)}
              clearable
            />
            <TextInput type="date" label={t('form.createdFrom')} value={fields.createdFrom} onChange={(e) => set('createdFrom', e.currentTarget.value)} />
            <TextInput type="date" label={t('form.createdTo')} value={fields.createdTo} onChange={(e) => set('createdTo', e.currentTarget.value)} error={datesWrong ? t('form.datesWrong') : undefined} />
            <TextInput label={t('filter.account')} description={t('form.accountHelp')} value={fields.account} onChange={(e) => set('account', e.currentTarget.value)} maxLength={256} />
            <TextInput label={t('filter.bank')} description={t('form.bankHelp')} value={fields.bank} onChange={(e) => set('bank', e.currentTarget.value)} maxLength={64} />
          </SimpleGrid>
          <Text size="sm" mt="xs" data-testid="filter-summary">
            {parts.length ? t('form.filterSummary', { parts: parts.join(' · ') }) : t('form.filterNone')}
          </Text>
        </fieldset>

        {backtest ? (
          <fieldset className="sweep-fieldset">
            <legend>{t('form.candidate')}</legend>
            <Radio.Group value={policy} onChange={(v) => setPolicy(v as PolicyChoice)} label={t('form.policy')} description={t('form.policyHelp')}>
              <Stack gap={6} mt={6}>
                <Radio value="active" label={t('form.policyActive')} />
                <Radio value="source" label={t('form.policySource')} />
                <Radio value="version" label={t('form.policyVersion')} />
              </Stack>
            </Radio.Group>
            {policy === 'source' && (
              <Stack gap="xs" mt="sm">
                <Group gap="sm">
                  <FileButton onChange={(f) => void readFile(f)} accept=".yaml,.yml,.json,application/yaml,text/yaml,application/json">
                    {(props) => (
                      <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} {...props}>
                        {t('form.upload')}
                      </Button>
                    )}
                  </FileButton>
                  {fileName && <Text size="sm">{t('form.uploaded', { name: fileName })}</Text>}
                </Group>
                {fileProblem && (
                  <Text size="sm" c="red.8" role="alert">
                    {fileProblem}
                  </Text>
                )}
                <Textarea
                  label={t('form.source')}
                  description={t('form.sourceHelp')}
                  value={source}
                  onChange={(e) => (setSource(e.currentTarget.value), setFileName(null))}
                  autosize
                  minRows={4}
                  maxRows={14}
                  styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: 13 } }}
                  spellCheck={false}
                />
              </Stack>
            )}
            {policy === 'version' && (
              <Select
                mt="sm"
                label={t('form.storedVersion')}
                data={(versions.data ?? []).map((v) => ({ value: String(v.version), label: `${v.label}${v.active ? ` · ${t('form.active')}` : ''}${v.note ? ` · ${v.note}` : ''}` }))}
                value={storedVersion}
                onChange={setStoredVersion}
                maw={520}
              />
            )}
            {(lexiconList.data ?? []).length > 0 && (
              <Table mt="md" verticalSpacing={4} fz="sm" captionSide="top" aria-label={t('form.lexicons')} style={{ maxWidth: 720 }}>
                <Table.Caption style={{ textAlign: 'left' }}>{t('form.lexiconsHelp')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('form.lexicon')}</Table.Th>
                    <Table.Th>{t('form.lexiconCategory')}</Table.Th>
                    <Table.Th>{t('form.lexiconVersion')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(lexiconList.data ?? []).map((l) => (
                    <LexiconRow key={l.name} lexicon={l} value={lexicons[l.name] ?? 'active'} onChange={(v) => setLexicons((all) => ({ ...all, [l.name]: v }))} />
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </fieldset>
        ) : (
          <Stack gap="xs">
            <Switch
              checked={overrideHuman}
              onChange={(e) => setOverrideHuman(e.currentTarget.checked)}
              label={t('form.overrideHuman')}
              description={t('form.overrideHumanHelp')}
              color="red"
            />
            {overrideHuman && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('form.overrideWarningTitle')}>
                {t('form.overrideWarning')}
              </Alert>
            )}
          </Stack>
        )}

        <Textarea label={t('form.note')} description={t('form.noteHelp')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} autosize minRows={1} maw={720} />

        {start.error && (
          <Alert color="red" role="alert">
            {errorText(t, start.error)}
            {conflictId && (
              <Anchor component={Link} to={`/sweeps/${conflictId}`} display="block" mt={4} size="sm">
                {t('form.openConflict')}
              </Anchor>
            )}
          </Alert>
        )}
        <Group>
          <Button
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            color={backtest ? undefined : 'red'}
            onClick={() => (backtest ? submit() : setConfirming(true))}
            loading={start.isPending && !confirming}
            disabled={datesWrong || policyMissing}
          >
            {backtest ? t('form.startBacktest') : t('form.startApply')}
          </Button>
          {policyMissing && (
            <Text size="sm" c="dimmed">
              {t('form.policyMissing')}
            </Text>
          )}
        </Group>
      </Stack>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('form.confirmTitle')} closeButtonProps={{ 'aria-label': t('common:cancel') }}>
        <Stack>
          <Text size="sm">{t('form.confirm')}</Text>
          <Text size="sm">{parts.length ? t('form.filterSummary', { parts: parts.join(' · ') }) : t('form.filterNone')}</Text>
          {overrideHuman && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
              {t('form.confirmOverride')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common:cancel')}
            </Button>
            <Button color="red" onClick={submit} loading={start.isPending}>
              {t('form.confirmApply')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** One lexicon's version for the backtest: the active one, or another stored version. */
function LexiconRow({ lexicon: l, value, onChange }: { lexicon: LexiconInfo; value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('sweeps');
  const versions = useLexiconVersions(l.name);
  const options = [
    { value: 'active', label: t('form.lexiconActive', { version: l.activeVersion }) },
    ...(versions.data ?? []).filter((v) => v.version !== l.activeVersion).map((v) => ({ value: String(v.version), label: t('form.lexiconVersionOption', { version: v.version, entries: v.entries }) })),
  ];
  return (
    <Table.Tr>
      <Table.Td>{l.name}</Table.Td>
      <Table.Td>{t(`categories.${l.category}`, { defaultValue: l.category })}</Table.Td>
      <Table.Td>
        <Select aria-label={t('form.lexiconVersionOf', { name: l.name })} data={options} value={value} onChange={(v) => onChange(v ?? 'active')} allowDeselect={false} size="xs" w={240} />
      </Table.Td>
    </Table.Tr>
  );
}
