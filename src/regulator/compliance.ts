/**
 * The signed compliance report (docs/regulator.md): every order received in a period, with its
 * deadline, when each target was acted on and whether the deadline held; totals and the on-time
 * rate per category and urgency. Served as canonical JSON signed with Ed25519 by a key of its own,
 * generated on first use in the data directory and rotatable (old public keys are kept so old
 * reports still verify).
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Principal } from '../access/auth.js';
import { can } from '../access/roles.js';
import { appendAudit, type Actor } from '../audit/log.js';
import type { EngineCore } from '../core.js';
import { SaringError } from '../errors/errors.js';
import { canonicalJson } from '../shared/canonical-json.js';
import { keyFileGeneratedOnce, keyIdOf, newPrivateKeyPem, publicKeyPem, readEd25519Key, spkiBase64, writeKeyFileOnce } from '../shared/ed25519.js';
import { parseInput } from '../shared/validate.js';
import { emptyCounts, isUrgentClock, type TargetStatus } from './orders.js';

export const REPORT_TYPE = 'saring.regulator.compliance-report.v1';
/** The key directory inside the data directory: `current.pem` (private) and `retired/<keyId>.pem` (public halves of keys rotated out). */
export const REPORT_KEY_DIR = 'regulator-report-keys';
/** The longest period one report covers. */
export const MAX_PERIOD_DAYS = 366;

const DAY = 86_400_000;

export const complianceQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }).meta({ description: 'Start of the period (inclusive): orders received at or after it' }),
    to: z.iso.datetime({ offset: true }).meta({ description: 'End of the period (exclusive)' }),
  })
  .strict()
  .refine((q) => new Date(q.from) < new Date(q.to), { message: '`from` must be before `to`', path: ['to'] })
  .refine((q) => new Date(q.to).getTime() - new Date(q.from).getTime() <= MAX_PERIOD_DAYS * DAY, { message: `A report covers at most ${MAX_PERIOD_DAYS} days`, path: ['to'] });

export interface ReportTarget {
  kind: string;
  value: string;
  contentId: string | null;
  status: TargetStatus;
  /** When it was acted on (taken down; or answered at receipt: already removed, not found); null while pending. */
  actedAt: string | null;
  decisionId: string | null;
  /** Acted on by the deadline; null while pending and the deadline has not passed. */
  onTime: boolean | null;
}

export interface ReportOrder {
  id: string;
  orderNumber: string;
  organisation: string;
  category: string;
  /** `remove` (a takedown) or `information` (a request for information, answered by the platform). */
  requestedAction: string;
  urgent: boolean;
  urgentClock: boolean;
  receivedAt: string;
  dueAt: string;
  /** When the last target was acted on (null while any is pending). */
  completedAt: string | null;
  /** The deadline was missed: a target acted on after it, or still pending past it. */
  breached: boolean;
  breachedAt: string | null;
  /** `on_time`, `breached`, or `open` (targets pending, the deadline not yet reached at the report's time). */
  outcome: 'on_time' | 'breached' | 'open';
  counts: Record<TargetStatus, number>;
  targets: ReportTarget[];
  /** The warning letters (ST1–ST3) recorded for this order, with the fines they impose (IDR). */
  warnings: ReportWarning[];
}

export interface ReportWarning {
  level: number;
  letterDate: string;
  letterNumber: string;
  /** ST2: the date of the platform's commitment letter (null: none recorded). */
  commitmentDate: string | null;
  fines: { amountIdr: number; imposedOn: string }[];
}

export interface Tally {
  orders: number;
  onTime: number;
  breached: number;
  open: number;
  /** onTime / (onTime + breached); null when no order is settled. */
  onTimeRate: number | null;
}

export interface ComplianceReport {
  type: typeof REPORT_TYPE;
  period: { from: string; to: string };
  /** The organisation whose orders it covers (an officer's), or null: every organisation's. */
  organisation: string | null;
  generatedAt: string;
  generatedBy: string;
  keyId: string;
  orders: ReportOrder[];
  totals: Tally & { targets: number; warnings: { st1: number; st2: number; st3: number }; fines: number; finesIdr: number; byCategory: Record<string, Tally>; byUrgency: { urgent: Tally; standard: Tally } };
}

export interface SignedReport {
  report: ComplianceReport;
  /** Base64 Ed25519 signature of the UTF-8 canonical JSON of `report`. */
  signature: string;
  keyId: string;
  /** The signing key (base64 SPKI DER), for convenience only: check its id against the published keys. */
  publicKey: string;
}

export interface PublicKeyView {
  keyId: string;
  /** PEM `PUBLIC KEY`. */
  publicKey: string;
  current: boolean;
}

export interface ComplianceApi {
  report(query: unknown, principal: Principal): Promise<SignedReport>;
  /** Every key reports were signed with, the current one first. */
  publicKeys(): PublicKeyView[];
  /** A new signing key; the old one's public half is kept for verification. */
  rotateKey(actor: Actor): Promise<PublicKeyView[]>;
}

// ---- keys ----

interface KeyRing {
  current(): KeyObject;
  retired(): KeyObject[];
  rotate(): void;
}

/** Keys in `<dataDir>/regulator-report-keys/` (re-read on each use, so a rotation by another process is seen); `memory://`: this process only. */
export function reportKeyRing(dataDir: string): KeyRing {
  if (dataDir.startsWith('memory://')) {
    let current = readPem(newPrivateKeyPem());
    const retired: KeyObject[] = [];
    return {
      current: () => current,
      retired: () => [...retired].reverse(),
      rotate() {
        retired.push(createPublicKey(current));
        current = readPem(newPrivateKeyPem());
      },
    };
  }
  const dir = join(dataDir, REPORT_KEY_DIR);
  const currentFile = join(dir, 'current.pem');
  const retiredDir = join(dir, 'retired');
  return {
    current: () => keyFileGeneratedOnce(currentFile, 'compliance report'),
    retired() {
      if (!existsSync(retiredDir)) return [];
      return readdirSync(retiredDir)
        .filter((f) => f.endsWith('.pem'))
        .sort()
        .map((f) => readEd25519Key(join(retiredDir, f), 'public', 'compliance report'))
        .reverse();
    },
    rotate() {
      const old = keyFileGeneratedOnce(currentFile, 'compliance report');
      mkdirSync(retiredDir, { recursive: true });
      // Numbered, so the listing keeps the order keys were used in.
      const n = existsSync(retiredDir) ? readdirSync(retiredDir).filter((f) => f.endsWith('.pem')).length : 0;
      const name = `${String(n + 1).padStart(6, '0')}-${keyIdOf(old)}.pem`;
      writeFileSync(join(retiredDir, name), publicKeyPem(spkiBase64(old)), { mode: 0o644 });
      const next = join(dir, `next.${process.pid}.pem`);
      writeKeyFileOnce(next, newPrivateKeyPem());
      renameSync(next, currentFile);
    },
  };
}

const readPem = (pem: string): KeyObject => createPrivateKey(pem);

const view = (key: KeyObject, current: boolean): PublicKeyView => ({ keyId: keyIdOf(key), publicKey: publicKeyPem(spkiBase64(key)), current });

// ---- signing and verifying ----

export function signReport(report: ComplianceReport, key: KeyObject): SignedReport {
  return {
    report,
    signature: sign(null, Buffer.from(canonicalJson(report), 'utf8'), key).toString('base64'),
    keyId: keyIdOf(key),
    publicKey: spkiBase64(key),
  };
}

export interface ReportCheck {
  ok: boolean;
  /** Whether the key came from the caller (a public key file) rather than the report file itself. */
  keyGiven: boolean;
  keyId: string | null;
  problem?: string;
  report?: ComplianceReport;
}

const signedReportShape = z.object({ report: z.object({ keyId: z.string() }).passthrough(), signature: z.string(), keyId: z.string(), publicKey: z.string().optional() });

/**
 * Checks a signed report as served (its JSON text): the signature over the canonical JSON of
 * `report` with the given public keys (any of them), or else the key the file carries.
 */
export function verifyReportText(text: string, publicKeys?: KeyObject[]): ReportCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, keyGiven: !!publicKeys, keyId: null, problem: 'the file is not JSON (a signed report as GET /v1/regulator/compliance-report serves it)' };
  }
  const parsed = signedReportShape.safeParse(value);
  if (!parsed.success) return { ok: false, keyGiven: !!publicKeys, keyId: null, problem: 'the file is not a signed report: { report, signature, keyId } expected' };
  const signed = parsed.data;
  const report = signed.report as unknown as ComplianceReport;
  let keys: KeyObject[];
  if (publicKeys) keys = publicKeys;
  else if (signed.publicKey) {
    try {
      keys = [createPublicKey(publicKeyPem(signed.publicKey))];
    } catch {
      return { ok: false, keyGiven: false, keyId: signed.keyId, problem: 'the public key in the file is not a valid key' };
    }
  } else return { ok: false, keyGiven: false, keyId: signed.keyId, problem: 'the file carries no public key: pass --public-key' };
  const statement = Buffer.from(canonicalJson(signed.report), 'utf8');
  const signature = Buffer.from(signed.signature, 'base64');
  const key = keys.find((k) => {
    try {
      return verify(null, statement, k, signature);
    } catch {
      return false;
    }
  });
  if (!key) {
    return { ok: false, keyGiven: !!publicKeys, keyId: signed.keyId, problem: `the signature does not match the report with ${publicKeys ? 'the public key given' : "the file's own key"}: it was altered or forged` };
  }
  const keyId = keyIdOf(key);
  if (keyId !== signed.keyId || keyId !== report.keyId) {
    return { ok: false, keyGiven: !!publicKeys, keyId, problem: `the report names key ${signed.keyId}, but was signed by ${keyId}` };
  }
  return { ok: true, keyGiven: !!publicKeys, keyId, report };
}

// ---- the report ----

const tally = (): Tally => ({ orders: 0, onTime: 0, breached: 0, open: 0, onTimeRate: null });
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function add(t: Tally, outcome: ReportOrder['outcome']): void {
  t.orders++;
  if (outcome === 'on_time') t.onTime++;
  else if (outcome === 'breached') t.breached++;
  else t.open++;
  t.onTimeRate = t.onTime + t.breached === 0 ? null : Math.round((t.onTime / (t.onTime + t.breached)) * 10_000) / 10_000;
}

export function createCompliance(core: EngineCore, options: { keys?: KeyRing } = {}): ComplianceApi {
  const { db } = core;
  const ring = options.keys ?? reportKeyRing(core.config.dataDir);
  const publicKeys = () => [view(ring.current(), true), ...ring.retired().map((k) => view(k, false))];

  async function report(query: unknown, principal: Principal): Promise<SignedReport> {
    const q = parseInput(complianceQuerySchema, query);
    const from = new Date(q.from);
    const to = new Date(q.to);
    // The same rule as the orders' routes: who may read the platform's content sees every organisation's orders.
    const all = can(principal.user.role, 'content:read');
    const organisation = all ? null : principal.user.org;
    if (!all && !organisation) throw new SaringError('organisation_required', 'A compliance report covers an organisation’s orders: this person or key belongs to none.');
    const now = new Date();

    let s = db.selectFrom('regulator_orders').selectAll().where('received_at', '>=', from).where('received_at', '<', to);
    if (organisation) s = s.where('organisation', '=', organisation);
    const rows = await s.orderBy('received_at', 'asc').orderBy('id', 'asc').execute();
    const targets = new Map<string, Awaited<ReturnType<typeof loadTargets>>>();
    async function loadTargets(ids: string[]) {
      return db
        .selectFrom('regulator_order_targets')
        .select(['order_id', 'kind', 'value', 'content_id', 'status', 'handled_at', 'decision_id'])
        .where('order_id', 'in', ids)
        .orderBy('order_id')
        .orderBy('position')
        .execute();
    }
    for (let i = 0; i < rows.length; i += 500) {
      const ids = rows.slice(i, i + 500).map((r) => r.id);
      for (const t of await loadTargets(ids)) {
        const list = targets.get(t.order_id) ?? [];
        list.push(t);
        targets.set(t.order_id, list);
      }
    }

    const warnings = new Map<string, ReportWarning[]>();
    for (let i = 0; i < rows.length; i += 500) {
      const ids = rows.slice(i, i + 500).map((r) => r.id);
      const letters = await db
        .selectFrom('regulator_warnings')
        .select(['id', 'order_id', 'level', sql<string>`letter_date::text`.as('letter_date'), 'letter_number', sql<string | null>`commitment_date::text`.as('commitment_date')])
        .where('order_id', 'in', ids)
        .orderBy('order_id')
        .orderBy('level')
        .execute();
      const fines = await db
        .selectFrom('regulator_fines')
        .select(['warning_id', sql<string>`amount_idr::text`.as('amount'), sql<string>`imposed_on::text`.as('imposed_on')])
        .where('order_id', 'in', ids)
        .orderBy('created_at')
        .orderBy('position')
        .execute();
      for (const w of letters) {
        const list = warnings.get(w.order_id) ?? [];
        list.push({
          level: Number(w.level),
          letterDate: w.letter_date,
          letterNumber: w.letter_number,
          commitmentDate: w.commitment_date,
          fines: fines.filter((f) => f.warning_id === w.id).map((f) => ({ amountIdr: Number(f.amount), imposedOn: f.imposed_on })),
        });
        warnings.set(w.order_id, list);
      }
    }

    const keyId = keyIdOf(ring.current());
    const totals = { ...tally(), targets: 0, warnings: { st1: 0, st2: 0, st3: 0 }, fines: 0, finesIdr: 0, byCategory: {} as Record<string, Tally>, byUrgency: { urgent: tally(), standard: tally() } };
    const orders: ReportOrder[] = rows.map((r) => {
      const dueAt = new Date(r.due_at);
      const counts = emptyCounts();
      const list: ReportTarget[] = (targets.get(r.id) ?? []).map((t) => {
        const status = t.status as TargetStatus;
        counts[status]++;
        const actedAt = status === 'pending' ? null : iso(t.handled_at ?? r.received_at);
        const onTime = actedAt ? new Date(actedAt) <= dueAt : now > dueAt ? false : null;
        return { kind: t.kind, value: t.value, contentId: t.content_id, status, actedAt, decisionId: t.decision_id, onTime };
      });
      const breached = r.breached_at !== null || list.some((t) => t.onTime === false);
      const outcome: ReportOrder['outcome'] = breached ? 'breached' : counts.pending === 0 ? 'on_time' : 'open';
      const acted = list.map((t) => t.actedAt).filter((a): a is string => a !== null).sort();
      // The clock the order got at receipt (the policy's table then); orders stored before it was kept: the default table.
      const urgentClock = r.urgent_clock ?? isUrgentClock(r.category, r.urgent);
      add(totals, outcome);
      add((totals.byCategory[r.category] ??= tally()), outcome);
      add(urgentClock ? totals.byUrgency.urgent : totals.byUrgency.standard, outcome);
      totals.targets += list.length;
      const letters = warnings.get(r.id) ?? [];
      for (const w of letters) {
        totals.warnings[`st${w.level}` as 'st1' | 'st2' | 'st3']++;
        totals.fines += w.fines.length;
        for (const f of w.fines) totals.finesIdr += f.amountIdr;
      }
      return {
        id: r.id,
        orderNumber: r.order_number,
        organisation: r.organisation,
        category: r.category,
        requestedAction: r.requested_action,
        urgent: r.urgent,
        urgentClock,
        receivedAt: iso(r.received_at)!,
        dueAt: dueAt.toISOString(),
        completedAt: counts.pending === 0 ? (acted.at(-1) ?? iso(r.received_at)) : null,
        breached,
        breachedAt: iso(r.breached_at),
        outcome,
        counts,
        targets: list,
        warnings: letters,
      };
    });
    const body: ComplianceReport = {
      type: REPORT_TYPE,
      period: { from: from.toISOString(), to: to.toISOString() },
      organisation,
      generatedAt: now.toISOString(),
      generatedBy: principal.actor,
      keyId,
      orders,
      totals,
    };
    return signReport(body, ring.current());
  }

  return {
    report,
    publicKeys,
    async rotateKey(actor) {
      const old = keyIdOf(ring.current());
      ring.rotate();
      const keys = publicKeys();
      await appendAudit(db, { actor, action: 'regulator.report_key_rotated', subjectType: 'report_key', subjectId: keys[0]!.keyId, data: { previousKeyId: old } });
      return keys;
    },
  };
}
