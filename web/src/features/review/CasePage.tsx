import { Alert, Badge, Button, Grid, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, data } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../../components/errors';
import { useFormat } from '../../i18n/format';
import { AccountPanel } from '../accounts/AccountPanel';
import { AppealPanel } from '../appeals/AppealPanel';
import { ReportsPanel } from '../reports/ReportsPanel';
import { useCase, useClaimNext, useInvalidateReview } from './api';
import { ContentPanel } from './components/ContentPanel';
import { DecisionPanel, type DecisionPanelHandle } from './components/DecisionPanel';
import { HistoryPanel } from './components/HistoryPanel';
import { CategoryLabel, QueueLabel } from './components/labels';
import { SignalsPanel } from './components/SignalsPanel';

/**
 * One case, everything needed to decide it on one screen: the content (media blurred until
 * revealed), every signal, the public reports, the uploader's account and strikes, the history;
 * the decision (for an appeal: overturn or uphold). Keyboard: N next case, A allow, R remove,
 * E escalate, V reveal media.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['review', 'common']);
  const format = useFormat();
  const navigate = useNavigate();
  const { session, can } = useSession();
  const detail = useCase(id);
  const claimNext = useClaimNext();
  const invalidate = useInvalidateReview();
  const panel = useRef<DecisionPanelHandle>(null);
  const [revealed, setRevealed] = useState(false);
  const [busy, setBusy] = useState(false);

  const next = async () => {
    try {
      const claimed = await claimNext.mutateAsync(undefined);
      setRevealed(false);
      if (claimed) navigate(`/review/cases/${claimed.id}`);
      else {
        notifications.show({ message: t('queues.empty') });
        navigate('/review');
      }
    } catch (err) {
      notifications.show({ color: 'red', message: errorText(t, err) });
    }
  };
  const claim = async (release: boolean) => {
    setBusy(true);
    try {
      await data(release ? api.POST('/v1/review/cases/{id}/release', { params: { path: { id } } }) : api.POST('/v1/review/cases/{id}/claim', { params: { path: { id } } }));
      await invalidate();
    } catch (err) {
      notifications.show({ color: 'red', message: errorText(t, err) });
    } finally {
      setBusy(false);
    }
  };

  useHotkeys([
    ['n', () => void next()],
    ['a', () => panel.current?.prepare('allow')],
    ['r', () => panel.current?.prepare('remove')],
    ['e', () => panel.current?.escalate()],
    ['v', () => setRevealed((v) => !v)],
  ]);

  if (detail.isLoading) return <Loader aria-label={t('common:loading')} />;
  if (detail.error || !detail.data) {
    return (
      <Alert color="red" role="alert" title={t('case.notLoaded')}>
        {errorText(t, detail.error)}
      </Alert>
    );
  }
  const d = detail.data;
  const c = d.case;
  const mine = c.claim && !c.claim.expired && c.claim.by === session?.user.id;
  const now = Date.now();

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm">
            <Link to="/review">{t('queues.title')}</Link>
          </Text>
          <Title order={1} size="h2">
            {t('case.title', { item: c.externalId })}
          </Title>
          <Group gap={6}>
            <Badge variant="light">
              <QueueLabel queue={c.queue} />
            </Badge>
            <Badge variant="light" color="gray">
              {t(`reasons.${c.reason}`)}
            </Badge>
            {c.category && (
              <Badge variant="light" color="orange">
                <CategoryLabel category={c.category} />
              </Badge>
            )}
            {c.lane === 'senior' && <Badge color="grape">{t('cases.senior')}</Badge>}
            <Tooltip label={t('cases.priorityHelp', { ...c.priorityComponents })}>
              <Badge variant="outline">{t('case.priority', { priority: format.number(c.priority) })}</Badge>
            </Tooltip>
            {c.breached ? <Badge color="red">{t('cases.breached')}</Badge> : <Badge variant="outline">{t('case.due', { duration: format.duration(Date.parse(c.dueAt) - now) })}</Badge>}
            <Badge variant="dot">{t(`status.${c.status}`)}</Badge>
          </Group>
        </Stack>
        <Group>
          {can('decide') && c.status !== 'closed' && (
            <>
              {mine ? (
                <Button variant="default" onClick={() => void claim(true)} loading={busy}>
                  {t('case.release')}
                </Button>
              ) : c.claim && !c.claim.expired ? (
                <Text size="sm" c="dimmed">
                  {t('case.heldByOther', { until: format.dateTime(c.claim.expiresAt) })}
                </Text>
              ) : (
                <Button onClick={() => void claim(false)} loading={busy}>
                  {t('case.claim')}
                </Button>
              )}
            </>
          )}
          {can('decide') && (
            <Button variant="light" onClick={() => void next()} aria-keyshortcuts="N">
              {t('queues.claimNext')}
            </Button>
          )}
        </Group>
      </Group>
      {mine && (
        <Text size="sm" c="dimmed">
          {t('case.heldByYou', { until: format.dateTime(c.claim!.expiresAt) })}
        </Text>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ContentPanel detail={d} revealed={revealed} onRevealedChange={setRevealed} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            {c.reason === 'appeal' && c.ref ? (
              <AppealPanel appealId={c.ref} />
            ) : (
              <DecisionPanel
                ref={panel}
                detail={d}
                onDecided={(outcome) => {
                  if (outcome === 'decided') setRevealed(false);
                }}
              />
            )}
            {c.reports > 0 || c.reason === 'report' ? <ReportsPanel contentId={c.contentId} /> : null}
            <SignalsPanel detail={d} />
            {d.content.account && <AccountPanel externalId={d.content.account.externalId} />}
            <HistoryPanel detail={d} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
