import { Alert, Button, Group, NumberInput, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { errorText } from '../../../components/errors';
import { useFormat } from '../../../i18n/format';
import { useRecordWarning, useWarnings, type Warning, type WarningBody } from '../api';
import { useNotify } from '../notify';

const idr = (locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });

/** Warning letters ST1–ST3 against the order, their fines and the ST2 commitment letter; admins record a new one. */
export function WarningsPanel({ orderId }: { orderId: string }) {
  const { t } = useTranslation('orders');
  const format = useFormat();
  const { can } = useSession();
  const warnings = useWarnings(orderId, true);
  const list = warnings.data?.warnings ?? [];
  const money = idr(format.locale);
  return (
    <Stack>
      <Title order={2} size="h3">
        {t('warnings.title')}
      </Title>
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('warnings.none')}
        </Text>
      ) : (
        <Paper withBorder>
          <ScrollArea>
            <Table verticalSpacing="xs">
              <Table.Caption>{t('warnings.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('warnings.level')}</Table.Th>
                  <Table.Th>{t('warnings.letterDate')}</Table.Th>
                  <Table.Th>{t('warnings.letterNumber')}</Table.Th>
                  <Table.Th ta="right">{t('warnings.fines')}</Table.Th>
                  <Table.Th>{t('warnings.commitment')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((w: Warning) => (
                  <Table.Tr key={w.id}>
                    <Table.Td>{t('warnings.st', { level: w.level })}</Table.Td>
                    <Table.Td>{format.date(`${w.letterDate}T12:00:00+07:00`)}</Table.Td>
                    <Table.Td>{w.letterNumber}</Table.Td>
                    <Table.Td ta="right">{w.fines.length ? money.format(w.fines.reduce((a, f) => a + f.amountIdr, 0)) : '–'}</Table.Td>
                    <Table.Td>{w.commitment ? t('warnings.commitmentOn', { date: format.date(`${w.commitment.date}T12:00:00+07:00`), reference: w.commitment.reference }) : w.level === 2 ? t('warnings.commitmentDue') : '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}
      {can('orders:warnings') && <WarningForm orderId={orderId} next={Math.min(3, list.length + 1) as WarningBody['level']} />}
    </Stack>
  );
}

/** Records a warning letter as it arrived: its level, date, number and the fine it imposes. */
function WarningForm({ orderId, next }: { orderId: string; next: WarningBody['level'] }) {
  const { t } = useTranslation(['orders', 'common']);
  const record = useRecordWarning(orderId);
  const notify = useNotify();
  const [level, setLevel] = useState<string>(String(next));
  // After a letter is recorded the next level is the one to record.
  useEffect(() => setLevel(String(next)), [next]);
  const [letterDate, setLetterDate] = useState('');
  const [letterNumber, setLetterNumber] = useState('');
  const [fine, setFine] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const save = async () => {
    setError(undefined);
    try {
      await record.mutateAsync({
        level: Number(level) as WarningBody['level'],
        letterDate,
        letterNumber,
        fines: typeof fine === 'number' && fine > 0 ? [{ amountIdr: fine, ...(note.trim() ? { note } : {}) }] : [],
      });
      notify(t('warnings.saved'));
      setLetterNumber('');
      setFine('');
      setNote('');
    } catch (err) {
      setError(errorText(t, err));
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3} size="h5">
          {t('warnings.record')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label={t('warnings.level')} data={['1', '2', '3'].map((l) => ({ value: l, label: t('warnings.st', { level: l }) }))} value={level} onChange={(v) => v && setLevel(v)} allowDeselect={false} />
          <TextInput label={t('warnings.letterDate')} type="date" value={letterDate} onChange={(e) => setLetterDate(e.currentTarget.value)} required />
          <TextInput label={t('warnings.letterNumber')} value={letterNumber} onChange={(e) => setLetterNumber(e.currentTarget.value)} required />
          <NumberInput label={t('warnings.fineAmount')} value={fine} onChange={setFine} min={0} allowDecimal={false} thousandSeparator="." decimalSeparator="," prefix="Rp " />
          <TextInput label={t('warnings.fineNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        </SimpleGrid>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={record.isPending} disabled={!letterDate || !letterNumber.trim()}>
            {t('warnings.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
