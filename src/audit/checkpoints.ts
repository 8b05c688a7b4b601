import { createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/connect.js';
import { SaringError } from '../errors/errors.js';
import { canonicalJson } from '../shared/canonical-json.js';
import { keyFileGeneratedOnce, keyIdOf, publicKeyPem, readEd25519Key } from '../shared/ed25519.js';
import { parseInput } from '../shared/validate.js';
import { GENESIS_HASH, toEntry, type AuditRow } from './log.js';

/** The key file generated in the data directory when the operator gives none. */
export const DEFAULT_KEY_FILE = 'audit-signing-key.pem';
const STATEMENT_TYPE = 'saring.audit.checkpoint.v1';

/**
 * A signed statement that the audit log's entry `seq` had hash `hash` at time `at`: the head of the
 * log then. `publicKey` is the signer's Ed25519 key (base64 of its SPKI DER: the body of a PEM
 * `PUBLIC KEY`), `keyId` the SHA-256 of its 32 raw bytes (hex), `signature` base64.
 */
export interface SignedCheckpoint {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  publicKey: string;
  signature: string;
}

export const signedCheckpointSchema = z
  .object({
    seq: z.number().int().min(0),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    at: z.string().datetime(),
    keyId: z.string().regex(/^[0-9a-f]{64}$/),
    publicKey: z.string().max(200),
    signature: z.string().max(200),
  })
  .strict();

/**
 * The exact bytes that are signed (UTF-8): canonical JSON (keys sorted, no spaces) of
 * `{ at, hash, keyId, seq, type: "saring.audit.checkpoint.v1" }`. Anyone can rebuild it from a
 * checkpoint and check the signature with any Ed25519 implementation (docs/audit.md).
 */
export function checkpointStatement(c: Pick<SignedCheckpoint, 'seq' | 'hash' | 'at' | 'keyId'>): string {
  return canonicalJson({ type: STATEMENT_TYPE, seq: c.seq, hash: c.hash, at: c.at, keyId: c.keyId });
}

export interface AuditKeyOptions {
  /** The data directory, where the key is generated on first use (`memory://`: a key for this process only). */
  dataDir: string;
  /** A PEM file with the Ed25519 private key to sign with, instead of the data directory's. */
  keyFile?: string | undefined;
  /** PEM files of further public keys whose checkpoints verify accepts (keys used before). */
  trustedKeyFiles?: string[] | undefined;
}

/** The key this installation signs with and the keys whose checkpoints it trusts (by key id). */
export interface AuditKeys {
  keyId: string;
  /** Base64 SPKI DER of the signing key's public half. */
  publicKey: string;
  sign(statement: string): string;
  trusted: ReadonlyMap<string, KeyObject>;
}

export { keyIdOf, publicKeyPem };

const readKey = (path: string, kind: 'private' | 'public'): KeyObject => readEd25519Key(path, kind, 'audit');

/** Ed25519 public keys (PEM files; a private key's public half also works), by key id. */
export function trustedKeysFromFiles(files: string[]): Map<string, KeyObject> {
  return new Map(files.map((file) => readKey(file, 'public')).map((key) => [keyIdOf(key), key]));
}

export function loadAuditKeys(options: AuditKeyOptions): AuditKeys {
  const privateKey = options.keyFile
    ? readKey(options.keyFile, 'private')
    : options.dataDir.startsWith('memory://')
      ? generateKeyPairSync('ed25519').privateKey
      : keyFileGeneratedOnce(join(options.dataDir, DEFAULT_KEY_FILE), 'audit');
  const publicKey = createPublicKey(privateKey);
  const trusted = new Map<string, KeyObject>([[keyIdOf(publicKey), publicKey], ...trustedKeysFromFiles(options.trustedKeyFiles ?? [])]);
  return {
    keyId: keyIdOf(publicKey),
    publicKey: (publicKey.export({ format: 'der', type: 'spki' }) as Buffer).toString('base64'),
    sign: (statement) => sign(null, Buffer.from(statement, 'utf8'), privateKey).toString('base64'),
    trusted,
  };
}

export function signCheckpoint(keys: AuditKeys, head: { seq: number; hash: string }, at = new Date()): SignedCheckpoint {
  const unsigned = { seq: head.seq, hash: head.hash, at: at.toISOString(), keyId: keys.keyId };
  return { ...unsigned, publicKey: keys.publicKey, signature: keys.sign(checkpointStatement(unsigned)) };
}

/**
 * The checkpoint in a file an operator kept: the JSON `saring audit checkpoint` printed (alone or
 * as its last line), or an export's last line (`{"checkpoint": …}`).
 */
export function checkpointFromText(text: string, name: string): SignedCheckpoint {
  const candidates = [text, ...text.split('\n').reverse().filter((l) => l.trim().startsWith('{'))];
  for (const candidate of candidates) {
    let value: unknown;
    try {
      value = JSON.parse(candidate);
    } catch {
      continue;
    }
    if (value && typeof value === 'object' && 'checkpoint' in value) value = (value as { checkpoint: unknown }).checkpoint;
    return parseInput(signedCheckpointSchema, value);
  }
  throw new SaringError('invalid_json', `${name} holds no checkpoint (the JSON \`saring audit checkpoint\` prints).`);
}

export interface CheckpointProblem {
  problem: 'bad_signature' | 'unknown_key';
  message: string;
}

/**
 * Checks a checkpoint's signature against the trusted key with its key id. The public key the
 * checkpoint carries is never trusted by itself: whoever can write the table could put any key there.
 */
export function checkSignature(trusted: ReadonlyMap<string, KeyObject>, c: SignedCheckpoint, what = `the checkpoint of entry ${c.seq} signed at ${c.at}`): CheckpointProblem | undefined {
  const key = trusted.get(c.keyId);
  if (!key) {
    return { problem: 'unknown_key', message: `${what} is signed by key ${c.keyId}, which this installation does not trust` };
  }
  let valid = false;
  try {
    valid = verify(null, Buffer.from(checkpointStatement(c), 'utf8'), key, Buffer.from(c.signature, 'base64'));
  } catch {
    valid = false;
  }
  return valid ? undefined : { problem: 'bad_signature', message: `${what} has an invalid signature: it was altered or forged` };
}

type CheckpointRow = { id: number; seq: number; hash: string; at: Date; key_id: string; public_key: string; signature: string };

export function toCheckpoint(r: CheckpointRow): SignedCheckpoint {
  return { seq: r.seq, hash: r.hash, at: r.at.toISOString(), keyId: r.key_id, publicKey: r.public_key, signature: r.signature };
}

export async function auditHead(db: Db): Promise<{ seq: number; hash: string }> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return last ?? { seq: 0, hash: GENESIS_HASH };
}

/**
 * Signs the head of the log and stores the checkpoint. With `onlyIfMoved`, does nothing (and
 * returns undefined) when the latest checkpoint already covers the head.
 */
export async function createCheckpoint(db: Db, keys: AuditKeys, options: { onlyIfMoved?: boolean } = {}): Promise<SignedCheckpoint | undefined> {
  const head = await auditHead(db);
  if (options.onlyIfMoved) {
    const last = await db.selectFrom('audit_checkpoints').select(['seq', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (last ? last.seq === head.seq && last.hash === head.hash : head.seq === 0) return undefined;
  }
  const checkpoint = signCheckpoint(keys, head);
  await db
    .insertInto('audit_checkpoints')
    .values({
      seq: checkpoint.seq,
      hash: checkpoint.hash,
      at: new Date(checkpoint.at),
      key_id: checkpoint.keyId,
      public_key: checkpoint.publicKey,
      signature: checkpoint.signature,
    })
    .execute();
  return checkpoint;
}

/** Pages through the stored checkpoints in order of the entry they cover. */
export async function* storedCheckpoints(db: Db, pageSize = 1000): AsyncGenerator<SignedCheckpoint[]> {
  let after = { seq: -1, id: 0 };
  for (;;) {
    const rows = (await db
      .selectFrom('audit_checkpoints')
      .selectAll()
      .where((eb) => eb.or([eb('seq', '>', after.seq), eb.and([eb('seq', '=', after.seq), eb('id', '>', after.id)])]))
      .orderBy('seq', 'asc')
      .orderBy('id', 'asc')
      .limit(pageSize)
      .execute()) as CheckpointRow[];
    if (rows.length === 0) return;
    yield rows.map(toCheckpoint);
    const last = rows.at(-1)!;
    after = { seq: last.seq, id: last.id };
  }
}

export interface AuditExport {
  /** Signed before the first entry is read: the export holds the entries it covers. */
  checkpoint: SignedCheckpoint;
  /** JSON Lines: one entry per line (as `GET /v1/audit`), then `{"checkpoint": {…}}`. */
  lines: AsyncIterable<string>;
}

/** Signs a checkpoint and returns the entries after `afterSeq` up to it, read a page at a time. */
export async function exportAudit(db: Db, keys: AuditKeys, options: { afterSeq?: number; pageSize?: number } = {}): Promise<AuditExport> {
  const checkpoint = (await createCheckpoint(db, keys))!;
  const pageSize = options.pageSize ?? 1000;
  async function* lines(): AsyncGenerator<string> {
    for (let after = options.afterSeq ?? 0; after < checkpoint.seq; ) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', after)
        .where('seq', '<=', checkpoint.seq)
        .orderBy('seq', 'asc')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) break;
      yield rows.map((r) => `${JSON.stringify(toEntry(r as AuditRow))}\n`).join('');
      after = rows.at(-1)!.seq;
    }
    yield `${JSON.stringify({ checkpoint })}\n`;
  }
  return { checkpoint, lines: lines() };
}
