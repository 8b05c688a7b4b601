import { Alert, Button, Group, Paper, ScrollArea, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { errorText } from '../../../components/errors';
import { useFormat } from '../../../i18n/format';
import { useAnswerInformation, type Order } from '../api';
import { useNotify } from '../notify';
import { StateBadge } from './badges';

/** A request for information: the platform's answer (what Saring knows of each target), or, for the platform's seniors, the form to give it. */
export function InformationPanel({ order: o }: { order: Order }) {
  const { t } = useTranslation('orders');
  const format = useFormat();
  const { can } = useSession();
  if (o.requestedAction !== 'information') return null;
  const answer = o.answer;
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('information.title')}
      </Title>
      {answer ? (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('information.answeredAt', { when: format.dateTime(answer.answeredAt) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {answer.note}
            </Text>
            <ScrollArea>
              <Table verticalSpacing="xs" striped>
                <Table.Caption>{t('information.caption', { count: answer.items.length })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('kinds.externalId')}</Table.Th>
                    <Table.Th>{t('information.account')}</Table.Th>
                    <Table.Th>{t('information.uploadedAt')}</Table.Th>
                    <Table.Th>{t('verify.state')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {answer.items.map((item) => (
                    <Table.Tr key={item.targetId}>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{item.externalId}</Table.Td>
                      <Table.Td>{item.account ?? '–'}</Table.Td>
                      <Table.Td>{format.dateTime(item.uploadedAt)}</Table.Td>
                      <Table.Td>
                        <StateBadge state={item.state} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </Stack>
        </Paper>
      ) : can('orders:answer') ? (
        <AnswerForm orderId={o.id} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('information.waiting')}
        </Text>
      )}
    </Stack>
  );
}

function AnswerForm({ orderId }: { orderId: string }) {
  const { t } = useTranslation(['orders', 'common']);
  const answer = useAnswerInformation(orderId);
  const notify = useNotify();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const send = async () => {
    setError(undefined);
    try {
      await answer.mutateAsync(note);
      notify(t('information.sent'));
    } catch (err) {
      setError(errorText(t, err));
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Textarea label={t('information.note')} description={t('information.noteHelp')} value={note} onChange={(e) => setNote(e.currentTarget.value)} required autosize minRows={3} />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void send()} loading={answer.isPending} disabled={!note.trim()}>
            {t('information.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
