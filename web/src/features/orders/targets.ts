import type { TargetInput } from './api';

/** How a line of the targets box is taken: a URL, Saring's content id, the platform's own id, or not valid (and why). */
export type TargetLine =
  | { line: number; text: string; kind: 'url' | 'contentId' | 'externalId'; target: TargetInput }
  | { line: number; text: string; kind: 'invalid'; problem: 'url' | 'tooLong' | 'duplicate' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Looks like a web address without http(s)://, or with another scheme: refused rather than taken as an id. */
const URL_LIKE = /^([a-z][a-z0-9+.-]*:\/\/|www\.)/i;

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname && text.length <= 2048;
  } catch {
    return false;
  }
}

function kindOf(text: string): TargetLine {
  if (/^https?:\/\//i.test(text)) return isHttpUrl(text) ? { line: 0, text, kind: 'url', target: { url: text } } : { line: 0, text, kind: 'invalid', problem: 'url' };
  if (URL_LIKE.test(text)) return { line: 0, text, kind: 'invalid', problem: 'url' };
  if (UUID.test(text)) return { line: 0, text, kind: 'contentId', target: { contentId: text.toLowerCase() } };
  if (text.length > 256) return { line: 0, text, kind: 'invalid', problem: 'tooLong' };
  return { line: 0, text, kind: 'externalId', target: { externalId: text } };
}

/**
 * The targets of a text, one per line (blank lines skipped): `http(s)://…` is a URL, a uuid is
 * Saring's content id, anything else the platform's own id. Lines the API would refuse are marked
 * (a URL of another scheme or without one, an id over 256 characters, the same target twice).
 */
export function parseTargets(text: string): TargetLine[] {
  const seen = new Set<string>();
  const lines: TargetLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const value = raw.trim();
    if (!value) return;
    const parsed = { ...kindOf(value), line: i + 1 } as TargetLine;
    if (parsed.kind !== 'invalid') {
      const key = JSON.stringify(parsed.target);
      if (seen.has(key)) {
        lines.push({ line: i + 1, text: value, kind: 'invalid', problem: 'duplicate' });
        return;
      }
      seen.add(key);
    }
    lines.push(parsed);
  });
  return lines;
}

/** The targets to send, when every line is valid. */
export function validTargets(lines: TargetLine[]): TargetInput[] {
  return lines.flatMap((l) => (l.kind === 'invalid' ? [] : [l.target]));
}
