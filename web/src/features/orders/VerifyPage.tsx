import { Alert, Button, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { MAX_VERIFY, useVerify } from './api';
import { StateBadge } from './components/badges';
import { TargetsField } from './components/TargetsField';
import { parseTargets, validTargets } from './targets';
import { BackToOrders } from './components/BackToOrders';

/** The state of content now (available, restricted, removed, unknown), since when, and whether a re-upload is blocked. */
export function VerifyPage() {
  const { t } = useTranslation(['orders', 'common']);
  const format = useFormat();
  const { can } = useSession();
  const verify = useVerify();
  const [text, setText] = useState('');
  const lines = useMemo(() => parseTargets(text), [text]);
  const invalid = lines.some((l) => l.kind === 'invalid') || lines.length > MAX_VERIFY;

  const check = (e: FormEvent) => {
    e.preventDefault();
    if (lines.length && !invalid) verify.mutate(validTargets(lines));
  };

  return (
    <Stack>
      <Stack gap={4}>
        <BackToOrders />
        <Title order={1}>{t('verify.title')}</Title>
        {!can('content:read') && (
          <Text size="sm" c="dimmed">
            {t('verify.ownOnly')}
          </Text>
        )}
      </Stack>
      <Paper withBorder p="md" component="form" onSubmit={check} aria-label={t('verify.title')}>
        <Stack>
          <TargetsField label={t('verify.input')} value={text} onChange={setText} lines={lines} max={MAX_VERIFY} />
          <Group justify="flex-end">
            <Button type="submit" loading={verify.isPending} disabled={!lines.length || invalid}>
              {t('verify.check')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {verify.error && (
        <Alert color="red" role="alert">
          {errorText(t, verify.error)}
        </Alert>
      )}
      {verify.data && (
        <Paper withBorder>
          <ScrollArea>
            <Table verticalSpacing="xs" striped>
              <Table.Caption>{t('verify.caption', { count: verify.data.results.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('targets.value')}</Table.Th>
                  <Table.Th>{t('verify.state')}</Table.Th>
                  <Table.Th>{t('verify.since')}</Table.Th>
                  <Table.Th>{t('verify.blockedColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {verify.data.results.map((r, i) => (
                  <Table.Tr key={`${r.kind}:${r.value}:${i}`} data-target={r.value}>
                    <Table.Td maw={420} style={{ wordBreak: 'break-all' }}>
                      <Text size="xs" c="dimmed">
                        {t(`kinds.${r.kind}`)}
                      </Text>
                      <Text size="sm">{r.value}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StateBadge state={r.state} />
                    </Table.Td>
                    <Table.Td>{r.since ? format.dateTime(r.since) : '–'}</Table.Td>
                    <Table.Td>{r.blockedByBank ? t('verify.yes') : t('verify.no')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}
    </Stack>
  );
}
