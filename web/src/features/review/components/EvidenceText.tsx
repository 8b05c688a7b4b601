import { Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

/** A stretch of text to mark: offsets count Unicode code points of the original text, as the API gives them. */
export interface Span {
  start: number;
  end: number;
  label: string;
  /** Negative: counter-evidence (marked differently). */
  weight: number;
}

/**
 * A text as the user wrote it (styled letters and all), with the stretches the evidence points
 * at marked; a marked stretch names what matched on hover and to screen readers.
 */
export function EvidenceText({ text, spans }: { text: string; spans: Span[] }) {
  const chars = Array.from(text);
  const sorted = [...spans].filter((s) => s.end > s.start && s.start < chars.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue; // overlapping: the first (longest) wins
    if (span.start > at) parts.push(chars.slice(at, span.start).join(''));
    const words = chars.slice(span.start, span.end).join('');
    parts.push(
      <Tooltip key={`${span.start}-${span.end}`} label={span.label} withinPortal>
        <mark
          title={span.label}
          style={{ background: span.weight < 0 ? 'var(--mantine-color-teal-1)' : 'var(--mantine-color-yellow-3)', color: 'inherit', padding: '0 2px', borderRadius: 2 }}
        >
          {words}
        </mark>
      </Tooltip>,
    );
    at = span.end;
  }
  if (at < chars.length) parts.push(chars.slice(at).join(''));
  return (
    <Text component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts}
    </Text>
  );
}
