import { Button, Code, Paper, ScrollArea, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { ActionBadge } from '../../review/components/labels';
import type { Target, Verification } from '../api';
import { StateBadge, TargetStatusBadge } from './badges';

/** The order's targets: what was named, what it resolved to, its status and proof, and (after a re-check) its state now. */
export function TargetsTable({ targets, checked, onClarify }: { targets: Target[]; checked?: Verification[]; onClarify?: (target: Target) => void }) {
  const { t } = useTranslation(['orders', 'common']);
  return (
    <Paper withBorder>
      <ScrollArea>
        <Table verticalSpacing="xs" striped>
          <Table.Caption>{t('targets.caption', { count: targets.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('targets.value')}</Table.Th>
              <Table.Th>{t('targets.content')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <Table.Th>{t('targets.handled')}</Table.Th>
              <Table.Th>{t('targets.proof')}</Table.Th>
              {checked && <Table.Th>{t('verify.stateNow')}</Table.Th>}
              {onClarify && (
                <Table.Th>
                  <VisuallyHidden>{t('common:actionsColumn')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {targets.map((target, i) => (
              <TargetRow key={target.id} target={target} check={checked?.[i]} showCheck={!!checked} onClarify={onClarify} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  );
}

function TargetRow({ target: x, check, showCheck, onClarify }: { target: Target; check?: Verification; showCheck: boolean; onClarify?: (target: Target) => void }) {
  const { t } = useTranslation('orders');
  const format = useFormat();
  return (
    <Table.Tr data-target={x.value}>
      <Table.Td maw={320} style={{ wordBreak: 'break-all' }}>
        <Text size="xs" c="dimmed">
          {t(`kinds.${x.kind}`)}
        </Text>
        <Text size="sm">{x.value}</Text>
      </Table.Td>
      <Table.Td>{x.contentId ? <Code>{x.contentId.slice(0, 8)}</Code> : '–'}</Table.Td>
      <Table.Td>
        <TargetStatusBadge status={x.status} />
      </Table.Td>
      <Table.Td>{x.handledAt ? format.dateTime(x.handledAt) : '–'}</Table.Td>
      <Table.Td>
        <Proof target={x} />
      </Table.Td>
      {showCheck && (
        <Table.Td>
          {check && (
            <Stack gap={2}>
              <StateBadge state={check.state} />
              {check.since && <Text size="xs">{t('verify.sinceWhen', { when: format.dateTime(check.since) })}</Text>}
              {check.blockedByBank && <Text size="xs">{t('verify.blocked')}</Text>}
            </Stack>
          )}
        </Table.Td>
      )}
      {onClarify && (
        <Table.Td>
          {!x.clarification && (
            <Button size="xs" variant="light" onClick={() => onClarify(x)} aria-label={t('clarify.openFor', { target: x.value })}>
              {t('clarify.open')}
            </Button>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** What shows the target was answered: the removing decision (who, what, hashes banked), or the platform's clarification. */
function Proof({ target: x }: { target: Target }) {
  const { t } = useTranslation('orders');
  if (!x.proof && !x.clarification) return <>–</>;
  return (
    <Stack gap={4}>
      {x.proof && (
        <Stack gap={2} data-proof>
          <ActionBadge action={x.proof.action} />
          <Text size="xs">{t('proof.decision', { id: x.proof.decisionId.slice(0, 8) })}</Text>
          <Text size="xs">{t(`proof.actor.${x.proof.actorType}`, { defaultValue: x.proof.actorType })}</Text>
          <Text size="xs">{t('proof.hashes', { count: x.proof.hashesBanked })}</Text>
        </Stack>
      )}
      {x.clarification && (
        <Stack gap={2}>
          <Text size="xs" fw={600}>
            {t(`clarify.reasons.${x.clarification.reason}`)}
          </Text>
          <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {x.clarification.text}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
