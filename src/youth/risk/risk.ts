import { sql } from 'kysely';
import { z } from 'zod';
import type { Principal } from '../../access/auth.js';
import { appendAudit } from '../../audit/log.js';
import type { Db } from '../../db/connect.js';
import { SaringError } from '../../errors/errors.js';
import { parseInput, versionNumber, wholeNumber } from '../../shared/validate.js';

/** PP 17/2025 ("PP Tunas"): the seven aspects a platform assesses its risk to children on, in the regulation's order. */
export const RISK_ASPECTS = ['content', 'contact', 'exploitation', 'personal_data', 'addiction', 'mental_health', 'physical_health'] as const;
export type RiskAspect = (typeof RISK_ASPECTS)[number];
export const RISK_LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The document's names (Bahasa Indonesia: the regulator reads it). */
export const ASPECT_NAMES_ID: Record<RiskAspect, string> = {
  content: 'Konten',
  contact: 'Kontak',
  exploitation: 'Eksploitasi',
  personal_data: 'Data pribadi',
  addiction: 'Adiksi (kecanduan)',
  mental_health: 'Kesehatan mental',
  physical_health: 'Kesehatan fisik',
};
export const LEVEL_NAMES_ID: Record<RiskLevel, string> = { low: 'Rendah', medium: 'Sedang', high: 'Tinggi', very_high: 'Sangat tinggi' };

const MAX_ITEMS = 50;
const item = z.string().trim().min(1, 'an empty item').max(2000);

const aspectSchema = z
  .object({
    level: z.string().superRefine((level, ctx) => {
      if (!(RISK_LEVELS as readonly string[]).includes(level)) {
        ctx.addIssue({ code: 'custom', message: `unknown risk level ${JSON.stringify(level.slice(0, 40))}: one of ${RISK_LEVELS.join(', ')}`, params: { code: 'invalid_risk_level' } });
      }
    }),
    /** What the risk is on this platform and why it is at this level. */
    assessment: z.string().trim().min(1, 'say what the risk is and why it is at this level').max(20_000),
    /** What the assessment rests on: figures, studies, reports, documents (one item each). */
    evidence: z.array(item).max(MAX_ITEMS).default([]),
    /** What the platform does about it. */
    mitigations: z.array(item).max(MAX_ITEMS).default([]),
  })
  .strict();

/** One aspect of a version as stored and answered. */
export interface AspectAssessment {
  level: RiskLevel;
  assessment: string;
  evidence: string[];
  mitigations: string[];
}

/** A save: all seven aspects (each a new version; nothing is changed in place). */
export const riskInputSchema = z
  .object({
    /**
     * The version this edit started from (0 when there was none): when someone saved another
     * version since, the save is refused (409 `conflict`) instead of overwriting their work unseen.
     */
    basedOn: z.number().int().min(0).optional(),
    summary: z.string().trim().max(10_000).optional(),
    aspects: z
      .object(Object.fromEntries(RISK_ASPECTS.map((a) => [a, aspectSchema.optional()])) as Record<RiskAspect, z.ZodOptional<typeof aspectSchema>>)
      .strict()
      .superRefine((aspects, ctx) => {
        const missing = RISK_ASPECTS.filter((a) => aspects[a] === undefined);
        if (missing.length) {
          ctx.addIssue({ code: 'custom', message: `all seven PP Tunas aspects are assessed; missing: ${missing.join(', ')}`, params: { code: 'incomplete_risk_assessment' } });
        }
      }),
  })
  .strict();
export type RiskInput = z.input<typeof riskInputSchema>;

export const riskListSchema = z
  .object({
    /** Versions before this one (paging back through the history). */
    before: versionNumber().optional(),
    limit: wholeNumber(1, 200).default(50),
  })
  .strict();

export const RISK_FORMATS = ['json', 'md'] as const;
export const riskExportSchema = z.object({ format: z.enum(RISK_FORMATS).default('json') }).strict();

export interface RiskAssessment {
  version: number;
  summary: string | null;
  aspects: Record<RiskAspect, AspectAssessment>;
  createdBy: string;
  createdByName: string;
  createdAt: string;
}

/** A version in the history: who saved it when, its levels, and which aspects it changed from the one before. */
export interface RiskVersionSummary {
  version: number;
  summary: string | null;
  levels: Record<RiskAspect, RiskLevel>;
  changed: RiskAspect[];
  createdBy: string;
  createdByName: string;
  createdAt: string;
}

export interface RiskApi {
  save(input: unknown, principal: Principal): Promise<RiskAssessment>;
  /** A version, or the latest (`latest`); `not_found` when there is none. */
  get(version: number | 'latest'): Promise<RiskAssessment>;
  history(query: unknown): Promise<{ versions: RiskVersionSummary[]; nextBefore: number | null }>;
  /** The document a regulator asks for, in Bahasa Indonesia (Markdown). */
  markdown(version: number | 'latest'): Promise<{ version: number; text: string }>;
}

type Row = { version: number; summary: string | null; aspects: Record<string, unknown>; created_by: string; created_by_name: string; created_at: Date };

function toAssessment(r: Row): RiskAssessment {
  return {
    version: r.version,
    summary: r.summary,
    aspects: r.aspects as Record<RiskAspect, AspectAssessment>,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Serialises saves so two never take the same version number. */
const RISK_LOCK = 727_274_717;

async function save(db: Db, input: unknown, principal: Principal): Promise<RiskAssessment> {
  const valid = parseInput(riskInputSchema, input);
  const aspects = Object.fromEntries(RISK_ASPECTS.map((a) => [a, valid.aspects[a]!])) as Record<RiskAspect, AspectAssessment>;
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${RISK_LOCK})`.execute(trx);
    const last = await trx.selectFrom('youth_risk_assessments').select('version').orderBy('version', 'desc').limit(1).executeTakeFirst();
    const latest = last?.version ?? 0;
    if (valid.basedOn !== undefined && valid.basedOn !== latest) {
      throw new SaringError('conflict', `This edit started from version ${valid.basedOn}, but version ${latest} has been saved since: reload it and apply the changes again.`, { latest });
    }
    const row = await trx
      .insertInto('youth_risk_assessments')
      .values({ version: latest + 1, summary: valid.summary || null, aspects: JSON.stringify(aspects), created_by: principal.actor, created_by_name: principal.user.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: principal.actor,
      action: 'youth.risk_assessment_saved',
      subjectType: 'risk_assessment',
      subjectId: String(row.version),
      data: { version: row.version, levels: Object.fromEntries(RISK_ASPECTS.map((a) => [a, aspects[a].level])) },
    });
    return toAssessment(row as Row);
  });
}

async function get(db: Db, version: number | 'latest'): Promise<RiskAssessment> {
  let q = db.selectFrom('youth_risk_assessments').selectAll();
  q = version === 'latest' ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
  const row = await q.executeTakeFirst();
  if (!row) throw new SaringError('not_found', version === 'latest' ? 'No risk self-assessment has been saved yet.' : `Risk self-assessment version ${version} does not exist.`);
  return toAssessment(row as Row);
}

async function history(db: Db, query: unknown): Promise<{ versions: RiskVersionSummary[]; nextBefore: number | null }> {
  const q = parseInput(riskListSchema, query);
  let s = db.selectFrom('youth_risk_assessments').selectAll();
  if (q.before !== undefined) s = s.where('version', '<', q.before);
  // One more than the page: the last one's predecessor tells what it changed.
  const rows = (await s.orderBy('version', 'desc').limit(q.limit + 1).execute()) as Row[];
  const page = rows.slice(0, q.limit);
  const versions = page.map((r, i) => {
    const a = toAssessment(r);
    const before = rows[i + 1] ? toAssessment(rows[i + 1]!) : null;
    return {
      version: a.version,
      summary: a.summary,
      levels: Object.fromEntries(RISK_ASPECTS.map((k) => [k, a.aspects[k].level])) as Record<RiskAspect, RiskLevel>,
      changed: before ? RISK_ASPECTS.filter((k) => JSON.stringify(a.aspects[k]) !== JSON.stringify(before.aspects[k])) : [...RISK_ASPECTS],
      createdBy: a.createdBy,
      createdByName: a.createdByName,
      createdAt: a.createdAt,
    };
  });
  return { versions, nextBefore: rows.length > q.limit ? page.at(-1)!.version : null };
}

/** A date and time as an Indonesian document writes it: 5 Desember 2026 pukul 14.20 WIB. */
export function indonesianDateTime(iso: string): string {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(d);
  const time = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Jakarta' }).format(d);
  return `${date} pukul ${time} WIB`;
}

/** An operator's text as one Markdown list item (continuation lines indented, so a line break stays in the item). */
const listItem = (text: string) => `- ${text.replace(/\r?\n/g, '\n  ')}`;
/** A table cell: no line breaks, pipes escaped. */
const cell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

/** The document a regulator asks for (Bahasa Indonesia), from a stored version. */
export function riskMarkdown(a: RiskAssessment): string {
  const lines = [
    '# Penilaian Mandiri Risiko terhadap Anak',
    '',
    'Disusun menurut Peraturan Pemerintah Nomor 17 Tahun 2025 tentang Tata Kelola Penyelenggaraan Sistem Elektronik dalam Perlindungan Anak (PP Tunas): tujuh aspek risiko.',
    '',
    `- Versi: ${a.version}`,
    `- Disimpan oleh: ${a.createdByName} (${a.createdBy})`,
    `- Tanggal: ${indonesianDateTime(a.createdAt)}`,
    '',
  ];
  if (a.summary) lines.push('## Ringkasan', '', a.summary, '');
  lines.push('## Tingkat risiko per aspek', '', '| No. | Aspek | Tingkat risiko | Mitigasi |', '|---|---|---|---|');
  RISK_ASPECTS.forEach((k, i) => lines.push(`| ${i + 1} | ${cell(ASPECT_NAMES_ID[k])} | ${LEVEL_NAMES_ID[a.aspects[k].level]} | ${a.aspects[k].mitigations.length} |`));
  lines.push('');
  RISK_ASPECTS.forEach((k, i) => {
    const x = a.aspects[k];
    lines.push(`## ${i + 1}. ${ASPECT_NAMES_ID[k]}`, '', `**Tingkat risiko:** ${LEVEL_NAMES_ID[x.level]}`, '', '### Penilaian', '', x.assessment, '', '### Bukti', '');
    lines.push(...(x.evidence.length ? x.evidence.map(listItem) : ['Tidak ada bukti yang dicatat.']), '', '### Mitigasi', '');
    lines.push(...(x.mitigations.length ? x.mitigations.map(listItem) : ['Tidak ada mitigasi yang dicatat.']), '');
  });
  return `${lines.join('\n')}\n`;
}

/** The PP Tunas risk self-assessment (docs/youth.md, "Risk self-assessment"): versioned, exportable. */
export function createRisk(db: Db): RiskApi {
  return {
    save: (input, principal) => save(db, input, principal),
    get: (version) => get(db, version),
    history: (query) => history(db, query),
    async markdown(version) {
      const a = await get(db, version);
      return { version: a.version, text: riskMarkdown(a) };
    },
  };
}
