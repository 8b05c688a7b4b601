import { Alert, Anchor, Badge, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorText } from '../../../components/errors';
import { useFormat } from '../../../i18n/format';
import { useAccountAge, useEligibility, type AgeEvent } from './api';
import { CaseEvidence } from './AgePage';
import { AssuranceLabel, BandLabel, StatusBadge } from './labels';

/** One account's age: status, band, assurance, what it may do, the open review, events, checks and parental consents. */
export function AccountAgePage() {
  const { t } = useTranslation(['age', 'common']);
  const format = useFormat();
  const id = useParams()['account'] ?? '';
  const age = useAccountAge(id);
  const eligibility = useEligibility(id, age.isSuccess);
  const a = age.data;
  const r = a?.record;
  return (
    <Stack>
      <Anchor component={Link} to="/youth/age" size="sm">
        {t('account.back')}
      </Anchor>
      <Title order={2}>{t('account.title', { account: id })}</Title>
      {age.error && <Alert color="red">{errorText(t, age.error)}</Alert>}
      {a && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Fact label={t('account.status')}>
              <StatusBadge status={a.status} />
            </Fact>
            <Fact label={t('account.band')}>{r ? <BandLabel band={r.band} /> : t('bands.unknown')}</Fact>
            <Fact label={t('account.assurance')}>
              <AssuranceLabel assurance={r?.assurance ?? null} />
            </Fact>
            <Fact label={t('account.nextBand')}>{r?.nextBandAt ? format.date(r.nextBandAt) : '–'}</Fact>
          </SimpleGrid>
          {!r && <Text c="dimmed">{t('account.noRecord')}</Text>}
          {a.openCase && (
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">
                {t('account.openCase', { kind: t(`kinds.${a.openCase.kind}`) })}
              </Title>
              <CaseEvidence ageCase={a.openCase} />
            </Paper>
          )}
          {eligibility.data && (
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb={4}>
                {t('account.features')}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {t('account.minimumAge', { age: eligibility.data.minimumAge })}
              </Text>
              <Table verticalSpacing={4} aria-label={t('account.features')}>
                <Table.Tbody>
                  {Object.entries(eligibility.data.features).map(([feature, f]) => (
                    <Table.Tr key={feature} data-feature={feature}>
                      <Table.Td>{t(`features.${feature}`)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={f.allowed ? 'teal' : 'red'}>
                          {f.allowed ? t('account.allowed') : t('account.notAllowed')}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`featureReasons.${f.reason}`, { age: f.minimumAge })}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
          <Paper withBorder>
            <Title order={3} size="h4" p="md" pb={0}>
              {t('account.events')}
            </Title>
            <ScrollArea>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('events.at')}</Table.Th>
                    <Table.Th>{t('events.kind')}</Table.Th>
                    <Table.Th>{t('events.change')}</Table.Th>
                    <Table.Th>{t('events.who')}</Table.Th>
                    <Table.Th>{t('events.why')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.events.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>{format.dateTime(e.at)}</Table.Td>
                      <Table.Td>{t(`eventKinds.${e.kind}`, { defaultValue: e.kind })}</Table.Td>
                      <Table.Td>
                        <Change event={e} />
                      </Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>
                        <Text size="xs">{e.actor}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Why event={e} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Paper>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">
                {t('account.checks')}
              </Title>
              {a.checks.length === 0 && <Text c="dimmed">{t('account.noChecks')}</Text>}
              <Stack gap={4}>
                {a.checks.map((c) => (
                  <Text key={c.id} size="sm">
                    {t('evidence.check', { method: t(`methods.${c.method}`), result: t(`results.${c.result}`), at: format.dateTime(c.checkedAt) })}
                    {c.purgedAt && ` · ${t('evidence.purged')}`}
                  </Text>
                ))}
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">
                {t('account.consents')}
              </Title>
              {a.consents.length === 0 && <Text c="dimmed">{t('account.noConsents')}</Text>}
              <Stack gap={4}>
                {a.consents.map((c) => (
                  <Stack key={c.id} gap={0}>
                    <Text size="sm">
                      {t('consent.given', { by: c.givenBy, relation: t(`relations.${c.relation}`, { defaultValue: c.relation }), at: format.date(c.givenAt) })}
                      {c.withdrawnAt && ` · ${t('consent.withdrawn', { at: format.date(c.withdrawnAt) })}`}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {c.scope.map((f) => t(`features.${f}`)).join(', ')}
                    </Text>
                  </Stack>
                ))}
              </Stack>
            </Paper>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Group gap={4} mt={4}>
        <Text fw={600} component="div">
          {children}
        </Text>
      </Group>
    </Paper>
  );
}

/**
 * Why an event happened, in the console's language: what Saring did on its own is described from
 * the event's kind and evidence; a person's reason (a review's decision, a withdrawal, the
 * deactivation programme's note) is shown as they wrote it.
 */
function Why({ event }: { event: AgeEvent }) {
  const { t } = useTranslation('age');
  const format = useFormat();
  const ev = event.evidence as { method?: string; result?: string; givenBy?: string; requestedBy?: string; score?: number } | null;
  const text = (() => {
    switch (event.kind) {
      case 'declared':
        return t('eventText.declared');
      case 'checked':
      case 'check_recorded':
        return ev?.method && ev.result ? t(`eventText.${event.kind}`, { method: t(`methods.${ev.method}`), result: t(`results.${ev.result}`) }) : t('eventText.check');
      case 'band_advanced':
        return t('eventText.band_advanced');
      case 'consent_given':
        return ev?.givenBy ? t('eventText.consent_given', { by: ev.givenBy }) : t('eventText.consent');
      case 'review_opened':
        if (ev?.requestedBy) return t('eventText.correction', { by: t(`requestedByCap.${ev.requestedBy}`, { defaultValue: ev.requestedBy }) });
        if (ev?.score !== undefined) return t('eventText.signal', { score: format.number(Math.round(ev.score * 100) / 100) });
        return t('eventText.opened');
      default:
        return event.reason ?? '–';
    }
  })();
  return <Text size="sm">{text}</Text>;
}

/** An event's change of status (and band), when it changed them. */
function Change({ event }: { event: AgeEvent }) {
  const { t } = useTranslation('age');
  const before = event.before as { status?: string; band?: string } | null;
  const after = event.after as { status?: string; band?: string } | null;
  if (!after?.status) return <>–</>;
  const status = (s: string | undefined) => (s ? t(`statuses.${s}`) : t('events.none'));
  const band = (b: string | undefined) => (b ? t(`bands.${b}`) : t('events.none'));
  return (
    <Text size="sm">
      {before && before.status !== after.status ? `${status(before.status)} → ${status(after.status)}` : status(after.status)}
      {before ? before.band !== after.band && ` (${band(before.band)} → ${band(after.band)})` : ` (${band(after.band)})`}
    </Text>
  );
}
