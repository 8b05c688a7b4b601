import { Alert, Anchor, Button, FileInput, Group, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import { errorText } from '../../../components/errors';
import { useFormat } from '../../../i18n/format';
import { useImportOrders } from '../api';
import { TargetCounts } from './badges';

interface RowProblem {
  row: number;
  column?: string | null;
  code: string;
  message: string;
}

/** A batch of orders from a CSV or XLSX file (one row a target): the orders made, or every row's problem and nothing stored. */
export function ImportPanel() {
  const { t } = useTranslation(['orders', 'common']);
  const format = useFormat();
  const run = useImportOrders();
  const [file, setFile] = useState<File | null>(null);
  const problems = run.error instanceof ApiError && run.error.code === 'invalid_orders' ? ((run.error.details as { rows?: RowProblem[]; more?: number } | undefined) ?? {}) : undefined;
  const result = run.data;

  return (
    <Stack>
      <Paper withBorder p="md" component="form" onSubmit={(e) => (e.preventDefault(), file && run.mutate(file))} aria-label={t('import.title')}>
        <Stack>
          <Text size="sm">{t('import.intro')}</Text>
          <FileInput
            label={t('import.file')}
            description={t('import.fileHelp')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': t('clearFile') }}
            required
          />
          <Group justify="flex-end">
            <Button type="submit" loading={run.isPending} disabled={!file}>
              {t('import.send')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      {run.error && (
        <Alert color="red" role="alert" title={problems ? t('import.refused') : undefined}>
          {problems ? t('import.nothingStored') : errorText(t, run.error)}
        </Alert>
      )}
      {problems?.rows && problems.rows.length > 0 && (
        <Paper withBorder>
          <ScrollArea>
            <Table verticalSpacing="xs" striped>
              <Table.Caption>{problems.more ? t('import.problemsMore', { count: problems.more }) : t('import.problems')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.row')}</Table.Th>
                  <Table.Th>{t('import.column')}</Table.Th>
                  <Table.Th>{t('import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.rows.map((p, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{format.number(p.row)}</Table.Td>
                    <Table.Td>{p.column ?? '–'}</Table.Td>
                    <Table.Td>{t(`common:errors.${p.code}`, { defaultValue: p.message, message: p.message })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}
      {result && (
        <Paper withBorder>
          <ScrollArea>
            <Table verticalSpacing="xs" striped>
              <Table.Caption>{t('import.done', { orders: result.totals.orders, created: result.totals.created, existing: result.totals.existing, targets: result.totals.targets })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.orderNumber')}</Table.Th>
                  <Table.Th>{t('import.rows')}</Table.Th>
                  <Table.Th>{t('fields.status')}</Table.Th>
                  <Table.Th>{t('clock.deadline')}</Table.Th>
                  <Table.Th>{t('fields.targets')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.orders.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/orders/${o.id}`}>
                        {o.orderNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{o.rows.first === o.rows.last ? format.number(o.rows.first) : t('import.rowRange', { first: o.rows.first, last: o.rows.last })}</Table.Td>
                    <Table.Td>{t(`import.${o.status}`)}</Table.Td>
                    <Table.Td>{format.dateTime(o.dueAt)}</Table.Td>
                    <Table.Td>
                      <TargetCounts counts={o.counts} />
                    </Table.Td>
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
