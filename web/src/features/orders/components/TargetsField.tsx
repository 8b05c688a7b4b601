import { Badge, Group, List, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { TargetLine } from '../targets';

const SHOWN = 20;

/** URLs or ids, one a line: how many, taken as what, and which lines the API would refuse. */
export function TargetsField({ value, onChange, lines, max, label }: { value: string; onChange(v: string): void; lines: TargetLine[]; max: number; label: string }) {
  const { t } = useTranslation('orders');
  const format = useFormat();
  const invalid = lines.filter((l) => l.kind === 'invalid');
  const count = (kind: TargetLine['kind']) => lines.filter((l) => l.kind === kind).length;
  const over = lines.length > max;
  return (
    <Stack gap={6}>
      <Textarea
        label={label}
        description={t('targets.help')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autosize
        minRows={4}
        maxRows={14}
        required
        // Mantine's error colour is too light to read on white: the problem is said below, in a darker red.
        aria-invalid={over || invalid.length > 0}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <Group gap={6} aria-live="polite">
        <Text size="sm" c={over ? 'red.9' : undefined}>
          {t('targets.count', { count: lines.length, max: format.number(max) })}
        </Text>
        {(['url', 'contentId', 'externalId'] as const).map(
          (kind) =>
            count(kind) > 0 && (
              <Badge key={kind} variant="light" color="gray">
                {t('targets.kindCount', { kind: t(`kinds.${kind}`), count: format.number(count(kind)) })}
              </Badge>
            ),
        )}
      </Group>
      {(over || invalid.length > 0) && (
        <Text size="sm" fw={600} c="red.9">
          {over ? t('targets.tooMany', { max: format.number(max) }) : t('targets.invalidCount', { count: invalid.length })}
        </Text>
      )}
      {invalid.length > 0 && (
        <List size="sm" c="red.9" aria-label={t('targets.invalidList')}>
          {invalid.slice(0, SHOWN).map((l) => (
            <List.Item key={l.line}>{t(`targets.problem.${l.kind === 'invalid' ? l.problem : 'url'}`, { line: l.line, text: l.text.slice(0, 120) })}</List.Item>
          ))}
          {invalid.length > SHOWN && <List.Item>{t('targets.moreInvalid', { count: invalid.length - SHOWN })}</List.Item>}
        </List>
      )}
    </Stack>
  );
}
