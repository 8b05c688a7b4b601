/**
 * The compliance and transparency reports in a real Chromium against a real Saring: an officer of
 * Komdigi opens the compliance report of the month, downloads the signed JSON (which verifies with
 * the CLI's function, and fails after one byte is changed) and prints it (the document alone, in
 * Bahasa Indonesia even when the console is in English); an admin opens the transparency report
 * in both languages and downloads its JSON and CSV. Every page passes axe-core. Screenshots go to
 * test-output/screenshots/.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../../src/engine.js';
import type { App } from '../../src/http/app.js';
import { verifyReportText } from '../../src/regulator/compliance.js';
import { accessibilityViolations, chromiumSkipReason, hasChromium, launchChromium, newContext, SCREENSHOTS, signIn } from '../../src/test-support/browser.js';
import { testApp } from '../../src/test-support/storage.js';
import { REPORTED_SCAM_TEXT } from '../../src/test-support/texts.js';

const PASSWORD = 'kata-sandi-uji-panjang';
const SPAM = 'SLOT GACOR maxwin depo 10rb WD cepat bosku';
/** The orders' clock, short enough to see one missed (config `orderClockSeconds`, as src/regulator/clock.test.ts). */
const CLOCK_SECONDS = 6;

/** The current month in WIB, as the pages' "this month" choice gives it. */
function thisMonthWib(): { from: string; to: string } {
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

describe.skipIf(!hasChromium)(`the compliance and transparency reports in Chromium${chromiumSkipReason}`, { timeout: 180_000 }, () => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let close: () => Promise<void> = async () => {};
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const call = async (method: 'GET' | 'POST', url: string, payload: unknown, key: string) => {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${key}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) }, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };

  beforeAll(async () => {
    ({ saring, app, close } = await testApp('pglite', { orderClockSeconds: { standard: CLOCK_SECONDS, urgent: CLOCK_SECONDS } }));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    const admin = saring.adminKey;
    await saring.users.createPerson({ name: 'Rina (Komdigi)', login: 'officer', role: 'regulator', org: 'Komdigi', password: PASSWORD }, 'test');
    await saring.users.createPerson({ name: 'Admin Platform', login: 'admin-person', role: 'admin', password: PASSWORD }, 'test');
    const komdigi = (await saring.users.create({ name: 'SAMAN Komdigi', role: 'regulator', org: 'Komdigi' }, 'test')).apiKey;
    const polri = (await saring.users.create({ name: 'Polri', role: 'regulator', org: 'Polri' }, 'test')).apiKey;
    const mod1 = (await saring.users.create({ name: 'Dewi', role: 'moderator' }, 'test')).apiKey;
    const mod2 = (await saring.users.create({ name: 'Budi', role: 'moderator' }, 'test')).apiKey;
    const video = (externalId: string, caption: string) => saring.content.submit({ externalId, kind: 'video', texts: { caption } }, 'test');

    // Komdigi: one order carried out at once (on time), one left past its deadline (breached) with ST1 and a fine; Polri: one of its own.
    await video('order-ok', 'video biasa satu');
    await video('order-late', 'video biasa dua');
    await video('order-polri', 'video biasa tiga');
    await call('POST', '/v1/regulator/orders', { orderNumber: 'KOMDIGI/2026/001', category: 'gambling', legalBasis: 'UU ITE Pasal 27 ayat (2)', targets: [{ externalId: 'order-ok' }] }, komdigi);
    await call('POST', '/v1/content/order-ok/decisions', { action: 'remove', category: 'gambling', reason: 'Perintah KOMDIGI/2026/001.' }, mod1);
    const late = await call(
      'POST',
      '/v1/regulator/orders',
      { orderNumber: 'KOMDIGI/2026/002', category: 'terrorism', legalBasis: 'UU 5/2018', targets: [{ externalId: 'order-late' }, { url: 'https://video.example/v/tidak-ada-lagi-di-platform-ini-sejak-lama' }] },
      komdigi,
    );
    await call('POST', '/v1/regulator/orders', { orderNumber: 'POLRI/2026/9', category: 'fraud', legalBasis: 'UU ITE Pasal 28 ayat (1)', targets: [{ externalId: 'order-polri' }] }, polri);

    // Own-initiative moderation: an automated removal and a moderator's restriction; a report; an appeal overturned.
    expect((await saring.content.submit({ externalId: 'auto-1', kind: 'video', texts: { caption: SPAM } }, 'test')).content.status).toBe('removed');
    await video('mod-1', 'foto pantai');
    await call('POST', '/v1/content/mod-1/decisions', { action: 'restrict_18', category: 'pornography', reason: 'Ketelanjangan parsial.' }, mod1);
    await saring.content.submit({ externalId: 'rep-1', kind: 'text', texts: { text: REPORTED_SCAM_TEXT } }, 'test');
    const report = await call('POST', '/v1/reports', { content: { externalId: 'rep-1' }, reporter: { externalId: 'u1', name: 'User u1' }, category: 'fraud', reason: 'Penipuan.' }, admin);
    await call('POST', `/v1/review/cases/${report.caseId}/claim`, undefined, mod1);
    await call('POST', `/v1/review/cases/${report.caseId}/decision`, { action: 'remove', category: 'fraud', reason: 'Penipuan investasi.' }, mod1);
    await video('ov-1', 'video masak nasi goreng');
    const appealed = await call('POST', '/v1/content/ov-1/decisions', { action: 'remove', category: 'gambling', reason: 'Promosi judi.' }, mod1);
    const appeal = await call('POST', '/v1/appeals', { decisionId: appealed.id, appellant: { externalId: 'uploader-1' }, reason: 'Ini video masak, bukan judi.' }, admin);
    await call('POST', `/v1/appeals/${appeal.id}/decision`, { outcome: 'overturn', reason: 'Video masak, tidak ada promosi judi.' }, mod2);

    // The second order's deadline passes with a target still up: the regulator's first warning letter, with a fine.
    await new Promise((r) => setTimeout(r, Math.max(0, new Date(late.dueAt).getTime() + 500 - Date.now())));
    await call('POST', `/v1/regulator/orders/${late.id}/warnings`, { level: 1, letterDate: thisMonthWib().to, letterNumber: 'ST1/KOMDIGI/2026/002', fines: [{ amountIdr: 50_000_000 }] }, admin);

    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await close();
  });

  async function signedIn(login: string): Promise<Page & { errors: string[] }> {
    const context = await newContext(browser, base);
    contexts.push(context);
    const page = await signIn(context, login, PASSWORD);
    await page.getByRole('navigation', { name: 'Navigasi utama' }).waitFor();
    return page;
  }

  async function expectAccessible(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    expect(await accessibilityViolations(page), name).toEqual([]);
  }

  /** The whole page, not just the window: these are documents. */
  async function fullScreenshot(page: Page, name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  it('an officer opens the compliance report of the month, downloads the signed JSON that verifies (and not after one byte is changed), and prints it in Bahasa Indonesia', async () => {
    const page = await signedIn('officer');
    await page.getByRole('link', { name: 'Laporan kepatuhan', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Laporan kepatuhan' }).waitFor();
    await page.getByRole('button', { name: 'Bulan ini' }).click();
    const doc = page.getByRole('article', { name: 'Dokumen laporan kepatuhan' });
    await doc.getByRole('heading', { name: 'Laporan Kepatuhan Penanganan Perintah Pemutusan Akses' }).waitFor();
    // Komdigi's orders only, with their outcomes, the warning and its fine.
    await expect.poll(() => doc.innerText()).toMatch(/([0-9a-f]{4} ){15}[0-9a-f]{4}/);
    const text = await doc.innerText();
    expect(text).toContain('Komdigi');
    expect(text).toContain('Perintah KOMDIGI/2026/001');
    expect(text).toContain('Perintah KOMDIGI/2026/002');
    expect(text).not.toContain('POLRI');
    expect(text).toMatch(/Tepat waktu/);
    expect(text).toMatch(/Terlambat/);
    expect(text).toContain('ST1/KOMDIGI/2026/002');
    expect(text).toMatch(/Rp\s50\.000\.000/);
    expect(text).toContain('Tidak ditemukan');
    await fullScreenshot(page, 'compliance-report-id');
    await expectAccessible(page, 'compliance report');

    // The download is the API's answer as it came: it verifies with the CLI's check, and fails after one byte is changed.
    const { from, to } = thisMonthWib();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh JSON bertanda tangan' }).click()]);
    expect(download.suggestedFilename()).toBe(`saring-compliance-${from}-${to}.json`);
    const saved = readFileSync((await download.path())!, 'utf8');
    const keys = (await call('GET', '/v1/regulator/public-key', undefined, saring.adminKey)).keys.map((k: { publicKey: string }) => createPublicKey(k.publicKey));
    const check = verifyReportText(saved, keys);
    expect(check, check.problem).toMatchObject({ ok: true, keyGiven: true });
    expect(check.report).toMatchObject({ organisation: 'Komdigi', totals: { orders: 2, onTime: 1, breached: 1, finesIdr: 50_000_000 } });
    expect(verifyReportText(saved).ok).toBe(true);
    // The fingerprint on the page is the SHA-256 of the signature's bytes; the key id is the signing key's.
    const signed = JSON.parse(saved) as { signature: string; keyId: string };
    expect(text.replace(/ /g, '')).toContain(createHash('sha256').update(Buffer.from(signed.signature, 'base64')).digest('hex'));
    expect(text).toContain(signed.keyId);
    const at = saved.indexOf('KOMDIGI/2026/001') + 'KOMDIGI/2026/00'.length;
    const forged = `${saved.slice(0, at)}7${saved.slice(at + 1)}`;
    expect(forged.length).toBe(saved.length);
    expect(verifyReportText(forged, keys)).toMatchObject({ ok: false, problem: expect.stringContaining('altered or forged') });

    // Printed: the document alone, without the console's navigation and controls, as wide as an A4 page's text.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 718, height: 1000 });
    expect(await page.getByRole('navigation', { name: 'Navigasi utama' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Cetak / Simpan sebagai PDF' }).isVisible()).toBe(false);
    expect(await doc.isVisible()).toBe(true);
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(718);
    await fullScreenshot(page, 'compliance-report-print');
    // And as Chromium prints it to PDF on A4 (what "Save as PDF" gives).
    const pdf = await page.pdf({ format: 'A4', path: join(SCREENSHOTS, 'compliance-report.pdf') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 768 });

    // In English, the controls follow the person; the document stays in Bahasa Indonesia.
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Compliance report' }).waitFor();
    await page.getByRole('button', { name: 'Download signed JSON' }).waitFor();
    await doc.getByRole('heading', { name: 'Laporan Kepatuhan Penanganan Perintah Pemutusan Akses' }).waitFor();
    expect(await page.getByText('The document below is always in Bahasa Indonesia').isVisible()).toBe(true);
    await fullScreenshot(page, 'compliance-report-en');
    await expectAccessible(page, 'compliance report in English');
    expect(page.errors).toEqual([]);
  });

  it('an admin opens the transparency report in Bahasa Indonesia and English, with every organisation in the compliance report, and downloads its JSON and CSV', async () => {
    const page = await signedIn('admin-person');
    await page.getByRole('link', { name: 'Laporan transparansi', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Laporan transparansi' }).waitFor();
    await page.getByRole('button', { name: 'Bulan ini' }).click();
    const indonesia = page.getByRole('region', { name: 'Tampilan Indonesia: perintah Komdigi dan instansi lain' });
    await indonesia.waitFor();
    const text = await page.getByRole('main').innerText();
    expect(text).toContain('Moderasi atas inisiatif sendiri');
    expect(text).toContain('Sarana otomatis dan akurasinya');
    expect(await indonesia.innerText()).toMatch(/Rp\s50\.000\.000/);
    expect(await page.getByRole('region', { name: 'Keluhan dan banding' }).innerText()).toMatch(/Keputusan dibatalkan/);
    await fullScreenshot(page, 'transparency-report-id');
    await expectAccessible(page, 'transparency report');

    const { from, to } = thisMonthWib();
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh JSON' }).click()]);
    expect(json.suggestedFilename()).toBe(`saring-transparency-report-${from}-${to}.json`);
    const report = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(report).toMatchObject({ type: 'saring.transparency-report.v1', indonesia: { ordersReceived: 3, finesIdr: 50_000_000 }, sections: { complaints: { complaints: 1 } } });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe(`saring-transparency-report-${from}-${to}.csv`);
    expect(readFileSync((await csv.path())!, 'utf8')).toMatch(/^section,metric,dimension,value\r\n/);

    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Transparency report' }).waitFor();
    await page.getByRole('region', { name: 'Indonesian view: orders from Komdigi and other authorities' }).waitFor();
    await fullScreenshot(page, 'transparency-report-en');
    await expectAccessible(page, 'transparency report in English');

    // The platform's compliance report covers every organisation's orders.
    await page.getByRole('link', { name: 'Compliance report' }).click();
    await page.getByRole('button', { name: 'This month' }).click();
    const doc = page.getByRole('article', { name: 'Dokumen laporan kepatuhan' });
    await doc.getByText('Perintah POLRI/2026/9').waitFor();
    expect(await doc.innerText()).toContain('Semua organisasi');
    expect(page.errors).toEqual([]);
  });
});
