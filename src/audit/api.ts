import type { Db } from '../db/connect.js';
import { parseInput } from '../shared/validate.js';
import {
  createCheckpoint,
  exportAudit,
  loadAuditKeys,
  publicKeyPem,
  signedCheckpointSchema,
  type AuditExport,
  type AuditKeyOptions,
  type AuditKeys,
  type SignedCheckpoint,
} from './checkpoints.js';
import { listAudit, type AuditEntry, type AuditQuery } from './log.js';
import { verifyAudit, type VerifyResult } from './verify.js';

/** The audit part of the engine. */
export interface AuditApi {
  list(query?: AuditQuery): Promise<AuditEntry[]>;
  /** Walks the chain and checks every stored checkpoint, and `checkpoint` (one kept elsewhere) if given. */
  verify(options?: { checkpoint?: unknown }): Promise<VerifyResult>;
  /** Signs the current head now and stores it: the answer is worth keeping outside Saring. */
  checkpoint(): Promise<SignedCheckpoint>;
  /** A verifiable copy: the entries after `afterSeq` and a checkpoint signed for it (JSON Lines). */
  export(options?: { afterSeq?: number }): Promise<AuditExport>;
  /** The key checkpoints are signed with: its id and public key (PEM), to publish or hand over. */
  signingKey(): Promise<{ keyId: string; publicKey: string }>;
}

export interface AuditServiceOptions extends AuditKeyOptions {
  /** Sign the head this often while it moves (a timer in this process); 0: never. */
  checkpointSeconds: number;
}

/**
 * The audit API with its signing key (loaded or generated on first use) and, after `start()`,
 * a checkpoint every `checkpointSeconds` when the head moved, and a last one on `close()`.
 */
export function createAuditService(db: Db, options: AuditServiceOptions): AuditApi & { start(): void; close(): Promise<void> } {
  let keys: AuditKeys | undefined;
  const auditKeys = (): AuditKeys => (keys ??= loadAuditKeys(options));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let lastError = '';
  const tick = (): Promise<unknown> => {
    running = running
      .then(() => createCheckpoint(db, auditKeys(), { onlyIfMoved: true }))
      .then(
        () => (lastError = ''),
        (err: unknown) => {
          const message = (err as Error).message;
          if (message !== lastError) console.error(`[saring audit] could not sign a checkpoint: ${message}`);
          lastError = message;
        },
      );
    return running;
  };

  return {
    list: (query) => listAudit(db, query),
    verify: async (verifyOptions = {}) =>
      verifyAudit(db, {
        trusted: auditKeys().trusted,
        ...(verifyOptions.checkpoint !== undefined ? { external: parseInput(signedCheckpointSchema, verifyOptions.checkpoint) } : {}),
      }),
    checkpoint: async () => (await createCheckpoint(db, auditKeys()))!,
    export: (exportOptions = {}) => exportAudit(db, auditKeys(), exportOptions),
    signingKey: async () => ({ keyId: auditKeys().keyId, publicKey: publicKeyPem(auditKeys().publicKey) }),
    start() {
      if (options.checkpointSeconds > 0 && !timer) {
        timer = setInterval(() => void tick(), options.checkpointSeconds * 1000);
        timer.unref();
      }
    },
    async close() {
      if (!timer) return;
      clearInterval(timer);
      timer = undefined;
      await tick(); // the entries written since the last tick are covered too
    },
  };
}
