import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/errors';
import { CLARIFICATION_REASONS, useClarify, type ClarificationBody, type Target } from '../api';
import { useNotify } from '../notify';

/** The platform answers one target with a clarification (objection) instead of a takedown. */
export function ClarifyModal({ orderId, target, onClose }: { orderId: string; target: Target | null; onClose(): void }) {
  const { t } = useTranslation(['orders', 'common']);
  const clarify = useClarify(orderId);
  const notify = useNotify();
  const [reason, setReason] = useState<ClarificationBody['reason']>('not_prohibited');
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const save = async () => {
    if (!target) return;
    setError(undefined);
    try {
      await clarify.mutateAsync({ target: target.id, body: { reason, text, evidence: [] } });
      notify(t('clarify.saved'));
      setText('');
      onClose();
    } catch (err) {
      setError(errorText(t, err));
    }
  };
  return (
    <Modal opened={!!target} onClose={onClose} title={t('clarify.title')} closeButtonProps={{ 'aria-label': t('common:cancel') }}>
      <Stack>
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {target?.value}
        </Text>
        <Select
          label={t('clarify.reason')}
          data={CLARIFICATION_REASONS.map((r) => ({ value: r, label: t(`clarify.reasons.${r}`) }))}
          value={reason}
          onChange={(v) => v && setReason(v as ClarificationBody['reason'])}
          allowDeselect={false}
        />
        <Textarea label={t('clarify.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} required autosize minRows={3} />
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:cancel')}
          </Button>
          <Button onClick={() => void save()} loading={clarify.isPending} disabled={!text.trim()}>
            {t('clarify.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
