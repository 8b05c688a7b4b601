import { sql } from 'kysely';
import type { Db } from '../db/connect.js';
import { appendAudit, type Actor } from '../audit/log.js';
import { bumpScanConfigGeneration } from '../db/generation.js';
import { notFound, SaringError } from '../errors/errors.js';
import { loadDefaultLexicons, validateLexicon, type Lexicon, type LexiconEntry } from '../signals/text/index.js';

export interface LexiconSummary {
  name: string;
  category: string;
  kind: string;
  activeVersion: number;
  enabled: boolean;
  entries: number;
}

export interface LexiconVersionInfo {
  version: number;
  entries: number;
  note: string | null;
  createdBy: string;
  createdAt: string;
  active: boolean;
}

/** A lexicon shipped with this release of Saring against the database's active version of it. */
export interface ShippedLexiconChange {
  name: string;
  category: string;
  /** `new`: not in the database; `changed`: its entries differ from the active version's; `current`: the same. */
  status: 'new' | 'changed' | 'current';
  activeVersion?: number;
  /** Entries of the shipped version, and how many are not in the active version (added) or only there (removed). */
  entries: number;
  added: number;
  removed: number;
  lexicon: Lexicon;
}

/** The lexicons part of the engine. Every edit makes a new version. */
export interface LexiconsApi {
  list(): Promise<LexiconSummary[]>;
  get(name: string, version?: number): Promise<Lexicon & { enabled: boolean }>;
  save(lexicon: unknown, actor: Actor, note?: string): Promise<Lexicon>;
  addEntries(name: string, entries: unknown[], actor: Actor, note?: string): Promise<Lexicon>;
  removeEntries(name: string, terms: string[], actor: Actor, note?: string): Promise<Lexicon>;
  activateVersion(name: string, version: number, actor: Actor): Promise<void>;
  setEnabled(name: string, enabled: boolean, actor: Actor): Promise<void>;
  history(name: string): Promise<LexiconVersionInfo[]>;
  /** The lexicons shipped with this release compared with the active versions (`saring lexicon upgrade`). */
  shippedChanges(): Promise<ShippedLexiconChange[]>;
}

/** Every lexicon with its active version's size. */
export async function listLexicons(db: Db): Promise<LexiconSummary[]> {
  const rows = await db
    .selectFrom('lexicons')
    .innerJoin('lexicon_versions', (j) =>
      j.onRef('lexicon_versions.lexicon_name', '=', 'lexicons.name').onRef('lexicon_versions.version', '=', 'lexicons.active_version'),
    )
    .select([
      'lexicons.name',
      'lexicons.category',
      'lexicons.kind',
      'lexicons.active_version',
      'lexicons.enabled',
      sql<number>`jsonb_array_length(lexicon_versions.entries)`.as('entries'),
    ])
    .orderBy('lexicons.category')
    .orderBy('lexicons.name')
    .execute();
  return rows.map((r) => ({ name: r.name, category: r.category, kind: r.kind, activeVersion: r.active_version, enabled: r.enabled, entries: r.entries }));
}

/** A lexicon at its active version, or at `version`. */
export async function getLexicon(db: Db, name: string, version?: number): Promise<Lexicon & { enabled: boolean }> {
  const head = await db.selectFrom('lexicons').selectAll().where('name', '=', name).executeTakeFirst();
  if (!head) throw notFound('Lexicon', name);
  const v = version ?? head.active_version;
  const row = await db.selectFrom('lexicon_versions').selectAll().where('lexicon_name', '=', name).where('version', '=', v).executeTakeFirst();
  if (!row) throw notFound('Lexicon version', `${name}@${v}`);
  return {
    name: head.name,
    category: head.category as Lexicon['category'],
    kind: head.kind as Lexicon['kind'],
    version: v,
    entries: row.entries as unknown as LexiconEntry[],
    enabled: head.enabled,
  };
}

/** The enabled lexicons at their active versions: what scans use. */
export async function activeLexicons(db: Db): Promise<Lexicon[]> {
  const rows = await db
    .selectFrom('lexicons')
    .innerJoin('lexicon_versions', (j) =>
      j.onRef('lexicon_versions.lexicon_name', '=', 'lexicons.name').onRef('lexicon_versions.version', '=', 'lexicons.active_version'),
    )
    .select(['lexicons.name', 'lexicons.category', 'lexicons.kind', 'lexicons.active_version', 'lexicon_versions.entries'])
    .where('lexicons.enabled', '=', true)
    .orderBy('lexicons.name')
    .execute();
  return rows.map((r) => ({
    name: r.name,
    category: r.category as Lexicon['category'],
    kind: r.kind as Lexicon['kind'],
    version: r.active_version,
    entries: r.entries as unknown as LexiconEntry[],
  }));
}

export async function lexiconHistory(db: Db, name: string): Promise<LexiconVersionInfo[]> {
  const head = await db.selectFrom('lexicons').select('active_version').where('name', '=', name).executeTakeFirst();
  if (!head) throw notFound('Lexicon', name);
  const rows = await db
    .selectFrom('lexicon_versions')
    .select(['version', 'note', 'created_by', 'created_at', sql<number>`jsonb_array_length(entries)`.as('entries')])
    .where('lexicon_name', '=', name)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    entries: r.entries,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
    active: r.version === head.active_version,
  }));
}

/**
 * Stores a whole lexicon as its next version and activates it. Creates the lexicon if it is new;
 * the category and kind of an existing lexicon cannot change.
 */
export async function saveLexicon(db: Db, input: unknown, options: { actor: Actor; note?: string }): Promise<Lexicon> {
  const lexicon = validateLexicon(input);
  return db.transaction().execute(async (trx) => {
    const head = await trx.selectFrom('lexicons').selectAll().where('name', '=', lexicon.name).forUpdate().executeTakeFirst();
    if (head && (head.category !== lexicon.category || head.kind !== lexicon.kind)) {
      throw new SaringError(
        'conflict',
        `Lexicon ${lexicon.name} is a ${head.kind} lexicon of ${head.category}; its category and kind cannot change.`,
      );
    }
    const last = head
      ? await trx.selectFrom('lexicon_versions').select(sql<number>`max(version)`.as('v')).where('lexicon_name', '=', lexicon.name).executeTakeFirstOrThrow()
      : undefined;
    const version = (last?.v ?? 0) + 1;
    if (!head) {
      await trx.insertInto('lexicons').values({ name: lexicon.name, category: lexicon.category, kind: lexicon.kind, active_version: version }).execute();
    }
    await trx
      .insertInto('lexicon_versions')
      .values({ lexicon_name: lexicon.name, version, entries: JSON.stringify(lexicon.entries), note: options.note ?? null, created_by: options.actor })
      .execute();
    if (head) await trx.updateTable('lexicons').set({ active_version: version }).where('name', '=', lexicon.name).execute();
    await appendAudit(trx, {
      actor: options.actor,
      action: head ? 'lexicon.updated' : 'lexicon.created',
      subjectType: 'lexicon',
      subjectId: lexicon.name,
      data: { version, entries: lexicon.entries.length, note: options.note ?? null },
    });
    await bumpScanConfigGeneration(trx);
    return { ...lexicon, version };
  });
}

function sameEntry(a: LexiconEntry, b: LexiconEntry): boolean {
  return a.type === b.type && a.term.toLowerCase() === b.term.toLowerCase();
}

/** Adds entries (replacing an entry with the same term and type) as a new version. */
export async function addLexiconEntries(db: Db, name: string, entries: unknown[], options: { actor: Actor; note?: string }): Promise<Lexicon> {
  const current = await getLexicon(db, name);
  const incoming = validateLexicon({ ...current, entries }).entries;
  const kept = current.entries.filter((e) => !incoming.some((n) => sameEntry(e, n)));
  return saveLexicon(db, { ...current, entries: [...kept, ...incoming] }, { ...options, note: options.note ?? `added ${incoming.length}` });
}

/** Removes the entries with these terms as a new version. */
export async function removeLexiconEntries(db: Db, name: string, terms: string[], options: { actor: Actor; note?: string }): Promise<Lexicon> {
  const current = await getLexicon(db, name);
  const wanted = new Set(terms.map((t) => t.toLowerCase()));
  const entries = current.entries.filter((e) => !wanted.has(e.term.toLowerCase()));
  const removed = current.entries.length - entries.length;
  if (removed === 0) throw new SaringError('not_found', `None of these terms is in lexicon ${name}.`);
  return saveLexicon(db, { ...current, entries }, { ...options, note: options.note ?? `removed ${removed}` });
}

/** Makes an earlier version active again (rollback). */
export async function activateLexiconVersion(db: Db, name: string, version: number, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await getLexicon(trx, name, version);
    await trx.updateTable('lexicons').set({ active_version: version }).where('name', '=', name).execute();
    await appendAudit(trx, { actor, action: 'lexicon.activated', subjectType: 'lexicon', subjectId: name, data: { version } });
    await bumpScanConfigGeneration(trx);
  });
}

export async function setLexiconEnabled(db: Db, name: string, enabled: boolean, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('lexicons').set({ enabled }).where('name', '=', name).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('Lexicon', name);
    await appendAudit(trx, { actor, action: enabled ? 'lexicon.enabled' : 'lexicon.disabled', subjectType: 'lexicon', subjectId: name });
    await bumpScanConfigGeneration(trx);
  });
}

/**
 * Compares the lexicons shipped with Saring (`data/lexicons`) with the database's active versions,
 * so an operator can see what a new release changes and store it as new versions.
 */
export async function shippedLexiconChanges(db: Db, shipped: Lexicon[] = loadDefaultLexicons()): Promise<ShippedLexiconChange[]> {
  // Entries compared by content: the database gives back an entry's keys in its own order.
  const canonical = (e: LexiconEntry) => JSON.stringify(Object.fromEntries(Object.entries(e).sort(([a], [b]) => a.localeCompare(b))));
  const stored = new Map((await listLexicons(db)).map((l) => [l.name, l]));
  const out: ShippedLexiconChange[] = [];
  for (const lexicon of shipped) {
    const entries = validateLexicon(lexicon).entries.map(canonical);
    const head = stored.get(lexicon.name);
    if (!head) {
      out.push({ name: lexicon.name, category: lexicon.category, status: 'new', entries: entries.length, added: entries.length, removed: 0, lexicon });
      continue;
    }
    const active = new Set((await getLexicon(db, lexicon.name)).entries.map(canonical));
    const mine = new Set(entries);
    const added = entries.filter((e) => !active.has(e)).length;
    const removed = [...active].filter((e) => !mine.has(e)).length;
    out.push({
      name: lexicon.name,
      category: lexicon.category,
      status: added || removed ? 'changed' : 'current',
      activeVersion: head.activeVersion,
      entries: entries.length,
      added,
      removed,
      lexicon,
    });
  }
  return out;
}
