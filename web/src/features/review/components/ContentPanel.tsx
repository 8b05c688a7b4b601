import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { CaseDetail } from '../api';
import { allEvidence, findingsOf } from './evidence';
import { EvidenceText } from './EvidenceText';
import { MediaViewer, type Marked, type Moment } from './MediaViewer';

/**
 * The item as its user posted it: every image and video (blurred until revealed, flagged moments
 * on the timeline, text boxes on the frame), every text field with what the evidence points at
 * marked in the original characters, the lines read on screen and heard, with their times.
 */
export function ContentPanel({ detail, revealed, onRevealedChange }: { detail: CaseDetail; revealed: boolean; onRevealedChange(v: boolean): void }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const content = detail.content;
  const evidence = allEvidence(detail);
  const media = content.media as { type?: string }[];

  return (
    <Stack>
      {media.map((m, index) => {
        const kind = m.type === 'video' ? 'video' : m.type === 'image' ? 'image' : undefined;
        if (!kind) return null;
        const findings = findingsOf(detail, index);
        const here = evidence.filter((e) => 'media' in e.evidence && (e.evidence.media ?? 0) === index);
        const found: Moment[] = here.flatMap(({ category, evidence: e }) => {
          const what = t(`categories.${category}`);
          if ((e.source === 'ocr' || e.source === 'asr') && e.timestamp !== undefined) return [{ time: e.timestamp, until: e.until, label: `${what}: "${e.match}"` }];
          if (e.source === 'image') return e.frames.map((f) => ({ time: f.timestamp, label: t('media.nudityAt', { what }) }));
          if (e.source === 'hash') return (e.frames ?? []).slice(0, 10).map((f) => ({ time: f.queryTimestamp, label: t('media.matchAt', { bank: e.bank }) }));
          return [];
        });
        const moments = mergeMoments(found);
        const boxes: Marked[] = (findings?.ocr ?? []).map((line) => ({ box: line.box, time: line.timestamp, until: line.until, label: line.text }));
        return (
          <Paper key={index} withBorder p="sm">
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t(kind === 'video' ? 'content.video' : 'content.image', { n: index + 1 })}
              </Title>
              <MediaViewer
                src={`/v1/content/${encodeURIComponent(content.id)}/media/${index}`}
                kind={kind}
                width={findings?.width}
                height={findings?.height}
                moments={moments}
                boxes={boxes}
                revealed={revealed}
                onRevealedChange={onRevealedChange}
                label={t(kind === 'video' ? 'content.video' : 'content.image', { n: index + 1 })}
              />
              {(findings?.ocr?.length ?? 0) > 0 && (
                <Table verticalSpacing={2} aria-label={t('content.onScreen')}>
                  <Table.Caption>{t('content.onScreen')}</Table.Caption>
                  <Table.Tbody>
                    {findings!.ocr!.map((line, i) => (
                      <Table.Tr key={i}>
                        <Table.Td w={110}>{kind === 'video' ? `${format.clock(line.timestamp)}–${format.clock(line.until)}` : '–'}</Table.Td>
                        <Table.Td>{line.text}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
              {(findings?.transcript?.length ?? 0) > 0 && (
                <Table verticalSpacing={2} aria-label={t('content.spoken')}>
                  <Table.Caption>{t('content.spoken')}</Table.Caption>
                  <Table.Tbody>
                    {findings!.transcript!.map((line, i) => (
                      <Table.Tr key={i}>
                        <Table.Td w={110}>{`${format.clock(line.timestamp)}–${format.clock(line.until)}`}</Table.Td>
                        <Table.Td>{line.text}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          </Paper>
        );
      })}
      {Object.entries(content.texts).map(([field, text]) => (
        <Paper key={field} withBorder p="sm">
          <Text size="sm" fw={600} mb={4}>
            {t(`fields.${field}`, { defaultValue: field })}
          </Text>
          <EvidenceText
            text={text}
            spans={evidence.flatMap(({ category, evidence: e }) => {
              if (e.source === 'caption' && e.field === field) return [{ start: e.start, end: e.end, weight: e.weight, label: `${t(`categories.${category}`)} · ${e.lexicon} v${e.lexiconVersion}: ${e.term}` }];
              if (e.source === 'model' && e.field === field) return (e.features ?? []).filter((f) => f.weight > 0).map((f) => ({ start: f.start, end: f.end, weight: f.weight, label: `${t(`categories.${category}`)} · ${e.model}` }));
              return [];
            })}
          />
        </Paper>
      ))}
    </Stack>
  );
}

/** One moment per stretch of the video, in time order: findings of the same seconds (several words of one line) share it, their labels joined. */
function mergeMoments(moments: Moment[]): Moment[] {
  const bySpan = new Map<string, Moment>();
  for (const m of moments) {
    const key = `${m.time}-${m.until ?? m.time}`;
    const seen = bySpan.get(key);
    bySpan.set(key, seen ? { ...seen, label: seen.label.includes(m.label) ? seen.label : `${seen.label}; ${m.label}` } : m);
  }
  return [...bySpan.values()].sort((a, b) => a.time - b.time);
}
