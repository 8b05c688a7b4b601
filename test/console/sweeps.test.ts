/**
 * The sweeps pages in a real Chromium against a real Saring (PGlite, with its job workers): an
 * admin backtests a stricter candidate policy (data/policies/examples/) over seeded content,
 * watches it finish, reads the report (transitions, samples, agreement with the moderators'
 * decisions), opens the printable document and downloads its JSON; starts an apply sweep over a
 * larger backlog, pauses it, resumes it and watches it finish; an auditor sees the sweeps and the
 * reports but cannot start or stop one. Every page passes axe-core; screenshots in both languages
 * go to test-output/screenshots/sweeps-*-{id,en}.png.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../../src/engine.js';
import type { App } from '../../src/http/app.js';
import { checkPage, chromiumSkipReason, hasChromium, launchChromium, newContext, screenshot, SCREENSHOTS, signIn } from '../../src/test-support/browser.js';
import { testApp } from '../../src/test-support/storage.js';

const PASSWORD = 'kata-sandi-uji-panjang';
const ROOT = join(import.meta.dirname, '..', '..');
/** The stricter example policy the sweep's docs backtest (the first one in data/policies/examples/). */
const EXAMPLES = join(ROOT, 'data', 'policies', 'examples');
const candidateFile = join(EXAMPLES, readdirSync(EXAMPLES).filter((f) => /\.ya?ml$/.test(f)).sort()[0] ?? 'missing.yaml');
/**
 * Stored comments for the apply sweep to work through: enough chunks (500 items each) that it is
 * still running when the page is there to pause it (on PGlite the page's requests wait between
 * the sweep's chunk transactions).
 */
const BACKLOG = 30_000;

/** Seeded content of one account: clean posts and gambling and scam spam, some decided by a moderator. */
const POSTS = [
  'Resep sambal matah khas Bali, pedasnya pas untuk makan siang',
  'Tutorial menari jaipong untuk pemula, ikuti gerakannya pelan-pelan',
  'Jalan-jalan sore di Kota Tua Jakarta bersama keluarga',
  'Review sepatu lari lokal setelah dipakai tiga bulan',
  'Slot gacor hari ini maxwin, deposit 10rb langsung cuan, link di bio',
  'Situs judi online terpercaya, bonus new member 100%, daftar sekarang',
  'Bandar togel resmi, pasang angka jitu malam ini, WD pasti dibayar',
  'Main slot gacor pakai dana, modal receh menang jutaan',
  'Pinjol cepat cair tanpa KTP, bunga rendah, hubungi WA admin',
  'Investasi pasti untung 50% per minggu, transfer dulu ke rekening kami',
  'Menang giveaway iPhone! Klik link dan isi data kartu kredit Anda',
  'Cara menanam cabai di pot untuk pemula di rumah',
];

describe.skipIf(!hasChromium)(`the sweeps pages in Chromium${chromiumSkipReason}`, { timeout: 300_000 }, () => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let close: () => Promise<void> = async () => {};
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ saring, app, close } = await testApp('pglite'));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    await saring.users.createPerson({ name: 'Admin Platform', login: 'admin-person', role: 'admin', password: PASSWORD }, 'test');
    await saring.users.createPerson({ name: 'Auditor Independen', login: 'auditor-person', role: 'auditor', password: PASSWORD }, 'test');
    const ids: string[] = [];
    for (const [i, text] of POSTS.entries()) {
      ids.push((await saring.content.submit({ externalId: `uji-${String(i + 1).padStart(2, '0')}`, kind: 'video', texts: { caption: text }, account: { externalId: 'akun-uji' } }, 'test')).content.id);
    }
    // A moderator's decisions: two gambling posts and a scam removed, two clean posts allowed.
    const admin = await saring.users.authenticate(saring.adminKey);
    for (const i of [4, 5, 8]) await saring.decisions.decide(ids[i]!, { action: 'remove', category: i === 8 ? 'fraud' : 'gambling', reason: 'Melanggar aturan.' }, admin);
    for (const i of [0, 1]) await saring.decisions.decide(ids[i]!, { action: 'allow', reason: 'Tidak melanggar.' }, admin);
    // A backlog of comments (stored, never scanned) for the apply sweep to work through.
    await sql`INSERT INTO content_items (external_id, kind, texts, fingerprint)
      SELECT 'komentar-' || g, 'comment', jsonb_build_object('text', 'Komentar biasa nomor ' || g || ', terima kasih kontennya'), md5('komentar-' || g)
      FROM generate_series(1, ${BACKLOG}) g`.execute(saring.db);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await close();
  });

  async function signedIn(login: string): Promise<Page & { errors: string[] }> {
    const context = await newContext(browser, base);
    contexts.push(context);
    const page = await signIn(context, login, PASSWORD);
    await page.waitForURL((url) => !url.pathname.includes('sign-in'));
    return page;
  }

  let backtestId = '';

  it('backtests the stricter candidate policy over one account, watches it finish and reads the report and its document', async () => {
    const page = await signedIn('admin-person');
    await page.getByRole('link', { name: 'Pembersihan konten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pembersihan konten' }).waitFor();
    await page.getByText('Belum ada pembersihan.').waitFor();
    await checkPage(page, 'sweeps-empty-id');

    // Backtest (the default mode) of the account's content against the uploaded candidate.
    await page.getByRole('textbox', { name: 'Akun' }).fill('akun-uji');
    await page.getByTestId('filter-summary').getByText('Pembersihan mengambil: Akun: akun-uji').waitFor();
    await page.getByRole('radio', { name: 'Kebijakan kandidat: tempel atau unggah YAML' }).check();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Unggah berkas YAML' }).click();
    await (await chooser).setFiles(candidateFile);
    await page.getByText(/^Dibaca dari /).waitFor();
    const yaml = page.getByRole('textbox', { name: /Kebijakan kandidat \(YAML\)/ });
    expect(await yaml.inputValue()).toBe(readFileSync(candidateFile, 'utf8'));
    await checkPage(page, 'sweeps-form-id', yaml);
    await page.getByRole('textbox', { name: /^Catatan/ }).fill('Uji kebijakan judi yang lebih ketat');
    await page.getByRole('button', { name: 'Mulai uji balik' }).click();

    await page.waitForURL(/\/console\/sweeps\/[0-9a-f-]{36}$/);
    backtestId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: /^Uji balik / }).waitFor();
    await page.locator('[data-status="finished"]').first().waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('sweep-processed').textContent()).toBe(`${POSTS.length} dari ${POSTS.length} item · 100%`);
    // The report: what changed, samples of it, and agreement with the moderator's decisions.
    const transitions = page.getByRole('table', { name: 'Perubahan terhadap keadaan saat ini' });
    await transitions.locator('tbody tr').first().waitFor();
    const report = await saring.sweeps.report(backtestId);
    expect(report.final).toBe(true);
    expect(report.transitions.length).toBeGreaterThan(0);
    for (const x of report.transitions) await transitions.getByRole('row').filter({ hasText: String(x.count) }).first().waitFor();
    const sample = report.samples[0]!.items[0]!;
    await page.getByRole('link', { name: sample.externalId }).first().waitFor();
    expect(report.agreement?.decided).toBe(5);
    await page.getByText('5 item diputuskan oleh manusia.').waitFor();
    await page.getByRole('table', { name: 'Kesesuaian dengan keputusan manusia' }).getByRole('row', { name: /^Pembersihan ini/ }).waitFor();
    await page.getByText(report.sha256).waitFor();
    // A backtest acts on nothing.
    expect(await saring.db.selectFrom('scans').select('id').where(sql<boolean>`sweep_id IS NOT NULL`).execute()).toHaveLength(0);
    await checkPage(page, 'sweeps-backtest-id');
    await checkPage(page, 'sweeps-backtest-report-id', transitions);

    // The printable document and the JSON, byte for byte the API's.
    await page.getByRole('link', { name: 'Laporan untuk dicetak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Laporan pembersihan' }).waitFor();
    const doc = page.getByRole('article', { name: 'Dokumen laporan pembersihan' });
    await doc.getByRole('heading', { name: 'Laporan Pembersihan Konten' }).waitFor();
    await doc.getByText(report.sha256).waitFor();
    await doc.getByText('Uji kebijakan judi yang lebih ketat').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh JSON' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`saring-sweep-${backtestId}.json`);
    const saved = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { sha256: string; sweep: { id: string } };
    expect(saved.sha256).toBe(report.sha256);
    expect(saved.sweep.id).toBe(backtestId);
    await checkPage(page, 'sweeps-report-id');
    await doc.screenshot({ path: join(SCREENSHOTS, 'sweeps-report-document-id.png') });
    // Printed: the document alone.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Cetak / Simpan sebagai PDF' }).isVisible()).toBe(false);
    expect(await doc.isVisible()).toBe(true);
    await page.pdf({ path: join(SCREENSHOTS, 'sweeps-report.pdf'), format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });

    // In English: the controls and, when chosen, the document.
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sweep report' }).waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('article', { name: 'Sweep report document' }).getByRole('heading', { name: 'Content Sweep Report' }).waitFor();
    await checkPage(page, 'sweeps-report-en');
    await page.getByRole('link', { name: 'Back to the sweep' }).click();
    await page.getByRole('heading', { level: 1, name: /^Backtest of / }).waitFor();
    await page.getByRole('table', { name: 'Changes against the current state' }).waitFor();
    await checkPage(page, 'sweeps-backtest-en');
    await page.getByText('ID', { exact: true }).click();
    expect(page.errors).toEqual([]);
  });

  it('applies the stricter policy, once activated, in a sweep started after a confirmation: pauses it, resumes it and watches it finish', async () => {
    // The backtest convinced: the stricter policy becomes the active one, and the sweep applies it.
    await saring.policy.activate(readFileSync(candidateFile, 'utf8'), 'test', 'Kebijakan yang lebih ketat, setelah uji balik');
    const page = await signedIn('admin-person');
    await page.goto('/console/sweeps');
    await page.getByRole('heading', { level: 1, name: 'Pembersihan konten' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Mode' }).getByText('Terapkan', { exact: true }).click();
    // Overriding people's decisions warns, and stays off here.
    const override = page.getByRole('switch', { name: /^Timpa keputusan manusia/ });
    await override.focus();
    await page.keyboard.press('Space');
    await page.getByText('Keputusan moderator akan diganti').waitFor();
    await page.keyboard.press('Space');
    await page.getByText('Keputusan moderator akan diganti').waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: /^Catatan/ }).fill('Pembersihan seluruh konten dengan kebijakan aktif');
    await page.getByRole('button', { name: 'Mulai pembersihan terapan…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terapkan kebijakan pada konten tersimpan?' });
    await dialog.getByText('Pembersihan mengambil semua konten tersimpan.').waitFor();
    // The dialog as a reader sees it (axe is run on the pages; Mantine's dialog adds a second banner landmark).
    await page.waitForFunction(() => (globalThis as unknown as { document: { getAnimations(): unknown[] } }).document.getAnimations().length === 0).catch(() => {});
    await screenshot(page, 'sweeps-apply-confirm-id');
    await dialog.getByRole('button', { name: 'Mulai terapkan' }).click();

    await page.waitForURL(/\/console\/sweeps\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: /^Pembersihan terapan / }).waitFor();
    await page.getByRole('button', { name: 'Jeda' }).click();
    await page.locator('[data-status="paused"]').first().waitFor();
    await page.getByRole('button', { name: 'Lanjutkan' }).waitFor();
    const paused = await saring.sweeps.get(id);
    expect(paused.status).toBe('paused');
    expect(paused.progress.processed).toBeLessThan(paused.progress.total);
    // Paused, it stays where it was.
    const stoppedAt = paused.progress.processed;
    await new Promise((r) => setTimeout(r, 2000));
    expect((await saring.sweeps.get(id)).progress.processed).toBe(stoppedAt);
    await checkPage(page, 'sweeps-paused-id');

    await page.getByRole('button', { name: 'Lanjutkan' }).click();
    await page.getByRole('button', { name: 'Jeda' }).waitFor();
    // Live: the count moves while it runs, then the report appears.
    await page.locator('[data-status="finished"]').first().waitFor({ timeout: 180_000 });
    const total = BACKLOG + POSTS.length;
    await expect.poll(() => page.getByTestId('sweep-processed').textContent()).toBe(`${total.toLocaleString('id-ID')} dari ${total.toLocaleString('id-ID')} item · 100%`);
    await page.getByRole('heading', { name: 'Yang dilakukan pembersihan' }).waitFor();
    const acted = (await saring.sweeps.report(id)).acted!;
    expect(acted.decisions).toBeGreaterThan(0);
    await page.getByRole('table', { name: 'Yang dilakukan pembersihan' }).getByRole('row', { name: `Keputusan dibuat ${acted.decisions}` }).waitFor();
    // Every item scanned exactly once for this sweep.
    const scans = await sql<{ n: number; items: number }>`SELECT count(*)::int AS n, count(DISTINCT content_id)::int AS items FROM scans WHERE sweep_id = ${id}`.execute(saring.db);
    expect(scans.rows[0]).toEqual({ n: total, items: total });
    await checkPage(page, 'sweeps-apply-id', page.getByRole('heading', { name: 'Yang dilakukan pembersihan' }));

    // The list, in both languages.
    await page.getByRole('link', { name: 'Semua pembersihan' }).click();
    const list = page.getByRole('table', { name: /Setiap pembersihan/ });
    await expect.poll(() => list.locator('tbody tr').count()).toBe(2);
    await list.getByText('Pembersihan seluruh konten dengan kebijakan aktif').waitFor();
    await checkPage(page, 'sweeps-list-id', list);
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sweeps' }).waitFor();
    await page.getByRole('radiogroup', { name: 'Mode' }).getByText('Apply', { exact: true }).click();
    await checkPage(page, 'sweeps-list-en', page.getByRole('table', { name: /Every sweep/ }));
    await page.goto(`/console/sweeps/${id}`);
    await page.getByRole('heading', { level: 1, name: /^Apply sweep of / }).waitFor();
    await page.getByRole('heading', { name: 'What the sweep did' }).waitFor();
    await checkPage(page, 'sweeps-apply-en');
    await page.getByText('ID', { exact: true }).click();
    expect(page.errors).toEqual([]);
  });

  it('refuses a second apply sweep while one runs, naming it; cancels the running one after a confirmation, its report marked partial', async () => {
    // Another apply sweep over everything (30,000 items): long enough to try a second and to cancel it.
    const running = await saring.sweeps.create({ mode: 'apply', note: 'Pembersihan kedua' }, 'test');
    // Held (a paused sweep is still active) while the second is refused, so a fast machine cannot finish it first.
    await saring.sweeps.pause(running.id, 'test');
    const page = await signedIn('admin-person');
    await page.goto('/console/sweeps');
    await page.getByRole('radiogroup', { name: 'Mode' }).getByText('Terapkan', { exact: true }).click();
    await page.getByRole('button', { name: 'Mulai pembersihan terapan…' }).click();
    await page.getByRole('dialog', { name: 'Terapkan kebijakan pada konten tersimpan?' }).getByRole('button', { name: 'Mulai terapkan' }).click();
    await page.getByRole('alert').filter({ hasText: `Ada pembersihan lain yang sedang berjalan dan bentrok dengan yang ini: Sweep ${running.id}` }).waitFor();
    expect(await saring.db.selectFrom('sweeps').select('id').where('mode', '=', 'apply').execute()).toHaveLength(2);
    await checkPage(page, 'sweeps-conflict-id', page.getByRole('alert'));

    // The refusal links to the running sweep.
    await page.getByRole('alert').getByRole('link', { name: 'Buka pembersihan yang sedang aktif' }).click();
    await page.waitForURL(`**/console/sweeps/${running.id}`);
    // Live: the count moves while it runs.
    await saring.sweeps.resume(running.id, 'test');
    const processed = page.getByTestId('sweep-processed');
    await processed.filter({ hasText: /^[1-9]/ }).waitFor({ timeout: 60_000 });
    const seen = await processed.textContent();
    await expect.poll(() => processed.textContent(), { timeout: 30_000 }).not.toBe(seen);
    await screenshot(page, 'sweeps-running-id');
    // Held again before it can end, so that it is cancelled part-way on any machine.
    await saring.sweeps.pause(running.id, 'test');
    await page.getByRole('button', { name: 'Batalkan…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Batalkan pembersihan?' });
    await dialog.getByText(/Pembersihan yang dibatalkan tidak dapat dilanjutkan/).waitFor();
    await dialog.getByRole('button', { name: 'Batalkan pembersihan' }).click();
    await page.locator('[data-status="cancelled"]').first().waitFor();
    await page.getByText('Pembersihan tidak selesai: laporan hanya menghitung item yang sudah diproses.').waitFor();
    const cancelled = await saring.sweeps.get(running.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.progress.processed).toBeLessThan(cancelled.progress.total);
    expect(await page.getByRole('button', { name: /Jeda|Lanjutkan|Batalkan/ }).count()).toBe(0);
    // The one failed request is the refused start.
    expect(page.errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  });

  it('lets an auditor read the sweeps and their reports, and start or stop none', async () => {
    const page = await signedIn('auditor-person');
    await page.getByRole('link', { name: 'Pembersihan konten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pembersihan konten' }).waitFor();
    await page.getByText(/memerlukan izin sweeps:run/).waitFor();
    expect(await page.getByRole('button', { name: /Mulai/ }).count()).toBe(0);
    const list = page.getByRole('table', { name: /Setiap pembersihan/ });
    await expect.poll(() => list.locator('tbody tr').count()).toBe(3);
    await checkPage(page, 'sweeps-auditor-id', list);
    await page.goto(`/console/sweeps/${backtestId}`);
    await page.getByRole('table', { name: 'Perubahan terhadap keadaan saat ini' }).waitFor();
    expect(await page.getByRole('button', { name: /Jeda|Lanjutkan|Batalkan/ }).count()).toBe(0);
    await page.getByRole('link', { name: 'Laporan untuk dicetak' }).click();
    await page.getByRole('article', { name: 'Dokumen laporan pembersihan' }).waitFor();
    // The API refuses what the console does not offer.
    const refused = await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/v1/session')).json()) as { csrfToken: string };
      const res = await fetch('/v1/sweeps', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: '{"mode":"backtest"}' });
      return { status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code };
    });
    expect(refused).toEqual({ status: 403, code: 'forbidden' });
    await page.getByText('EN', { exact: true }).click();
    await page.goto('/console/sweeps');
    await page.getByText(/needs the sweeps:run permission/).waitFor();
    await checkPage(page, 'sweeps-auditor-en', page.getByRole('table', { name: /Every sweep/ }));
    await page.getByText('ID', { exact: true }).click();
    expect(page.errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
  });
});
