import { Alert, Badge, Button, Group, Modal, Paper, Radio, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../../app/session';
import { errorText } from '../../../components/errors';
import { useFormat } from '../../../i18n/format';
import { CASE_STATUSES, useAgeCases, useDecide, type AgeBand, type AgeCase, type CaseStatus } from './api';
import { AssuranceLabel, BandLabel, StatusBadge } from './labels';

/**
 * The age-review queue (PP Tunas: a way to correct a wrong age): users' and parents' corrections
 * with the outcome of their check, and underage signals found in an account's texts, each with its
 * evidence; a person with age:decide accepts or rejects one with a reason.
 */
export function AgePage() {
  const { t } = useTranslation(['age', 'common']);
  const [status, setStatus] = useState<CaseStatus>('open');
  const cases = useAgeCases(status);
  const rows = cases.data?.cases ?? [];
  return (
    <Stack>
      <Stack gap={4}>
        <Title order={2}>{t('queue.title')}</Title>
        <Text size="sm">{t('queue.intro')}</Text>
      </Stack>
      <AccountLookup />
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('queue.cases', { count: rows.length })}
        </Title>
        <SegmentedControl aria-label={t('queue.filter')} value={status} onChange={(v) => setStatus(v as CaseStatus)} data={CASE_STATUSES.map((s) => ({ value: s, label: t(`caseStatuses.${s}`) }))} />
      </Group>
      {cases.error && <Alert color="red">{errorText(t, cases.error)}</Alert>}
      {cases.isSuccess && rows.length === 0 && <Text c="dimmed">{t('queue.empty')}</Text>}
      {rows.map((c) => (
        <CaseCard key={c.id} ageCase={c} />
      ))}
    </Stack>
  );
}

function AccountLookup() {
  const { t } = useTranslation('age');
  const navigate = useNavigate();
  const [id, setId] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (id.trim()) void navigate(`/youth/age/accounts/${encodeURIComponent(id.trim())}`);
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit}>
      <Group align="flex-end">
        <TextInput label={t('lookup.label')} description={t('lookup.help')} value={id} onChange={(e) => setId(e.currentTarget.value)} maxLength={256} style={{ flex: 1 }} />
        <Button type="submit" variant="default" leftSection={<IconSearch size={16} aria-hidden />} disabled={!id.trim()}>
          {t('lookup.open')}
        </Button>
      </Group>
    </Paper>
  );
}

/** An age range as people write it: `11`, or `10–12`. */
const ages = (r: { min: number; max: number }): string => (r.min === r.max ? String(r.min) : `${r.min}–${r.max}`);

/** What a review claims: the band, and the age or age range given. */
function Claim({ claim }: { claim: Record<string, unknown> }) {
  const { t } = useTranslation('age');
  const band = claim['band'] as AgeBand | undefined;
  const range = claim['ageRange'] as { min: number; max: number } | undefined;
  const declared = claim['declaredAge'] as number | undefined;
  return (
    <Text size="sm">
      {band ? <BandLabel band={band} /> : '–'}
      {declared !== undefined && ` · ${t('claim.declared', { age: declared })}`}
      {range && ` · ${t('claim.range', { ages: ages(range) })}`}
      {typeof claim['dateOfBirth'] === 'string' && ` · ${t('claim.dateOfBirth', { date: claim['dateOfBirth'] })}`}
    </Text>
  );
}

interface SignalItem {
  externalId: string;
  score: number;
  age: { min: number; max: number };
  matches: { field: string; match: string; kind: string; age: { min: number; max: number } }[];
}

/** The evidence of a review: the check behind a correction, or the matches of an underage signal. */
export function CaseEvidence({ ageCase }: { ageCase: AgeCase }) {
  const { t } = useTranslation('age');
  const format = useFormat();
  const check = ageCase.check;
  const items = ((ageCase.evidence as { items?: SignalItem[] } | null)?.items ?? []).slice(0, 5);
  const note = (ageCase.evidence as { note?: string } | null)?.note;
  if (!check && items.length === 0 && !note) return <Text size="sm" c="dimmed">{ageCase.evidence === null && ageCase.status !== 'open' ? t('evidence.purged') : t('evidence.none')}</Text>;
  return (
    <Stack gap={4}>
      {check && (
        <Text size="sm" data-testid="case-check">
          {t('evidence.check', { method: t(`methods.${check.method}`), result: t(`results.${check.result}`), at: format.dateTime(check.checkedAt) })}
          {check.outcome && typeof check.outcome['provider'] === 'string' && ` · ${t('evidence.provider', { provider: check.outcome['provider'] })}`}
          {check.outcome && typeof check.outcome['confidence'] === 'number' && ` · ${t('evidence.confidence', { value: format.percent(check.outcome['confidence']) })}`}
          {!check.outcome && ` · ${t('evidence.purged')}`}
        </Text>
      )}
      {note && <Text size="sm">{t('evidence.note', { note })}</Text>}
      {items.map((item, i) => (
        <Stack key={`${item.externalId}-${i}`} gap={2}>
          <Text size="sm">{t('evidence.signal', { item: item.externalId, score: format.number(Math.round(item.score * 100) / 100), ages: ages(item.age) })}</Text>
          {item.matches.slice(0, 4).map((m, j) => (
            <Text key={j} size="sm" pl="md">
              {t('evidence.match', { field: m.field, match: m.match, ages: ages(m.age) })}
            </Text>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function CaseCard({ ageCase: c }: { ageCase: AgeCase }) {
  const { t } = useTranslation(['age', 'common']);
  const format = useFormat();
  const { can } = useSession();
  const [deciding, setDeciding] = useState(false);
  return (
    <Paper withBorder p="md" data-case={c.id} component="article" aria-label={t('queue.caseLabel', { account: c.externalId })}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={700} component={Link} to={`/youth/age/accounts/${encodeURIComponent(c.externalId)}`}>
                {c.externalId}
              </Text>
              <Badge variant="outline" color={c.kind === 'correction' ? 'blue' : 'grape'}>
                {t(`kinds.${c.kind}`)}
              </Badge>
              {c.record && <StatusBadge status={c.record.status} />}
            </Group>
            <Text size="xs" c="dimmed">
              {t('queue.opened', { at: format.dateTime(c.openedAt), by: t(`requestedBy.${c.requestedBy}`, { defaultValue: c.requestedBy }) })}
            </Text>
          </Stack>
          {c.status === 'open' && can('age:decide') && (
            <Button size="xs" onClick={() => setDeciding(true)}>
              {t('decide.open')}
            </Button>
          )}
        </Group>
        <Group gap="xl" align="flex-start">
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('queue.now')}
            </Text>
            <Text size="sm">{c.record ? <><BandLabel band={c.record.band} /> · <AssuranceLabel assurance={c.record.assurance} /></> : t('queue.noRecord')}</Text>
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('queue.claim')}
            </Text>
            <Claim claim={c.claim} />
          </Stack>
        </Group>
        <CaseEvidence ageCase={c} />
        {c.status !== 'open' && (
          <Text size="sm" data-testid="case-decision">
            {t('decide.decided', { decision: t(`caseStatuses.${c.status}`), by: c.decidedBy ?? '–', at: c.decidedAt ? format.dateTime(c.decidedAt) : '–' })}
            {c.reason && ` — ${c.reason}`}
          </Text>
        )}
      </Stack>
      <DecideModal ageCase={c} opened={deciding} onClose={() => setDeciding(false)} />
    </Paper>
  );
}

function DecideModal({ ageCase, opened, onClose }: { ageCase: AgeCase; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['age', 'common']);
  const [decision, setDecision] = useState<'accept' | 'reject' | ''>('');
  const [reason, setReason] = useState('');
  const decide = useDecide();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!decision || !reason.trim()) return;
    decide.mutate({ id: ageCase.id, body: { decision, reason: reason.trim() } }, { onSuccess: () => (setDecision(''), setReason(''), onClose()) });
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('decide.title', { account: ageCase.externalId })} closeButtonProps={{ 'aria-label': t('common:cancel') }}>
      <form onSubmit={submit}>
        <Stack>
          <Radio.Group label={t('decide.decision')} value={decision} onChange={(v) => setDecision(v as 'accept' | 'reject')} required>
            <Stack gap={6} mt={4}>
              <Radio value="accept" label={t('decide.accept')} description={ageCase.kind === 'correction' ? t('decide.acceptCorrection') : t('decide.acceptSignal')} />
              <Radio value="reject" label={t('decide.reject')} description={t('decide.rejectHelp')} />
            </Stack>
          </Radio.Group>
          <Textarea label={t('decide.reason')} description={t('decide.reasonHelp')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required maxLength={2000} autosize minRows={2} />
          {decide.error && <Alert color="red">{errorText(t, decide.error)}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}
            </Button>
            <Button type="submit" loading={decide.isPending} disabled={!decision || !reason.trim()}>
              {t('decide.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
