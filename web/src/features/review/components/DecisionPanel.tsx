import { Alert, Button, Group, Modal, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../../api/client';
import { useSession } from '../../../app/session';
import { errorText } from '../../../components/errors';
import { useInvalidateReview, useReviewSettings, type CaseDetail } from '../api';
import { CATEGORIES, DECISION_ACTIONS } from './options';

export interface DecisionPanelHandle {
  /** Prepares a decision (keyboard shortcut): the action, its usual template, the case's category; focus goes to the button that decides. */
  prepare(action: (typeof DECISION_ACTIONS)[number]): void;
  escalate(): void;
}

/**
 * Decide the case held: action, category, a reason from the policy's templates (both languages) or
 * free text; escalate to a senior; for a four-eyes removal waiting for confirmation, a second,
 * different senior confirms or rejects it.
 */
export const DecisionPanel = forwardRef<DecisionPanelHandle, { detail: CaseDetail; onDecided(outcome: 'decided' | 'pending_confirmation' | 'escalated'): void }>(function DecisionPanel({ detail, onDecided }, ref) {
  const { t, i18n } = useTranslation(['review', 'common']);
  const { session, can } = useSession();
  const settings = useReviewSettings();
  const invalidate = useInvalidateReview();
  const c = detail.case;
  const [action, setAction] = useState<(typeof DECISION_ACTIONS)[number]>('allow');
  const [category, setCategory] = useState<string | null>(c.category);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [escalating, setEscalating] = useState(false);
  const [escalation, setEscalation] = useState('');
  const decideButton = useRef<HTMLButtonElement>(null);
  const templates = (settings.data?.templates ?? []).filter((tpl) => !tpl.actions || tpl.actions.includes(action));

  useImperativeHandle(ref, () => ({
    prepare(next) {
      setAction(next);
      setCategory(next === 'allow' ? null : (c.category ?? category));
      const usual = (settings.data?.templates ?? []).find((tpl) => tpl.actions?.includes(next) && (!tpl.category || tpl.category === c.category));
      setTemplateId(usual?.id ?? null);
      setTimeout(() => decideButton.current?.focus(), 0);
    },
    escalate: () => setEscalating(true),
  }));

  const run = async (call: () => Promise<unknown>, after: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      await call();
      after();
      await invalidate();
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const decide = () =>
    run(
      async () => {
        const result = await data(
          api.POST('/v1/review/cases/{id}/decision', {
            params: { path: { id: c.id } },
            body: {
              action,
              ...(category ? { category: category as (typeof CATEGORIES)[number] } : {}),
              ...(templateId ? { templateId } : {}),
              ...(reason.trim() ? { reason } : {}),
            },
          }),
        );
        notifications.show({ color: 'teal', message: result.outcome === 'decided' ? t('decide.done') : t('decide.pending') });
        onDecided(result.outcome);
      },
      () => setReason(''),
    );

  if (c.status === 'pending_confirmation') {
    const mine = c.proposal?.by === session?.user.id;
    return (
      <Paper withBorder p="sm" bg="grape.0">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('fourEyes.title')}
          </Title>
          <Text size="sm">{t('fourEyes.text', { category: t(`categories.${c.proposal?.category ?? c.category ?? 'csam'}`) })}</Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {mine ? (
            <Text size="sm" fw={600}>
              {t('fourEyes.waiting')}
            </Text>
          ) : can('decide:severe') && !detail.readOnly ? (
            <>
              <Textarea label={t('fourEyes.rejectReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
              <Group>
                <Button color="red" loading={busy} onClick={() => void run(() => data(api.POST('/v1/review/cases/{id}/confirm', { params: { path: { id: c.id } } })), () => onDecided('decided'))}>
                  {t('fourEyes.confirm')}
                </Button>
                <Button
                  variant="default"
                  loading={busy}
                  disabled={!reason.trim()}
                  onClick={() => void run(() => data(api.POST('/v1/review/cases/{id}/reject', { params: { path: { id: c.id } }, body: { reason } })), () => onDecided('escalated'))}
                >
                  {t('fourEyes.reject')}
                </Button>
              </Group>
            </>
          ) : (
            <Text size="sm">{t('fourEyes.needSenior')}</Text>
          )}
        </Stack>
      </Paper>
    );
  }

  if (detail.readOnly) return null;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('decide.title')}
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group grow align="flex-start">
          <Select
            label={t('decide.action')}
            data={DECISION_ACTIONS.map((a) => ({ value: a, label: t(`actions.${a}`) }))}
            value={action}
            onChange={(v) => v && setAction(v as (typeof DECISION_ACTIONS)[number])}
            allowDeselect={false}
          />
          <Select label={t('decide.category')} data={CATEGORIES.map((cat) => ({ value: cat, label: t(`categories.${cat}`) }))} value={category} onChange={setCategory} clearable />
        </Group>
        <Select
          label={t('decide.template')}
          data={templates.map((tpl) => ({ value: tpl.id, label: i18n.language === 'en' ? tpl.text.en : tpl.text.id }))}
          value={templateId}
          onChange={setTemplateId}
          clearable
        />
        <Textarea label={t('decide.reason')} description={t('decide.reasonHelp')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
        <Group>
          <Button ref={decideButton} onClick={() => void decide()} loading={busy} disabled={!templateId && !reason.trim()} color={action === 'remove' ? 'red' : undefined}>
            {t('decide.submit', { action: t(`actions.${action}`) })}
          </Button>
          <Button variant="default" onClick={() => setEscalating(true)} aria-keyshortcuts="E">
            {t('decide.escalate')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('decide.shortcuts')}
        </Text>
      </Stack>
      <Modal opened={escalating} onClose={() => setEscalating(false)} title={t('escalate.title')}>
        <Stack>
          <Textarea label={t('escalate.reason')} value={escalation} onChange={(e) => setEscalation(e.currentTarget.value)} autosize minRows={3} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEscalating(false)}>
              {t('escalate.cancel')}
            </Button>
            <Button
              disabled={!escalation.trim()}
              loading={busy}
              onClick={() =>
                void run(
                  () => data(api.POST('/v1/review/cases/{id}/escalate', { params: { path: { id: c.id } }, body: { reason: escalation } })),
                  () => {
                    setEscalating(false);
                    notifications.show({ message: t('escalate.done') });
                    onDecided('escalated');
                  },
                )
              }
            >
              {t('escalate.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
});
