import { randomInt } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPath } from '../config/paths.js';
import type { Principal } from '../access/auth.js';
import type { Role } from '../access/roles.js';
import type { ContentInput } from '../content/schema.js';
import type { Saring } from '../engine.js';
import { loadAgeDemo } from './youth/age.js';
import { loadDeactivationDemo } from './youth/deactivation.js';
import { loadRiskDemo } from './youth/risk.js';
import { DEMO_PARTNERS, loadProgrammeDemo } from './youth/programme.js';
import { canDrawText, makeVideo, renderImage } from './media-fixtures.js';

/** Demo content: clean posts, criticism and news about gambling, gambling spam, scams, hate, … */
export function demoContent(): ContentInput[] {
  return JSON.parse(readFileSync(dataPath('demo', 'content.json'), 'utf8')) as ContentInput[];
}

/**
 * Demo media, generated on the spot (nothing is downloaded): a video with a gambling overlay
 * burned in under an innocent caption, a clean video with speech-free sound, and a promotional
 * picture. Needs a TrueType font to draw the text; without one there is no demo media.
 */
async function demoMedia(saring: Saring): Promise<ContentInput[]> {
  if (!canDrawText) return [];
  const dir = mkdtempSync(join(tmpdir(), 'saring-demo-'));
  try {
    const overlay = join(dir, 'overlay.mp4');
    const clean = join(dir, 'clean.mp4');
    const vlog = join(dir, 'vlog.mp4');
    await Promise.all([
      makeVideo(overlay, { seconds: 10, width: 640, height: 360, source: 'smptebars', overlays: [{ text: 'SLOT GACOR MAXWIN 88', from: 3, to: 6 }] }),
      makeVideo(clean, { seconds: 8, width: 640, height: 360, source: 'mandelbrot', audio: 'sine' }),
      // Weaker wording, for a person to judge: a video in review whose flagged seconds the console marks.
      makeVideo(vlog, { seconds: 12, width: 640, height: 360, source: 'mandelbrot', overlays: [{ text: 'GACOR HARI INI', from: 7, to: 9 }] }),
    ]);
    const picture = await renderImage({ width: 960, height: 540, text: 'DEPO 10RB WD CEPAT', background: '#1f6f4a', format: 'jpeg' });
    const [a, b, c, d] = await Promise.all([
      saring.media.upload(await readFile(overlay)),
      saring.media.upload(await readFile(clean)),
      saring.media.upload(picture),
      saring.media.upload(await readFile(vlog)),
    ]);
    return [
      {
        externalId: 'demo-media-overlay',
        kind: 'video',
        account: { externalId: 'demo-user-promo', displayName: 'Tips Masak Cepat' },
        texts: { caption: 'Tutorial nasi goreng 5 menit #masak' },
        media: [{ type: 'video', upload: a!.upload }],
      },
      {
        externalId: 'demo-media-clean',
        kind: 'video',
        account: { externalId: 'demo-user-budi', displayName: 'Budi Jalan-jalan' },
        texts: { caption: 'Timelapse fraktal, pakai musik sendiri' },
        media: [{ type: 'video', upload: b!.upload }],
      },
      {
        externalId: 'demo-media-vlog',
        kind: 'video',
        account: { externalId: 'demo-user-promo', displayName: 'Tips Masak Cepat' },
        texts: { caption: 'Vlog belanja ke pasar pagi' },
        media: [{ type: 'video', upload: d!.upload }],
      },
      {
        externalId: 'demo-media-picture',
        kind: 'image',
        account: { externalId: 'demo-user-promo', displayName: 'Tips Masak Cepat' },
        texts: { caption: 'Info lengkap di bio' },
        media: [{ type: 'image', upload: c!.upload }],
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Loads the demo content (idempotent: items already there are left as they are). Returns how
 * many were new. Media items are analysed by the job queue after this returns.
 */
export async function loadDemo(saring: Saring): Promise<number> {
  let created = 0;
  for (const item of [...demoContent(), ...(await demoMedia(saring))]) {
    const result = await saring.content.submit(item, 'system:demo');
    if (result.created) created++;
  }
  if (created > 0) {
    await demoReportAndAppeal(saring);
    await demoOrders(saring);
    await loadProgrammeDemo(saring);
    await loadDeactivationDemo(saring);
    await loadRiskDemo(saring);
    await loadAgeDemo(saring);
  }
  return created;
}

/** The organisation of the demo's regulator officer (`demo-officer`) and of its orders. */
export const DEMO_AUTHORITY = 'Komdigi';

/**
 * Orders from Komdigi, so the officer signing in sees some: a gambling takedown order waiting for a
 * moderator (its target in review), an urgent one already carried out (its targets were removed
 * before it came), and a request for information waiting for a senior moderator's answer. Sent as
 * the demo loader on the authority's behalf (the same order number again changes nothing).
 */
async function demoOrders(saring: Saring): Promise<void> {
  const principal: Principal = {
    user: { id: 'demo', name: 'Komdigi (demo)', login: null, role: 'regulator', org: DEMO_AUTHORITY, createdAt: new Date().toISOString(), disabled: false, hasPassword: false, invitePending: false, lastSignInAt: null },
    via: 'key',
    actor: 'system:demo',
  };
  const legalBasis = 'UU No. 1 Tahun 2024 (UU ITE) Pasal 27 ayat (2); Permenkominfo No. 5 Tahun 2020 Pasal 14';
  const orders = [
    { orderNumber: 'B-2107/DJAI/AI.01.02/12/2026', category: 'gambling', legalBasis, legalAnalysis: 'Konten mempromosikan situs perjudian daring.', targets: [{ externalId: 'demo-gambling-4' }] },
    { orderNumber: 'B-2098/DJAI/AI.01.02/12/2026', category: 'gambling', urgent: true, legalBasis, targets: [{ externalId: 'demo-gambling-1' }, { externalId: 'demo-gambling-2' }] },
    {
      orderNumber: 'B-2111/DJAI/AI.01.03/12/2026',
      category: 'fraud',
      requestedAction: 'information',
      legalBasis: 'UU No. 1 Tahun 2024 (UU ITE) Pasal 28 ayat (1); Permenkominfo No. 5 Tahun 2020 Pasal 21',
      letter: 'Mohon informasi akun pengunggah dan waktu unggah konten pinjaman daring berikut untuk keperluan penyidikan.',
      targets: [{ externalId: 'demo-fraud-1' }, { externalId: 'demo-fraud-2' }],
    },
  ];
  for (const order of orders) await saring.regulator.submit(order, principal);
}

/**
 * A public report on an item the scan let through, and an appeal against an automated removal,
 * so the reports and appeals queues have a case each to work through.
 */
async function demoReportAndAppeal(saring: Saring): Promise<void> {
  const actor = 'system:demo';
  await saring.reports.submit(
    {
      content: { externalId: 'demo-clean-2' },
      reporter: { name: 'Siti (warga)', contact: 'siti@example.org' },
      category: 'gambling',
      reason: 'Di kolom komentar video ini ada yang menyebar link situs slot, tolong dicek.',
    },
    actor,
  );
  const removed = (await saring.content.get('demo-fraud-1')).decisions.find((d) => d.action === 'remove');
  if (removed) {
    await saring.appeals.file(
      {
        decisionId: removed.id,
        appellant: { externalId: 'demo-scam-1', name: 'Dana Cepat' },
        reason: 'Kami lembaga pembiayaan resmi, bukan pinjol ilegal. Mohon video kami dipulihkan.',
      },
      actor,
    );
  }
}

/** A person of the demo, with the password they sign in with. */
export interface DemoPerson {
  login: string;
  name: string;
  role: Role;
  /** The organisation: `Demo` (the platform), the authority of a regulator officer, or a programme partner's. */
  org?: string;
  password: string;
}

/** 20 random characters in groups of five, from letters and digits that are hard to confuse (about 99 bits). */
function demoPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join(''));
  return groups.join('-');
}

/**
 * People to try the review console with: an admin, a moderator and two senior moderators (the
 * four-eyes flow needs two), a regulator officer of Komdigi who sees Komdigi's demo orders, and two
 * partners of the educational programme (KPAI, KemenPPPA), each with a random password. Only for an installation with demo data.
 */
export async function createDemoPeople(saring: Saring): Promise<DemoPerson[]> {
  const people: Omit<DemoPerson, 'password'>[] = [
    { login: 'demo-admin', name: 'Demo Admin', role: 'admin' },
    { login: 'demo-moderator', name: 'Demo Moderator', role: 'moderator' },
    { login: 'demo-senior-1', name: 'Demo Senior Moderator 1', role: 'senior_moderator' },
    { login: 'demo-senior-2', name: 'Demo Senior Moderator 2', role: 'senior_moderator' },
    { login: 'demo-officer', name: 'Demo Officer (Komdigi)', role: 'regulator', org: DEMO_AUTHORITY },
    // Partners of the educational programme: KPAI's approves KemenPPPA's demo nominations, and the other way round.
    { login: 'demo-partner', name: 'Demo Partner (KPAI)', role: 'partner', org: DEMO_PARTNERS.kpai },
    { login: 'demo-partner-2', name: 'Demo Partner (KemenPPPA)', role: 'partner', org: DEMO_PARTNERS.kemenpppa },
  ];
  const created: DemoPerson[] = [];
  for (const person of people) {
    const password = demoPassword();
    await saring.users.createPerson({ ...person, org: person.org ?? 'Demo', password }, 'system:demo');
    created.push({ ...person, password });
  }
  return created;
}

/** The demo people as lines of role, login and password. */
export function formatDemoPeople(people: DemoPerson[]): string {
  return people.map((p) => `  ${p.role.padEnd(17)} ${p.login.padEnd(15)} ${p.password}\n`).join('');
}
