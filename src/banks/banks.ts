import { sql } from 'kysely';
import { z } from 'zod';
import { appendAudit, type Actor } from '../audit/log.js';
import { CATEGORY_IDS, type CategoryId } from '../categories/categories.js';
import type { Db } from '../db/connect.js';
import { notFound, SaringError } from '../errors/errors.js';
import { parseInput } from '../shared/validate.js';

export const BANK_ACTIONS = ['review', 'restrict_16', 'restrict_18', 'remove'] as const;
export type BankAction = (typeof BANK_ACTIONS)[number];
export const SIGNAL_TYPES = ['pdq', 'vpdq', 'md5', 'sha256'] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];
export const PROVENANCES = ['removal', 'import', 'regulator_order', 'manual'] as const;
export type Provenance = (typeof PROVENANCES)[number];
/** The bank every removal decision adds the removed media's hashes to. */
export const REMOVALS_BANK = 'removals';

export interface Bank {
  id: number;
  name: string;
  description: string | null;
  enabled: boolean;
  pdqThreshold: number;
  minQuality: number;
  vpdqQueryPercent: number;
  vpdqComparedPercent: number;
  action: BankAction;
  category: CategoryId | null;
  createdBy: string;
  createdAt: string;
}

export interface VpdqFrameHash {
  frame: number;
  quality: number;
  hash: string;
  timestamp: number;
  cropped?: { hash: string; quality: number } | undefined;
}

export interface BankEntry {
  id: number;
  bankId: number;
  signalType: SignalType;
  value: string;
  quality: number | null;
  cropped: string | null;
  frames: VpdqFrameHash[] | null;
  provenance: Provenance;
  sourceRef: string | null;
  category: CategoryId | null;
  note: string | null;
  enabled: boolean;
  createdBy: string;
  createdAt: string;
}

const name = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _ (at most 64)');

export const bankInputSchema = z
  .object({
    name,
    description: z.string().max(2000).optional(),
    enabled: z.boolean().optional(),
    pdqThreshold: z.number().int().min(0).max(31).optional(),
    minQuality: z.number().int().min(0).max(100).optional(),
    vpdqQueryPercent: z.number().min(0).max(100).optional(),
    vpdqComparedPercent: z.number().min(0).max(100).optional(),
    action: z.enum(BANK_ACTIONS).optional(),
    category: z.enum(CATEGORY_IDS).nullable().optional(),
  })
  .strict();
export type BankInput = z.input<typeof bankInputSchema>;
export const bankUpdateSchema = bankInputSchema.omit({ name: true });

const hex = (n: number) => new RegExp(`^[0-9a-f]{${n}}$`);
const frameSchema = z
  .object({
    frame: z.number().int().min(0),
    quality: z.number().int().min(0).max(100),
    hash: z.string().regex(hex(64), 'a PDQ hash is 64 hex digits'),
    timestamp: z.number().min(0),
    cropped: z.object({ hash: z.string().regex(hex(64)), quality: z.number().int().min(0).max(100) }).optional(),
  })
  .strict();

/** One hash to bank. `value` is lower-cased before checking. */
export const entryInputSchema = z
  .object({
    signalType: z.enum(SIGNAL_TYPES),
    value: z.string().min(1).max(200).transform((v) => v.trim().toLowerCase()),
    quality: z.number().int().min(0).max(100).optional(),
    cropped: z.string().regex(hex(64)).optional(),
    frames: z.array(frameSchema).min(1).max(100_000).optional(),
    category: z.enum(CATEGORY_IDS).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const want = { pdq: 64, md5: 32, sha256: 64 } as const;
    if (e.signalType !== 'vpdq' && !hex(want[e.signalType]).test(e.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `a ${e.signalType} value is ${want[e.signalType]} hex digits`, params: { code: 'invalid_hash' } });
    }
    if (e.signalType === 'vpdq' && !e.frames) ctx.addIssue({ code: 'custom', path: ['frames'], message: 'a vpdq entry needs its frames' });
    if (e.signalType !== 'vpdq' && e.frames) ctx.addIssue({ code: 'custom', path: ['frames'], message: 'only vpdq entries have frames' });
  });
export type EntryInput = z.input<typeof entryInputSchema>;

type BankRow = {
  id: number;
  name: string;
  description: string | null;
  enabled: boolean;
  pdq_threshold: number;
  min_quality: number;
  vpdq_query_percent: number;
  vpdq_compared_percent: number;
  action: string;
  category: string | null;
  created_by: string;
  created_at: Date;
};

function toBank(r: BankRow): Bank {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    enabled: r.enabled,
    pdqThreshold: r.pdq_threshold,
    minQuality: r.min_quality,
    vpdqQueryPercent: Number(r.vpdq_query_percent),
    vpdqComparedPercent: Number(r.vpdq_compared_percent),
    action: r.action as BankAction,
    category: r.category as CategoryId | null,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}

type EntryRow = {
  id: number;
  bank_id: number;
  signal_type: string;
  value: string;
  quality: number | null;
  cropped: string | null;
  frames: unknown;
  provenance: string;
  source_ref: string | null;
  category: string | null;
  note: string | null;
  enabled: boolean;
  created_by: string;
  created_at: Date;
};

export function toEntry(r: EntryRow): BankEntry {
  return {
    id: Number(r.id),
    bankId: r.bank_id,
    signalType: r.signal_type as SignalType,
    value: r.value,
    quality: r.quality,
    cropped: r.cropped,
    frames: (r.frames as VpdqFrameHash[] | null) ?? null,
    provenance: r.provenance as Provenance,
    sourceRef: r.source_ref,
    category: r.category as CategoryId | null,
    note: r.note,
    enabled: r.enabled,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}

const GENERATION = 'bank_generation';

/**
 * Changes that an incremental refresh cannot see (a bank or entry disabled, deleted, re-thresholded)
 * bump this counter; matchers in every process rebuild when it moves.
 */
async function bumpGeneration(db: Db): Promise<void> {
  await sql`INSERT INTO settings (key, value) VALUES (${GENERATION}, '1'::jsonb)
    ON CONFLICT (key) DO UPDATE SET value = to_jsonb((settings.value #>> '{}')::bigint + 1), updated_at = now()`.execute(db);
}

export async function bankGeneration(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', GENERATION).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

export async function listBanks(db: Db): Promise<(Bank & { entries: number })[]> {
  const rows = await db
    .selectFrom('banks')
    .selectAll('banks')
    .select((eb) => eb.selectFrom('bank_entries').select(eb.fn.countAll<number>().as('n')).whereRef('bank_entries.bank_id', '=', 'banks.id').as('entries'))
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ ...toBank(r as BankRow), entries: Number(r.entries ?? 0) }));
}

export async function getBank(db: Db, bankName: string): Promise<Bank> {
  const row = await db.selectFrom('banks').selectAll().where('name', '=', bankName).executeTakeFirst();
  if (!row) throw notFound('Bank', bankName);
  return toBank(row as BankRow);
}

export async function createBank(db: Db, input: BankInput, actor: Actor): Promise<Bank> {
  const b = parseInput(bankInputSchema, input);
  return db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('banks').select('id').where('name', '=', b.name).executeTakeFirst();
    if (exists) throw new SaringError('conflict', `Bank ${b.name} already exists.`);
    const row = await trx
      .insertInto('banks')
      .values({
        name: b.name,
        description: b.description ?? null,
        ...(b.enabled !== undefined ? { enabled: b.enabled } : {}),
        ...(b.pdqThreshold !== undefined ? { pdq_threshold: b.pdqThreshold } : {}),
        ...(b.minQuality !== undefined ? { min_quality: b.minQuality } : {}),
        ...(b.vpdqQueryPercent !== undefined ? { vpdq_query_percent: b.vpdqQueryPercent } : {}),
        ...(b.vpdqComparedPercent !== undefined ? { vpdq_compared_percent: b.vpdqComparedPercent } : {}),
        ...(b.action ? { action: b.action } : {}),
        category: b.category ?? null,
        created_by: actor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'bank.created', subjectType: 'bank', subjectId: b.name, data: { ...b } });
    return toBank(row as BankRow);
  });
}

/** The bank removals feed; created on first use. */
export async function removalsBank(db: Db): Promise<Bank> {
  const row = await db.selectFrom('banks').selectAll().where('name', '=', REMOVALS_BANK).executeTakeFirst();
  if (row) return toBank(row as BankRow);
  await db
    .insertInto('banks')
    .values({ name: REMOVALS_BANK, description: 'Hashes of media removed by decisions: keeps removed content from coming back.', created_by: 'system' })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return getBank(db, REMOVALS_BANK);
}

export async function updateBank(db: Db, bankName: string, input: z.input<typeof bankUpdateSchema>, actor: Actor): Promise<Bank> {
  const u = parseInput(bankUpdateSchema, input);
  return db.transaction().execute(async (trx) => {
    const set: Record<string, unknown> = {};
    if (u.description !== undefined) set['description'] = u.description;
    if (u.enabled !== undefined) set['enabled'] = u.enabled;
    if (u.pdqThreshold !== undefined) set['pdq_threshold'] = u.pdqThreshold;
    if (u.minQuality !== undefined) set['min_quality'] = u.minQuality;
    if (u.vpdqQueryPercent !== undefined) set['vpdq_query_percent'] = u.vpdqQueryPercent;
    if (u.vpdqComparedPercent !== undefined) set['vpdq_compared_percent'] = u.vpdqComparedPercent;
    if (u.action !== undefined) set['action'] = u.action;
    if (u.category !== undefined) set['category'] = u.category;
    if (Object.keys(set).length === 0) throw new SaringError('validation_failed', 'Nothing to change.');
    const row = await trx.updateTable('banks').set(set).where('name', '=', bankName).returningAll().executeTakeFirst();
    if (!row) throw notFound('Bank', bankName);
    await appendAudit(trx, { actor, action: 'bank.updated', subjectType: 'bank', subjectId: bankName, data: u });
    await bumpGeneration(trx);
    return toBank(row as BankRow);
  });
}

export interface AddEntriesResult {
  added: BankEntry[];
  /** Values already in the bank (left as they are). */
  duplicates: number;
}

/**
 * Adds hashes to a bank, skipping ones it already holds. Run inside the caller's transaction when
 * the entries come from a decision, so the decision and its banking commit together.
 */
export async function addEntries(
  db: Db,
  bankName: string,
  inputs: EntryInput[],
  origin: { provenance: Provenance; sourceRef?: string | null; actor: Actor },
): Promise<AddEntriesResult> {
  if (!db.isTransaction) return db.transaction().execute((trx) => addEntries(trx, bankName, inputs, origin));
  const bank = bankName === REMOVALS_BANK ? await removalsBank(db) : await getBank(db, bankName);
  const entries = inputs.map((e, i) => {
    try {
      return parseInput(entryInputSchema, e);
    } catch (err) {
      const se = err as SaringError;
      throw new SaringError(se.code, `entry ${i + 1}: ${se.message}`, se.details);
    }
  });
  for (const [i, e] of entries.entries()) {
    if (!e.category && !bank.category) {
      throw new SaringError('validation_failed', `entry ${i + 1}: give a category (bank ${bank.name} has no default category).`);
    }
  }
  const added: BankEntry[] = [];
  for (let i = 0; i < entries.length; i += 500) {
    const chunk = entries.slice(i, i + 500);
    const rows = await db
      .insertInto('bank_entries')
      .values(
        chunk.map((e) => ({
          bank_id: bank.id,
          signal_type: e.signalType,
          value: e.value,
          quality: e.quality ?? null,
          cropped: e.cropped ?? null,
          frames: e.frames ? JSON.stringify(e.frames) : null,
          provenance: origin.provenance,
          source_ref: origin.sourceRef ?? null,
          category: e.category ?? null,
          note: e.note ?? null,
          created_by: origin.actor,
        })),
      )
      .onConflict((oc) => oc.columns(['bank_id', 'signal_type', 'value']).doNothing())
      .returningAll()
      .execute();
    added.push(...rows.map((r) => toEntry(r as EntryRow)));
  }
  if (added.length > 0) {
    await appendAudit(db, {
      actor: origin.actor,
      action: 'bank.entries_added',
      subjectType: 'bank',
      subjectId: bank.name,
      data: { provenance: origin.provenance, sourceRef: origin.sourceRef ?? null, count: added.length, firstId: added[0]!.id, lastId: added.at(-1)!.id },
    });
  }
  return { added, duplicates: entries.length - added.length };
}

export async function listEntries(db: Db, bankName: string, options: { afterId?: number; limit?: number } = {}): Promise<BankEntry[]> {
  const bank = await getBank(db, bankName);
  let q = db.selectFrom('bank_entries').selectAll().where('bank_id', '=', bank.id).orderBy('id').limit(Math.min(options.limit ?? 100, 10_000));
  if (options.afterId !== undefined) q = q.where('id', '>', options.afterId);
  return (await q.execute()).map((r) => toEntry(r as EntryRow));
}

export async function setEntryEnabled(db: Db, bankName: string, entryId: number, enabled: boolean, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const bank = await getBank(trx, bankName);
    const r = await trx.updateTable('bank_entries').set({ enabled }).where('id', '=', entryId).where('bank_id', '=', bank.id).executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw notFound('Bank entry', String(entryId));
    await appendAudit(trx, { actor, action: enabled ? 'bank.entry_enabled' : 'bank.entry_disabled', subjectType: 'bank', subjectId: bankName, data: { entryId } });
    await bumpGeneration(trx);
  });
}

/**
 * A removal reversed by a person (or an order) no longer keeps its media out: the removals-bank
 * entries the item's removals made are disabled, in the caller's transaction (audited; matchers
 * rebuild). An entry whose hash is also the media of another item that stays removed for its own
 * sake (not merely as a match of this bank) passes to that item's removal instead, so identical
 * media removed elsewhere stays banked.
 */
export async function releaseRemovalEntries(db: Db, contentId: string, reversedBy: string, actor: Actor): Promise<{ disabled: number[]; moved: number[] }> {
  const bank = await db.selectFrom('banks').select('id').where('name', '=', REMOVALS_BANK).executeTakeFirst();
  if (!bank) return { disabled: [], moved: [] };
  const entries = await db
    .selectFrom('bank_entries')
    .select(['id', 'signal_type', 'value', 'source_ref'])
    .where('bank_id', '=', bank.id)
    .where('provenance', '=', 'removal')
    .where('enabled', '=', true)
    .where('source_ref', 'in', db.selectFrom('decisions').select(sql<string>`id::text`.as('id')).where('content_id', '=', contentId).where('action', '=', 'remove'))
    .forUpdate()
    .execute();
  const disabled: number[] = [];
  const moved: number[] = [];
  for (const e of entries) {
    const columns = e.signal_type === 'pdq' ? (['pdq'] as const) : e.signal_type === 'md5' ? (['md5'] as const) : e.signal_type === 'sha256' ? (['sha256'] as const) : (['sha256', 'md5'] as const);
    const other = await db
      .selectFrom('content_media_hashes as h')
      .innerJoin('content_items as c', 'c.id', 'h.content_id')
      .innerJoin('decisions as d', (join) => join.onRef('d.content_id', '=', 'c.id').on('d.action', '=', 'remove'))
      .select('d.id')
      .where('c.status', '=', 'removed')
      .where('c.id', '<>', contentId)
      // Removed for its own sake: not an automated match of a bank entry (such as this one).
      .where((eb) => eb.not(eb.and([eb('d.actor_type', '=', 'automated'), sql<boolean>`d.evidence @> '[{"source": "hash"}]'::jsonb`])))
      .where((eb) => eb.or(columns.map((col) => eb(`h.${col}`, '=', e.value))))
      .orderBy('d.created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (other) {
      await db.updateTable('bank_entries').set({ source_ref: other.id }).where('id', '=', e.id).execute();
      moved.push(e.id);
    } else {
      await db.updateTable('bank_entries').set({ enabled: false }).where('id', '=', e.id).execute();
      disabled.push(e.id);
    }
  }
  if (entries.length) {
    await appendAudit(db, {
      actor,
      action: 'bank.removal_entries_released',
      subjectType: 'bank',
      subjectId: REMOVALS_BANK,
      data: { contentId, reversedBy, disabled, moved },
    });
    if (disabled.length) await bumpGeneration(db);
  }
  return { disabled, moved };
}

export async function deleteEntry(db: Db, bankName: string, entryId: number, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const bank = await getBank(trx, bankName);
    const row = await trx.deleteFrom('bank_entries').where('id', '=', entryId).where('bank_id', '=', bank.id).returningAll().executeTakeFirst();
    if (!row) throw notFound('Bank entry', String(entryId));
    const e = toEntry(row as EntryRow);
    await appendAudit(trx, {
      actor,
      action: 'bank.entry_deleted',
      subjectType: 'bank',
      subjectId: bankName,
      data: { entryId, signalType: e.signalType, value: e.value, provenance: e.provenance, sourceRef: e.sourceRef },
    });
    await bumpGeneration(trx);
  });
}

/** Every enabled entry of every enabled bank, in id order, page by page (for building a matcher). */
export async function* enabledEntries(db: Db, afterId = 0, only?: readonly number[], pageSize = 20_000): AsyncGenerator<BankEntry[]> {
  let last = afterId;
  for (;;) {
    let q = db
      .selectFrom('bank_entries')
      .innerJoin('banks', 'banks.id', 'bank_entries.bank_id')
      .selectAll('bank_entries')
      .where('bank_entries.enabled', '=', true)
      .where('banks.enabled', '=', true)
      .where('bank_entries.id', '>', last)
      .orderBy('bank_entries.id')
      .limit(pageSize);
    if (only) q = q.where('bank_entries.id', 'in', only.length ? [...only] : [-1]);
    const rows = await q.execute();
    if (rows.length === 0) return;
    const page = rows.map((r) => toEntry(r as EntryRow));
    last = page.at(-1)!.id;
    yield page;
  }
}

export async function enabledBanks(db: Db): Promise<Bank[]> {
  return (await db.selectFrom('banks').selectAll().where('enabled', '=', true).execute()).map((r) => toBank(r as BankRow));
}

