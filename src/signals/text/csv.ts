/**
 * A small RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and line
 * breaks; records end with LF or CRLF; a leading BOM is ignored.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let quoted = false;
  let any = false; // the current record has content (so a trailing newline adds no empty row)
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      const next = text.indexOf('"', i);
      const stop = next < 0 ? n : next;
      field += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' && field.length === 0) {
      quoted = true;
      any = true;
      i++;
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
      any = true;
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (any || field.length > 0) {
        row.push(field);
        rows.push(row);
      }
      row = [];
      field = '';
      any = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    any = true;
    i++;
  }
  if (quoted) throw new Error('CSV ends inside a quoted field');
  if (any || field.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Records keyed by the header row. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
