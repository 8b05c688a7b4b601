import { darken, DEFAULT_THEME } from '@mantine/core';
import { useEffect, useState } from 'react';

/** The time now, again every `everyMs` (a live clock re-renders with it). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export type ClockLevel = 'fresh' | 'half' | 'late80' | 'breached' | 'done';

/** Where an order's clock stands: the share of its time used, time left (negative: how late), and its level at the reminders' marks (50 %, 80 %, 100 %). */
export function clockState(order: { receivedAt: string; dueAt: string; status: string }, now: number) {
  const start = Date.parse(order.receivedAt);
  const due = Date.parse(order.dueAt);
  const share = Math.max(0, (now - start) / Math.max(1, due - start));
  const leftMs = due - now;
  const level: ClockLevel = order.status === 'completed' ? 'done' : share >= 1 ? 'breached' : share >= 0.8 ? 'late80' : share >= 0.5 ? 'half' : 'fresh';
  return { share, leftMs, level };
}

const text = (colour: string) => darken(DEFAULT_THEME.colors[colour]?.[9] ?? '#000', 0.25);
/** Colours dark enough to read on white (WCAG AA, as the theme darkens badges' text), by level. */
export const CLOCK_COLOURS: Record<ClockLevel, string> = { fresh: text('teal'), half: text('yellow'), late80: text('orange'), breached: text('red'), done: 'gray.7' };
export const CLOCK_BAR: Record<ClockLevel, string> = { fresh: 'teal', half: 'yellow', late80: 'orange', breached: 'red', done: 'gray' };
