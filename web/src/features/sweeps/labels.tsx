import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { useFormat } from '../../i18n/format';
import type { Sweep, SweepFilter, SweepMode, SweepStatus } from './api';

/** A badge in a table keeps its whole word (the library's badges cut it short in a narrow column). */
const WHOLE = { minWidth: 'max-content' } as const;
const STATUS_COLOURS: Record<SweepStatus, string> = { queued: 'gray', running: 'blue', paused: 'yellow', cancelled: 'dark', finished: 'teal', failed: 'red' };

export function StatusBadge({ status }: { status: SweepStatus }) {
  const { t } = useTranslation('sweeps');
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" data-status={status} style={WHOLE}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function ModeBadge({ mode }: { mode: SweepMode }) {
  const { t } = useTranslation('sweeps');
  return (
    <Badge color={mode === 'apply' ? 'red' : 'indigo'} variant="outline" style={WHOLE}>
      {t(`mode.${mode}`)}
    </Badge>
  );
}

/** A filter value as a person reads it: categories, kinds and statuses by their names, times as dates. */
function filterValue(t: TFunction<any, any>, format: ReturnType<typeof useFormat>, key: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => filterValue(t, format, key, v)).join(', ');
  const text = String(value);
  if (key === 'category' || key === 'categories') return t(`categories.${text}`, { defaultValue: text });
  if (key === 'kind' || key === 'kinds') return t(`kinds.${text}`, { defaultValue: text });
  if (key === 'status' || key === 'statuses') return t(`contentStatus.${text}`, { defaultValue: text });
  if (/^created/.test(key) && !Number.isNaN(Date.parse(text))) return format.date(text);
  return text;
}

/** The filter's parts ("Category: Online gambling"), or nothing for a sweep over all content. */
export function filterParts(t: TFunction<any, any>, format: ReturnType<typeof useFormat>, filter: SweepFilter | null | undefined): string[] {
  return Object.entries(filter ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${t(`filter.${k}`, { defaultValue: k })}: ${filterValue(t, format, k, v)}`);
}

export function FilterSummary({ filter }: { filter: SweepFilter | null | undefined }) {
  const { t } = useTranslation('sweeps');
  const format = useFormat();
  const parts = filterParts(t, format, filter);
  if (parts.length === 0) return <Text size="sm">{t('filter.all')}</Text>;
  return (
    <Stack gap={0}>
      {parts.map((p) => (
        <Text key={p} size="sm">
          {p}
        </Text>
      ))}
    </Stack>
  );
}

/** Processed of total as a share (0 when there is nothing to do). */
export function share(p: Sweep['progress']): number {
  return p.total > 0 ? Math.min(1, p.processed / p.total) : 0;
}

/** A small progress bar with "processed / total" under it, for the list. */
export function ProgressCell({ sweep }: { sweep: Sweep }) {
  const { t } = useTranslation('sweeps');
  const format = useFormat();
  const p = sweep.progress;
  return (
    <Stack gap={2} miw={140}>
      <Progress value={share(p) * 100} color={sweep.status === 'failed' ? 'red' : sweep.status === 'finished' ? 'teal' : 'blue'} aria-label={t('progress.label')} size="sm" />
      <Group gap={6} wrap="nowrap">
        <Text size="xs">{t('progress.of', { processed: format.number(p.processed), total: format.number(p.total) })}</Text>
        <Text size="xs" c="dimmed">
          {format.percent(share(p))}
        </Text>
      </Group>
    </Stack>
  );
}

/** An ETA as a person reads it. */
export function etaText(t: TFunction<any, any>, format: ReturnType<typeof useFormat>, sweep: Sweep): string {
  const eta = sweep.progress.etaSeconds;
  if (sweep.status !== 'running' || eta === null || eta === undefined) return '–';
  return eta < 60 ? t('progress.etaSeconds', { count: Math.max(1, Math.round(eta)) }) : format.duration(eta * 1000);
}

/**
 * Who started it, as the audit log names them (`user:<id>`, a key, the CLI); the person reading
 * is named when it was them (the API gives ids, and only admins may list people).
 */
export function useWho(): (sweep: Sweep, short?: boolean) => string {
  const { session } = useSession();
  const { t } = useTranslation('sweeps');
  return (sweep, short = false) => {
    if (session && sweep.createdBy === `user:${session.user.id}`) return t('detail.you', { name: session.user.name });
    // In a list, a person's or key's id by its first 8 characters (the sweep's page gives it whole).
    return short ? sweep.createdBy.replace(/^(\w+:[0-9a-f]{8})[0-9a-f-]{28}$/, '$1…') : sweep.createdBy;
  };
}
