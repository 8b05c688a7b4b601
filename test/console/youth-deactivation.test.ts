/**
 * The under-16 deactivation programme's page and the risk self-assessment's page in a real
 * Chromium against a real Saring: the operator sees the accounts per phase (a plan in progress:
 * re-verification, notice, deactivated, cleared), counts a new plan per reason and starts it, pages
 * through the accounts of a phase; writes the seven-aspect risk assessment, saves a second version,
 * reads the history and the Indonesian document, downloads the Markdown. Every page passes
 * axe-core; screenshots in both languages go to test-output/screenshots/youth-{deactivation,risk}-{id,en}.png.
 */
import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../../src/engine.js';
import type { App } from '../../src/http/app.js';
import { checkPage, chromiumSkipReason, hasChromium, launchChromium, newContext, signIn } from '../../src/test-support/browser.js';
import { testApp } from '../../src/test-support/storage.js';

const PASSWORD = 'kata-sandi-uji-panjang';
const ASPECT_NAMES = ['Konten', 'Kontak', 'Eksploitasi', 'Data pribadi', 'Adiksi (kecanduan)', 'Kesehatan mental', 'Kesehatan fisik'];

describe.skipIf(!hasChromium)(`the deactivation and risk pages in Chromium${chromiumSkipReason}`, { timeout: 180_000 }, () => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let close: () => Promise<void> = async () => {};
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ saring, app, close } = await testApp('pglite', { workers: false }));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    await saring.users.createPerson({ name: 'Admin Platform', login: 'admin-person', role: 'admin', password: PASSWORD }, 'test');
    // A plan in progress: 30 accounts declared 13–15, one verified 17 during re-verification,
    // ten past their re-verification (notice), three of those past their notice (deactivated).
    const age = saring.youth.age;
    for (let i = 1; i <= 30; i++) await age.set(`akun-${String(i).padStart(2, '0')}`, { declaredAge: 13 + (i % 3) }, 'test');
    await saring.youth.deactivation.plan({ note: 'Tahap pertama' }, 'test');
    await age.addCheck('akun-05', { method: 'id_document', result: 'pass', age: 17, provider: 'Dukcapil', checkedAt: new Date(Date.now() - 60_000).toISOString() }, 'test');
    await sql`UPDATE youth_deactivation_accounts SET verify_by = now() - interval '1 second' WHERE account_id IN (SELECT id FROM accounts WHERE external_id IN ('akun-01','akun-02','akun-03','akun-04','akun-06','akun-07','akun-08','akun-09','akun-10','akun-11'))`.execute(saring.db);
    expect(await saring.youth.deactivation.advanceDue()).toBe(10);
    await sql`UPDATE youth_deactivation_accounts SET deactivate_on = now() - interval '1 second' WHERE account_id IN (SELECT id FROM accounts WHERE external_id IN ('akun-01','akun-02','akun-03'))`.execute(saring.db);
    expect(await saring.youth.deactivation.advanceDue()).toBe(3);
    // Found after the plan started: the next plan takes them.
    await age.set('baru-14', { declaredAge: 14 }, 'test');
    await age.set('baru-12', { declaredAge: 12 }, 'test');
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await close();
  });

  /** `expected`: failed requests the page makes on purpose (401: who-am-I before signing in; 404: no risk assessment yet). */
  async function signedIn(expected: number[] = [401]): Promise<Page & { errors: string[] }> {
    const context = await newContext(browser, base);
    contexts.push(context);
    const page = await signIn(context, 'admin-person', PASSWORD, expected);
    // Signed in when the console leaves the sign-in page for the person's home.
    await page.waitForURL((url) => !url.pathname.includes('sign-in'));
    return page;
  }

  it('shows the programme per phase, counts a new plan per reason, starts it and pages through the accounts of a phase', async () => {
    const page = await signedIn();
    await page.goto('/console/youth/deactivation');
    await page.getByRole('heading', { level: 2, name: 'Penonaktifan akun anak di bawah 16 tahun' }).waitFor();
    await expect.poll(() => page.getByTestId('phase-reverification_requested').textContent()).toBe('19');
    expect(await page.getByTestId('phase-transition_notice').textContent()).toBe('7');
    expect(await page.getByTestId('phase-deactivated').textContent()).toBe('3');
    expect(await page.getByTestId('phase-cleared').textContent()).toBe('1');
    // ECharts names the chart itself (its aria description of the bars).
    await page.locator('[role="img"] svg').first().waitFor();
    await page.getByRole('cell', { name: 'Tahap pertama' }).waitFor();

    // A new plan: counted first (nothing stored), then started after a confirmation.
    await page.getByRole('button', { name: 'Hitung akun' }).click();
    const counted = page.getByRole('status').filter({ hasText: 'Hasil hitungan' });
    await counted.getByText('Akun yang akan diambil: 2 · sudah ada di program: 29').waitFor();
    expect(await saring.db.selectFrom('youth_deactivation_plans').select('id').execute()).toHaveLength(1);
    await page.getByRole('button', { name: 'Mulai rencana…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mulai rencana penonaktifan?' });
    await dialog.getByText(/Verifikasi ulang usia 2 akun diminta sekarang/).waitFor();
    await dialog.getByRole('button', { name: 'Mulai' }).click();
    await page.getByText(/Rencana dimulai: 2 akun/).waitFor();
    await expect.poll(() => page.getByTestId('phase-reverification_requested').textContent()).toBe('21');
    expect(await saring.db.selectFrom('youth_deactivation_plans').select('id').execute()).toHaveLength(2);

    // The accounts of a phase, a page at a time.
    const phaseFilter = page.getByRole('radiogroup', { name: 'Saring menurut tahap' });
    await phaseFilter.getByText('Dinonaktifkan', { exact: true }).click();
    const table = page.getByRole('table', { name: /Akun dalam program penonaktifan/ });
    await table.getByRole('cell', { name: 'akun-01' }).waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    await phaseFilter.getByText('Semua', { exact: true }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(25);
    await page.getByRole('button', { name: 'Muat lebih banyak' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(32);
    await page.goto('/console/youth/deactivation');
    await page.getByRole('heading', { level: 2, name: 'Penonaktifan akun anak di bawah 16 tahun' }).waitFor();
    await page.getByRole('cell', { name: 'Tahap pertama' }).waitFor();
    await checkPage(page, 'youth-deactivation-id');

    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Deactivating accounts of children under 16' }).waitFor();
    await page.getByRole('button', { name: 'Count accounts' }).click();
    await page.getByText('Accounts to take: 0 · already in the programme: 31').waitFor();
    await checkPage(page, 'youth-deactivation-en');
    await page.getByText('ID', { exact: true }).click();
    expect(page.errors).toEqual([]);
  });

  it('records the risk self-assessment on the seven aspects, saves a second version, shows the history and the Indonesian document, downloads it', async () => {
    const page = await signedIn([401, 404]);
    await page.goto('/console/youth/risk');
    await page.getByRole('heading', { level: 2, name: 'Penilaian mandiri risiko (PP Tunas)' }).waitFor();
    await page.getByText('Belum ada penilaian yang disimpan.').waitFor();
    await page.getByRole('button', { name: 'Buat penilaian' }).click();
    // Saving with an aspect left empty names it, and stores nothing.
    await page.getByRole('button', { name: 'Simpan versi baru' }).click();
    await page.getByRole('alert').filter({ hasText: 'Lengkapi aspek berikut: Konten, Kontak' }).waitFor();
    const levels = ['Sedang', 'Tinggi', 'Tinggi', 'Sedang', 'Tinggi', 'Sedang', 'Rendah'];
    for (const [i, name] of ASPECT_NAMES.entries()) {
      const card = page.locator('.mantine-Paper-root').filter({ has: page.getByRole('heading', { name: `${i + 1}. ${name}` }) });
      await card.getByRole('combobox', { name: /^Tingkat risiko/ }).click();
      await page.getByRole('option', { name: levels[i], exact: true }).click();
      await card.getByRole('textbox', { name: /^Penilaian/ }).fill(`Risiko ${name.toLowerCase()} pada platform video pendek: ${levels[i]!.toLowerCase()}, berdasarkan laporan moderasi triwulan III 2026.`);
      await card.getByRole('textbox', { name: /^Bukti/ }).fill(`Laporan moderasi Q3 2026 (${name})\nSurvei pengguna remaja 2026`);
      await card.getByRole('textbox', { name: /^Mitigasi/ }).fill(`Peninjauan manusia untuk ${name.toLowerCase()}\nPengaturan privat bawaan untuk akun 16–17`);
    }
    await page.getByRole('textbox', { name: 'Ringkasan (opsional)' }).fill('Penilaian pertama setelah batas usia 16 tahun berlaku.');
    await page.getByRole('button', { name: 'Simpan versi baru' }).click();
    const doc = page.getByRole('article', { name: 'Dokumen penilaian mandiri risiko terhadap anak' });
    await doc.getByRole('heading', { name: 'Penilaian Mandiri Risiko terhadap Anak' }).waitFor();
    await doc.getByRole('row', { name: /2 Kontak Tinggi 2 2/ }).waitFor();

    // A second version: contact lowered after a mitigation.
    await page.getByRole('button', { name: 'Ubah (versi baru)' }).click();
    await page.getByText('Mulai dari versi 1; menyimpan membuat versi baru, versi lama tetap ada.').waitFor();
    const contact = page.locator('.mantine-Paper-root').filter({ has: page.getByRole('heading', { name: '2. Kontak' }) });
    await contact.getByRole('combobox', { name: /^Tingkat risiko/ }).click();
    await page.getByRole('option', { name: 'Sedang', exact: true }).click();
    await contact.getByRole('textbox', { name: /^Mitigasi/ }).fill('Pesan langsung dari orang asing ditutup untuk akun 16–17\nPeninjauan manusia untuk kontak');
    await page.getByRole('button', { name: 'Simpan versi baru' }).click();
    await doc.getByRole('row', { name: /2 Kontak Sedang 2 2/ }).waitFor();
    const history = page.getByRole('table', { name: /Versi penilaian, terbaru lebih dulu/ });
    // Version 2 changed only the contact aspect; version 1 was the first.
    await history.getByRole('row', { name: /^2 / }).getByRole('cell', { name: 'Kontak', exact: true }).waitFor();
    await history.getByRole('row', { name: /^1 / }).getByRole('cell', { name: 'Semua aspek (versi pertama)' }).waitFor();
    expect((await saring.youth.risk.get('latest')).aspects.contact).toMatchObject({ level: 'medium', mitigations: ['Pesan langsung dari orang asing ditutup untuk akun 16–17', 'Peninjauan manusia untuk kontak'] });

    // The Markdown download is the API's document.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh Markdown' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('penilaian-risiko-anak-v2.md');
    await checkPage(page, 'youth-risk-id', doc.getByRole('table'));

    // An older version, in English controls; the document stays in Bahasa Indonesia.
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Risk self-assessment (PP Tunas)' }).waitFor();
    await page.getByRole('button', { name: 'Show version 1' }).click();
    await doc.getByRole('row', { name: /2 Kontak Tinggi 2 2/ }).waitFor();
    await checkPage(page, 'youth-risk-en', page.getByRole('table', { name: /Versions of the assessment/ }));
    await page.getByText('ID', { exact: true }).click();
    expect(page.errors).toEqual([]);
  });
});
