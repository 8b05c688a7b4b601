import type { z } from 'zod';
import type { Actor } from '../audit/log.js';
import type { CategoryId } from '../categories/categories.js';
import type { AddEntriesResult, Bank, BankEntry, BankInput, bankUpdateSchema, EntryInput, Provenance } from './banks.js';
import type { BankMatch, MediaHashes } from './matcher.js';

/** The banks part of the engine. */
export interface BanksApi {
  list(): Promise<(Bank & { entries: number })[]>;
  get(name: string): Promise<Bank>;
  create(input: BankInput, actor: Actor): Promise<Bank>;
  update(name: string, input: z.input<typeof bankUpdateSchema>, actor: Actor): Promise<Bank>;
  addEntries(name: string, entries: EntryInput[], actor: Actor, provenance?: Provenance, sourceRef?: string): Promise<AddEntriesResult>;
  entries(name: string, options?: { afterId?: number; limit?: number }): Promise<BankEntry[]>;
  setEntryEnabled(name: string, entryId: number, enabled: boolean, actor: Actor): Promise<void>;
  deleteEntry(name: string, entryId: number, actor: Actor): Promise<void>;
  /** Imports a `signal_type,signal_value[,category,note]` CSV. */
  importCsv(name: string, csv: string, actor: Actor, options?: { category?: CategoryId; provenance?: Provenance; sourceRef?: string }): Promise<AddEntriesResult>;
  /** Imports one video's vPDQ hash file. */
  importVpdq(name: string, text: string, actor: Actor, options?: { id?: string; category?: CategoryId; note?: string }): Promise<AddEntriesResult>;
  exportCsv(name: string): Promise<string>;
  /** Bank entries these media hashes match. */
  match(hashes: MediaHashes): Promise<BankMatch[]>;
}
