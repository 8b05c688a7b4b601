import { Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The parts of the console's report pages (transparency, the educational programme): a card per
 * section, headline figures, bar charts, and the same figures as a table beside each chart —
 * which is what keyboard and screen-reader users read.
 */

/** A bar's value, or its value with a colour of its own. */
type Bar = number | { value: number; itemStyle: { color: string } };

/** A bar chart's option (for Chart.tsx) over some categories: one series or several (stacked where they say so). */
export function barChart(categories: string[], series: { name: string; data: Bar[]; color?: string; stack?: string }[]) {
  return {
    tooltip: { trigger: 'axis' },
    legend: series.length > 1 ? { top: 0 } : undefined,
    grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 5 ? 25 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', barMaxWidth: 48, ...s })),
  };
}

/** One section of a report: its title, what it shows, and its charts and tables. */
export function ReportCard({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/** A headline figure. */
export function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

interface FiguresProps {
  caption: string;
  head: string[];
  rows: string[][];
  /** What an empty table says. */
  empty: string;
  hideCaption?: boolean | undefined;
}

/**
 * A table of figures: the first column names the row, the others are numbers. A small one (counts)
 * wraps in its column; a wide one scrolls sideways on a narrow screen, and its scrolling area can
 * be reached by keyboard.
 */
export function Figures(props: FiguresProps) {
  const table = <FiguresTable {...props} />;
  if (props.head.length <= 3) return table;
  return <ScrollArea viewportProps={{ tabIndex: 0 }}>{table}</ScrollArea>;
}

function FiguresTable({ caption, head, rows, empty, hideCaption }: FiguresProps) {
  return (
    // In a grid, as tall as its own rows (not stretched to its neighbour's).
    <Table verticalSpacing={4} fz="sm" aria-label={caption} withTableBorder captionSide="top" style={{ alignSelf: 'start' }}>
      {!hideCaption && <Table.Caption>{caption}</Table.Caption>}
      <Table.Thead>
        <Table.Tr>
          {head.map((h, i) => (
            <Table.Th key={i} ta={i ? 'right' : undefined}>
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={head.length}>{empty}</Table.Td>
          </Table.Tr>
        )}
        {rows.map((row, i) => (
          <Table.Tr key={i}>
            {row.map((cell, j) => (
              <Table.Td key={j} ta={j ? 'right' : undefined}>
                {cell}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
