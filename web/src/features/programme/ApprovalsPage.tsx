import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { useApprovals, useDecide, type Nomination } from './api';
import { ContentCell, ERROR_PROPS, FailedChecks } from './labels';

/** Pending nominations this partner may decide: approve (Saring's checks then run) or reject with a reason. */
export function ApprovalsPage() {
  const { t } = useTranslation(['programme', 'common']);
  const approvals = useApprovals();
  const rows = approvals.data?.pages.flatMap((p) => p.nominations) ?? [];
  const second = approvals.data?.pages[0]?.secondOrganisation ?? false;
  const [deciding, setDeciding] = useState<{ nomination: Nomination; approve: boolean } | null>(null);

  return (
    <>
      <Text size="sm">{second ? t('approvals.introSecond') : t('approvals.intro')}</Text>
      {approvals.error && <Alert color="red">{errorText(t, approvals.error)}</Alert>}
      <Stack gap="sm">
        {rows.map((n) => (
          <PendingCard key={n.id} nomination={n} onDecide={(approve) => setDeciding({ nomination: n, approve })} />
        ))}
      </Stack>
      {approvals.isSuccess && rows.length === 0 && (
        <Paper withBorder p="md">
          <Text c="dimmed">{t('approvals.empty')}</Text>
        </Paper>
      )}
      {approvals.hasNextPage && (
        <Button variant="default" onClick={() => void approvals.fetchNextPage()} loading={approvals.isFetchingNextPage} style={{ alignSelf: 'center' }}>
          {t('more')}
        </Button>
      )}
      {deciding && <DecideModal {...deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}

function PendingCard({ nomination: n, onDecide }: { nomination: Nomination; onDecide: (approve: boolean) => void }) {
  const { t } = useTranslation('programme');
  const format = useFormat();
  return (
    <Paper withBorder p="md" component="article" aria-label={n.content.externalId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <ContentCell content={n.content} />
          <Text size="sm">
            {t(`bands.${n.band}`)} · {t(`topics.${n.topic}`)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('approvals.nominated', { org: n.organisation, at: format.dateTime(n.nominatedAt) })}
          </Text>
          {n.note && (
            <Text size="sm" fs="italic">
              “{n.note}”
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button onClick={() => onDecide(true)}>
            {t('approvals.approve')}
          </Button>
          <Button variant="default" onClick={() => onDecide(false)}>
            {t('approvals.reject')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

function DecideModal({ nomination, approve, onClose }: { nomination: Nomination; approve: boolean; onClose: () => void }) {
  const { t } = useTranslation(['programme', 'common']);
  const decide = useDecide();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const missing = !approve && !reason.trim();
  const submit = () => {
    setTried(true);
    if (missing) return;
    decide.mutate(
      { id: nomination.id, approve, reason: reason.trim() },
      {
        onSuccess: (n) => {
          notifications.show({ color: n.status === 'catalogued' ? 'green' : n.status === 'blocked' ? 'orange' : 'gray', message: t(`approvals.done.${n.status}`, { defaultValue: t(`status.${n.status}`) }), closeButtonProps: { 'aria-label': t('closeNotice') } });
          if (n.status !== 'blocked') onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={approve ? t('approvals.approveTitle') : t('approvals.rejectTitle')} size="lg" closeButtonProps={{ 'aria-label': t('approvals.cancel') }}>
      <Stack>
        <ContentCell content={nomination.content} />
        <Text size="sm">{approve ? t('approvals.approveHint') : t('approvals.rejectHint')}</Text>
        <Textarea label={approve ? t('approvals.reasonOptional') : t('fields.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required={!approve} errorProps={ERROR_PROPS} error={tried && missing && t('approvals.reasonRequired')} autosize minRows={2} maxLength={2000} data-autofocus />
        {decide.error && (
          <Alert color="red" role="alert">
            {errorText(t, decide.error)}
          </Alert>
        )}
        {decide.data?.status === 'blocked' && (
          <Alert color="orange" role="alert" title={t('approvals.done.blocked')}>
            <FailedChecks checks={decide.data.checks} />
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('approvals.cancel')}
          </Button>
          {decide.data?.status !== 'blocked' && (
            <Button {...(approve ? {} : { color: 'red.8' })} onClick={submit} loading={decide.isPending}>
              {approve ? t('approvals.approve') : t('approvals.reject')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
