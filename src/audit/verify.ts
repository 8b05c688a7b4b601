import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Db } from '../db/connect.js';
import { checkSignature, keyIdOf, signedCheckpointSchema, storedCheckpoints, type SignedCheckpoint } from './checkpoints.js';
import { entryHash, GENESIS_HASH, toEntry, type AuditEntry, type AuditRow } from './log.js';

/** What is wrong with an entry of the chain itself. */
export type ChainProblem = 'content_changed' | 'order_changed' | 'entry_missing' | 'reordered';
/** What the checkpoints show that the chain alone cannot. */
export type CheckpointProblemKind = 'entries_removed' | 'chain_rewritten' | 'bad_signature' | 'unknown_key' | 'checkpoint_missing';

export interface AuditProblem {
  problem: ChainProblem | CheckpointProblemKind;
  /** The entry it concerns, where there is one. */
  seq?: number;
  message: string;
}

/** What a verification says about a checkpoint: the entry it covers, when, and with which key. */
export type CheckpointSummary = Pick<SignedCheckpoint, 'seq' | 'hash' | 'at' | 'keyId'>;

export interface VerifyResult {
  /** Nothing is wrong: the chain is intact and agrees with every checkpoint. */
  ok: boolean;
  /** Entries read. */
  checked: number;
  /** The last entry of the intact part of the chain. */
  lastSeq: number;
  lastHash: string;
  /** The first entry that does not fit the chain, and why. */
  firstBad?: { seq: number; problem: ChainProblem; message: string };
  checkpoints: {
    /** Stored checkpoints read. */
    checked: number;
    /** The stored checkpoint with a valid, trusted signature that covers the most entries. */
    latest?: CheckpointSummary;
    /** The checkpoint given from outside (`--checkpoint FILE`) and whether it holds. */
    external?: CheckpointSummary & { ok: boolean };
    /** Entries after the latest checkpoint: not yet covered by one, so nothing shows if they are cut off. */
    uncovered: number;
  };
  /** Everything found wrong (the first 50), chain first. */
  problems: AuditProblem[];
  problemCount: number;
}

export interface VerifyOptions {
  /** Keys whose checkpoints count (`AuditKeys.trusted`); a checkpoint signed by any other is reported. */
  trusted?: ReadonlyMap<string, KeyObject>;
  /** A checkpoint kept outside the database (from `saring audit checkpoint`), checked as well. */
  external?: SignedCheckpoint;
  pageSize?: number;
}

const MAX_PROBLEMS = 50;
/** How far back a reordered entry's predecessors are followed to find where it came from. */
const MAX_REORDER_STEPS = 8;

const removed = (n: number) => (n === 1 ? '1 entry was removed' : `${n} entries were removed`);

class Problems {
  list: AuditProblem[] = [];
  count = 0;
  add(p: AuditProblem): void {
    this.count++;
    if (this.list.length < MAX_PROBLEMS) this.list.push(p);
  }
}

/** The first problem of entry `e` where entry `expectedSeq` following `prevHash` was expected. */
function checkLink(e: AuditEntry, expectedSeq: number, prevHash: string): { problem: ChainProblem; message: string } | undefined {
  if (e.seq !== expectedSeq) return { problem: 'entry_missing', message: `entry ${expectedSeq} is missing: the next entry is ${e.seq}` };
  const { hash, ...rest } = e;
  if (entryHash(rest) !== hash) return { problem: 'content_changed', message: `entry ${e.seq} (${e.action}) does not match its hash: its content was changed` };
  if (e.prevHash !== prevHash) {
    return { problem: 'order_changed', message: `entry ${e.seq} (${e.action}) does not follow entry ${e.seq - 1}: the order or an earlier entry was changed` };
  }
  return undefined;
}

/**
 * The sequence number entry `e` had when it was written, found by following its `prevHash` back
 * to an entry of the verified part (1…`verifiedUpTo`): `e` came that many places after it.
 */
async function originalSeq(db: Db, e: AuditEntry, verifiedUpTo: number): Promise<number | undefined> {
  let prevHash = e.prevHash;
  for (let steps = 1; steps <= MAX_REORDER_STEPS; steps++) {
    if (prevHash === GENESIS_HASH) return steps;
    const before = await db.selectFrom('audit_log').select(['seq', 'prev_hash']).where('hash', '=', prevHash).orderBy('seq', 'asc').limit(1).executeTakeFirst();
    if (!before) return undefined;
    if (before.seq <= verifiedUpTo) return before.seq + steps;
    prevHash = before.prev_hash;
  }
  return undefined;
}

interface ChainWalk {
  checked: number;
  lastSeq: number;
  lastHash: string;
  firstBad?: { seq: number; problem: ChainProblem; message: string };
}

/**
 * Walks the whole chain in order and stops at the first entry whose content no longer matches
 * its hash (or that holds another position's entry: reordered), whose link to the previous entry
 * is broken, or whose sequence number skips.
 */
async function walkChain(db: Db, pageSize: number): Promise<ChainWalk> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = (await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq', 'asc').limit(pageSize).execute()) as AuditRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const e = toEntry(row);
      checked++;
      let bad = checkLink(e, expectedSeq, prevHash);
      if (bad?.problem === 'content_changed') {
        const original = await originalSeq(db, e, expectedSeq - 1);
        const { hash, ...rest } = e;
        if (original !== undefined && original !== e.seq && entryHash({ ...rest, seq: original }) === hash) {
          bad = { problem: 'reordered', message: `entry ${e.seq} holds what was entry ${original} (${e.action}): entries were reordered` };
        }
      }
      if (bad) return { checked, lastSeq: expectedSeq - 1, lastHash: prevHash, firstBad: { seq: e.seq, ...bad } };
      prevHash = e.hash;
      expectedSeq++;
    }
  }
  return { checked, lastSeq: expectedSeq - 1, lastHash: prevHash };
}

const summary = (c: SignedCheckpoint): CheckpointSummary => ({ seq: c.seq, hash: c.hash, at: c.at, keyId: c.keyId });

/**
 * Verifies the audit log: walks the chain (see {@link walkChain}), then checks every stored
 * checkpoint (and `external`, if given): its signature is valid and made with a trusted key, the
 * entry it covers exists and has exactly the signed hash. So entries cut off the end, and a chain
 * recomputed after an edit, are found up to the latest checkpoint.
 */
export async function verifyAudit(db: Db, options: VerifyOptions = {}): Promise<VerifyResult> {
  const pageSize = options.pageSize ?? 2000;
  const trusted = options.trusted ?? new Map<string, KeyObject>();
  const problems = new Problems();
  const chain = await walkChain(db, pageSize);
  if (chain.firstBad) problems.add(chain.firstBad);
  const verifiedUpTo = chain.lastSeq;
  const max = await db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('max')).executeTakeFirst();
  const lastSeq = Number(max?.max ?? 0);

  // Checkpoints in order of the entry they cover: the first that disagrees with the verified chain
  // shows where it was rewritten (after the last one that agrees).
  let lastAgreeing = 0;
  let rewrite: SignedCheckpoint | undefined;
  const compare = async (checkpoints: SignedCheckpoint[], what: (c: SignedCheckpoint) => string): Promise<boolean> => {
    const inChain = checkpoints.filter((c) => c.seq <= verifiedUpTo);
    const seqs = [...new Set(inChain.map((c) => c.seq).filter((s) => s > 0))];
    const hashes = new Map<number, string>([[0, GENESIS_HASH]]);
    if (seqs.length) {
      for (const r of await db.selectFrom('audit_log').select(['seq', 'hash']).where('seq', 'in', seqs).execute()) hashes.set(r.seq, r.hash);
    }
    let agree = true;
    for (const c of inChain) {
      if (hashes.get(c.seq) === c.hash) {
        if (!rewrite) lastAgreeing = Math.max(lastAgreeing, c.seq);
        continue;
      }
      agree = false;
      if (rewrite && rewrite.seq <= c.seq) continue; // a consequence of the rewrite already reported
      rewrite = c;
      problems.add({
        problem: 'chain_rewritten',
        seq: c.seq,
        message:
          `entry ${c.seq} does not have the hash signed in ${what(c)}: the chain was recomputed after a change ` +
          `somewhere in entries ${Math.min(lastAgreeing, c.seq - 1) + 1}–${c.seq}`,
      });
    }
    return agree;
  };

  let checked = 0;
  let latest: SignedCheckpoint | undefined;
  const stored = (c: SignedCheckpoint) => `the checkpoint of entry ${c.seq} signed at ${c.at}`;
  for await (const page of storedCheckpoints(db, pageSize)) {
    const valid: SignedCheckpoint[] = [];
    for (const c of page) {
      checked++;
      const bad = checkSignature(trusted, c);
      if (bad) problems.add({ ...bad, seq: c.seq });
      else valid.push((latest = c));
    }
    await compare(valid, stored);
  }

  let reference = latest;
  let external: VerifyResult['checkpoints']['external'];
  if (options.external) {
    const c = options.external;
    const what = `the external checkpoint of entry ${c.seq} signed at ${c.at}`;
    const bad = checkSignature(trusted, c, what);
    if (bad) {
      problems.add({ ...bad, seq: c.seq });
      external = { ...summary(c), ok: false };
    } else {
      const agrees = await compare([c], () => what);
      const kept = await db
        .selectFrom('audit_checkpoints')
        .select('id')
        .where('seq', '=', c.seq)
        .where('signature', '=', c.signature)
        .limit(1)
        .executeTakeFirst();
      if (!kept) {
        problems.add({ problem: 'checkpoint_missing', seq: c.seq, message: `${what} is not among the stored checkpoints: checkpoints were removed` });
      }
      if (!reference || c.seq > reference.seq) reference = c;
      external = { ...summary(c), ok: agrees && c.seq <= lastSeq };
    }
  }

  if (reference && reference.seq > lastSeq) {
    const when = `the checkpoint signed at ${reference.at}`;
    problems.add({
      problem: 'entries_removed',
      seq: lastSeq + 1,
      message:
        lastSeq === 0
          ? `all ${reference.seq} entries were removed: the log is empty, but ${when} covers entries 1–${reference.seq}`
          : `${removed(reference.seq - lastSeq)} from the end: the log ends at entry ${lastSeq}, but ${when} covers entries up to ${reference.seq}`,
    });
  }

  return {
    ok: problems.count === 0,
    checked: chain.checked,
    lastSeq: chain.lastSeq,
    lastHash: chain.lastHash,
    ...(chain.firstBad ? { firstBad: chain.firstBad } : {}),
    checkpoints: {
      checked,
      ...(latest ? { latest: summary(latest) } : {}),
      ...(external ? { external } : {}),
      uncovered: Math.max(0, lastSeq - (reference?.seq ?? 0)),
    },
    problems: problems.list,
    problemCount: problems.count,
  };
}

export interface ExportVerifyResult {
  ok: boolean;
  /** Entries read. */
  entries: number;
  firstSeq?: number;
  lastSeq?: number;
  checkpoint?: CheckpointSummary;
  /** Whether the checkpoint's key was given (`trusted`) or only taken from the export itself. */
  keyTrusted: boolean;
  problems: AuditProblem[];
  problemCount: number;
}

/**
 * Verifies an export (JSON Lines of entries, then `{"checkpoint": …}`) without the database: the
 * entries chain together, the last one is the entry the checkpoint signs, and the signature is
 * valid. With `trusted` keys the signer must be one of them; without, the key the export carries
 * is used and its id reported, to be compared with the one the platform published.
 */
export async function verifyExport(lines: AsyncIterable<string> | Iterable<string>, trusted?: ReadonlyMap<string, KeyObject>): Promise<ExportVerifyResult> {
  const problems = new Problems();
  let entries = 0;
  let first: AuditEntry | undefined;
  let last: AuditEntry | undefined;
  let checkpoint: SignedCheckpoint | undefined;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.add({ problem: 'content_changed', message: `line ${lineNo} is not JSON` });
      continue;
    }
    if (checkpoint) {
      problems.add({ problem: 'content_changed', message: `line ${lineNo} follows the checkpoint, which must be the last line` });
      continue;
    }
    if (value && typeof value === 'object' && 'checkpoint' in value) {
      const parsed = signedCheckpointSchema.safeParse((value as { checkpoint: unknown }).checkpoint);
      if (!parsed.success) problems.add({ problem: 'bad_signature', message: `line ${lineNo}: the checkpoint is malformed` });
      else checkpoint = parsed.data;
      continue;
    }
    if (!value || typeof value !== 'object' || typeof (value as AuditEntry).seq !== 'number') {
      problems.add({ problem: 'content_changed', message: `line ${lineNo} is neither an entry nor the checkpoint` });
      continue;
    }
    const e = value as AuditEntry;
    entries++;
    const bad = last ? checkLink(e, last.seq + 1, last.hash) : checkLink(e, e.seq, e.seq === 1 ? GENESIS_HASH : e.prevHash);
    if (bad) problems.add({ ...bad, seq: e.seq });
    first ??= e;
    last = e;
  }

  let keyTrusted = false;
  if (!checkpoint) {
    problems.add({ problem: 'entries_removed', message: 'the export ends without its signed checkpoint: it was cut off' });
  } else {
    let keys = trusted;
    if (trusted?.size) keyTrusted = true;
    else {
      try {
        const key = createPublicKey({ key: Buffer.from(checkpoint.publicKey, 'base64'), format: 'der', type: 'spki' });
        keys = new Map([[keyIdOf(key), key]]);
      } catch {
        keys = new Map();
      }
    }
    const bad = checkSignature(keys!, checkpoint, `the export's checkpoint (entry ${checkpoint.seq}, signed at ${checkpoint.at})`);
    if (bad) problems.add({ ...bad, seq: checkpoint.seq });
    const endSeq = last?.seq ?? checkpoint.seq;
    const endHash = last?.hash ?? checkpoint.hash;
    if (endSeq < checkpoint.seq) {
      problems.add({
        problem: 'entries_removed',
        seq: endSeq + 1,
        message: `${removed(checkpoint.seq - endSeq)} from the end: the export ends at entry ${endSeq}, but its checkpoint covers entries up to ${checkpoint.seq}`,
      });
    } else if (endSeq !== checkpoint.seq || endHash !== checkpoint.hash) {
      problems.add({ problem: 'chain_rewritten', seq: endSeq, message: `the last entry (${endSeq}) is not the one the checkpoint signs (entry ${checkpoint.seq})` });
    }
  }
  return {
    ok: problems.count === 0,
    entries,
    ...(first ? { firstSeq: first.seq, lastSeq: last!.seq } : {}),
    ...(checkpoint ? { checkpoint: summary(checkpoint) } : {}),
    keyTrusted,
    problems: problems.list,
    problemCount: problems.count,
  };
}
