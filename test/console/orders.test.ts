/**
 * The officers' pages in a real Chromium against a real Saring: an officer of Komdigi signs in
 * (and lands on the orders), sends an order through the form, watches its clock, sees the
 * platform's takedown with proof, re-checks the targets and verifies content; an officer of
 * another organisation gets a not-found page for that order. Every page passes axe-core;
 * screenshots in Bahasa Indonesia and English go to test-output/screenshots/orders-*.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderImage } from '../../src/demo/media-fixtures.js';
import type { Saring } from '../../src/engine.js';
import type { App } from '../../src/http/app.js';
import { checkPage, chromiumSkipReason, hasChromium, launchChromium, newContext, screenshot, signIn } from '../../src/test-support/browser.js';
import { testApp } from '../../src/test-support/storage.js';
import { clockState } from '../../web/src/features/orders/clock.js';
import { parseTargets, validTargets } from '../../web/src/features/orders/targets.js';

const PASSWORD = 'kata-sandi-uji-panjang';
const URL_1 = 'https://platform.example/v/judi-ui-1';

describe('the order form’s targets box', () => {
  it('takes http(s) lines as URLs, uuids as content ids, the rest as the platform’s ids, and marks what the API would refuse', () => {
    const lines = parseTargets(
      [` ${URL_1} `, '', '0B5E2A4C-1D2E-4F3A-8B9C-0D1E2F3A4B5C', 'video-9', 'www.platform.example/v/2', 'ftp://x.example/a', 'video-9', 'x'.repeat(257), 'https://'].join('\n'),
    );
    expect(lines.map((l) => [l.line, l.kind === 'invalid' ? `invalid:${l.problem}` : l.kind])).toEqual([
      [1, 'url'],
      [3, 'contentId'],
      [4, 'externalId'],
      [5, 'invalid:url'],
      [6, 'invalid:url'],
      [7, 'invalid:duplicate'],
      [8, 'invalid:tooLong'],
      [9, 'invalid:url'],
    ]);
    expect(validTargets(lines)).toEqual([{ url: URL_1 }, { contentId: '0b5e2a4c-1d2e-4f3a-8b9c-0d1e2f3a4b5c' }, { externalId: 'video-9' }]);
  });
});

describe('an order’s clock', () => {
  it('changes level at the reminders’ marks (50 %, 80 %, 100 %) and stops when the order is completed', () => {
    const order = { receivedAt: '2026-12-05T00:00:00Z', dueAt: '2026-12-06T00:00:00Z', status: 'received' };
    const at = (hours: number) => Date.parse(order.receivedAt) + hours * 3_600_000;
    expect([0, 11.9, 12, 19.1, 19.2, 23.9, 24, 30].map((h) => clockState(order, at(h)).level)).toEqual(['fresh', 'fresh', 'half', 'half', 'late80', 'late80', 'breached', 'breached']);
    expect(clockState(order, at(30)).leftMs).toBe(-6 * 3_600_000);
    expect(clockState({ ...order, status: 'completed' }, at(30)).level).toBe('done');
  });
});

describe.skipIf(!hasChromium)(`the officers' order pages in Chromium${chromiumSkipReason}`, { timeout: 180_000 }, () => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let close: () => Promise<void> = async () => {};
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ saring, app, close } = await testApp('pglite'));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    await saring.users.createPerson({ name: 'Petugas Komdigi', login: 'officer-komdigi', role: 'regulator', org: 'Komdigi', password: PASSWORD }, 'test');
    await saring.users.createPerson({ name: 'Admin Platform', login: 'admin-person', role: 'admin', password: PASSWORD }, 'test');
    await saring.users.createPerson({ name: 'Petugas Polri', login: 'officer-polri', role: 'regulator', org: 'Polri', password: PASSWORD }, 'test');
    await saring.content.submit({ externalId: 'ord-ui-2', kind: 'video', texts: { caption: 'video jalan-jalan ke pantai' } } as never, 'test');
    await saring.content.submit({ externalId: 'ord-ui-1', kind: 'video', texts: { caption: 'video masak nasi goreng' }, metadata: { url: URL_1 } } as never, 'test');
    await saring.content.drainAnalyses(90_000);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await close();
  });

  /** A new browser profile signed in as `login` through the Indonesian form; an officer lands on the orders. */
  async function signedIn(login: string, lands = 'Perintah'): Promise<Page & { errors: string[] }> {
    const context = await newContext(browser, base);
    contexts.push(context);
    // 404: the other organisation's order; 415 and 422: the refused screenshot and order file.
    const page = await signIn(context, login, PASSWORD, [401, 404, 415, 422]);
    await page.getByRole('heading', { level: 1, name: lands }).waitFor();
    return page;
  }

  it('an officer sends an order, watches its clock, sees the takedown with proof, re-checks and verifies; another organisation’s officer does not find it', async () => {
    const officer = await signedIn('officer-komdigi');
    expect(new URL(officer.url()).pathname).toBe('/console/orders');
    await officer.getByText('Tidak ada perintah di sini.').waitFor();

    // The form: a wrong line is flagged before anything is sent.
    await officer.getByRole('link', { name: 'Perintah baru' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Perintah baru' }).waitFor();
    await officer.getByLabel(/^Nomor perintah/).fill('B-77/UI/2026');
    await officer.getByRole('combobox', { name: /^Kategori/ }).click();
    await officer.getByRole('option', { name: 'Judi online' }).click();
    await officer.getByLabel(/^Tanggal surat/).fill('2026-01-02');
    await officer.getByLabel(/^Dasar hukum/).fill('UU ITE Pasal 27 ayat (2); Permenkominfo 5/2020 Pasal 14');
    await officer.getByLabel(/^Analisis hukum/).fill('Video mempromosikan situs judi daring.');
    const targets = officer.getByRole('textbox', { name: /^Sasaran/ });
    await targets.fill(`${URL_1}\nwww.platform.example/v/2\ntidak-ada-di-sini`);
    await officer.getByText('1 baris tidak valid.').first().waitFor();
    await officer.getByText(/Baris 2: URL diawali http/).waitFor();
    expect(await officer.getByRole('button', { name: 'Kirim perintah' }).isDisabled()).toBe(true);
    await checkPage(officer, 'orders-form-invalid-id');
    await targets.fill(`${URL_1}\ntidak-ada-di-sini`);
    await officer.getByText('2 dari paling banyak 10.000').waitFor();
    // A screenshot, uploaded through the orders' own route (officers may not use /v1/uploads).
    // A file that is not an image is refused by name before the order is sent.
    await officer.locator('input[type="file"]').setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan gambar') });
    await officer.getByRole('button', { name: 'Kirim perintah' }).click();
    await officer.getByRole('alert').getByText('catatan.txt bukan gambar: tangkapan layar berupa gambar PNG, JPEG atau WebP (bukan video).').waitFor();
    const shot = await renderImage({ width: 480, height: 300, text: 'SLOT GACOR', format: 'png' });
    await officer.locator('input[type="file"]').setInputFiles({ name: 'tangkapan-layar.png', mimeType: 'image/png', buffer: shot });
    await officer.getByText('tangkapan-layar.png').waitFor();
    await checkPage(officer, 'orders-form-id', officer.getByRole('heading', { level: 1 }));
    await officer.getByRole('button', { name: 'Kirim perintah' }).click();

    // The order's page: its clock runs, the URL resolved and pending, the unknown id not found.
    await officer.getByRole('heading', { level: 1, name: 'Perintah B-77/UI/2026' }).waitFor();
    const orderUrl = new URL(officer.url()).pathname;
    const orderId = orderUrl.split('/').pop()!;
    const clock = officer.getByRole('timer');
    expect(await clock.innerText()).toMatch(/^2[34]:\d\d:\d\d$/);
    expect(await clock.getAttribute('data-clock')).toBe('fresh');
    const row = officer.locator(`tr[data-target="${URL_1}"]`);
    await row.getByText('Menunggu').waitFor();
    await officer.locator('tr[data-target="tidak-ada-di-sini"]').getByText('Tidak ditemukan').waitFor();
    // Its screenshot as a thumbnail (loaded), linking to the image at full size.
    const thumbnail = officer.getByRole('img', { name: 'Tangkapan layar 1 dari 1 (buka ukuran penuh)' });
    await thumbnail.waitFor();
    await officer.waitForFunction(() => (document.querySelector('img[src*="/screenshots/0"]') as { naturalWidth?: number } | null)?.naturalWidth === 480);
    expect(await officer.getByRole('link', { name: 'Tangkapan layar 1 dari 1 (buka ukuran penuh)' }).getAttribute('href')).toBe(`/v1/regulator/orders/${orderId}/screenshots/0`);
    await checkPage(officer, 'orders-order-id');

    // The platform removes the content through the engine's decision path.
    const contentId = (await saring.content.get('ord-ui-1')).id;
    const decided = await app.inject({
      method: 'POST',
      url: `/v1/content/${contentId}/decisions`,
      headers: { authorization: `Bearer ${saring.adminKey}` },
      payload: { action: 'remove', category: 'gambling', reason: 'Perintah Komdigi B-77/UI/2026.' },
    });
    expect(decided.statusCode, decided.body).toBe(201);
    await officer.reload();
    await row.getByText('Diturunkan').waitFor();
    await row.getByText(`Keputusan ${decided.json().id.slice(0, 8)}`).waitFor();
    await row.getByText('Moderator', { exact: true }).waitFor();
    await officer.getByText('Tepat waktu').waitFor();
    expect(await clock.getAttribute('data-clock')).toBe('done');
    // Re-check: the state now is removed, since the decision.
    await officer.getByRole('button', { name: 'Periksa ulang semua sasaran' }).click();
    await row.locator('[data-state="removed"]').waitFor();
    await officer.locator('tr[data-target="tidak-ada-di-sini"] [data-state="unknown"]').waitFor();
    await checkPage(officer, 'orders-order-done-id', officer.locator('table').first());

    // The list: the order with its counts and clock.
    await officer.getByRole('link', { name: 'Perintah', exact: true }).first().click();
    await officer.getByRole('link', { name: 'B-77/UI/2026' }).waitFor();
    await officer.getByText('Selesai').first().waitFor();
    await checkPage(officer, 'orders-list-id');

    // Verify: the URL is removed; something no order of Komdigi names is unknown.
    await officer.getByRole('link', { name: 'Verifikasi konten' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Verifikasi konten' }).waitFor();
    await officer.getByRole('textbox', { name: /^URL atau ID/ }).fill(`${URL_1}\nhttps://platform.example/v/lain`);
    await officer.getByRole('button', { name: 'Periksa' }).click();
    await officer.locator(`tr[data-target="${URL_1}"] [data-state="removed"]`).waitFor();
    await officer.locator('tr[data-target="https://platform.example/v/lain"] [data-state="unknown"]').waitFor();
    await checkPage(officer, 'orders-verify-id');

    // A batch file: a row that breaks the rules refuses the whole file; a good one makes the orders.
    await officer.goto('/console/orders/new');
    await officer.getByRole('tab', { name: 'Impor berkas' }).click();
    const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    const header = 'nomor_surat,kategori,dasar_hukum,tautan\n';
    await officer.locator('input[type="file"]').setInputFiles(file('salah.csv', `${header}IMP-1/2026,gambling,UU ITE,ftp://x.example/a\n`));
    await officer.getByRole('button', { name: 'Impor', exact: true }).click();
    await officer.getByText('Berkas ditolak').waitFor();
    await officer.getByRole('cell', { name: 'tautan' }).waitFor();
    await checkPage(officer, 'orders-import-refused-id');
    await officer.locator('input[type="file"]').setInputFiles(file('perintah.csv', `${header}IMP-1/2026,gambling,UU ITE,${URL_1}\nIMP-2/2026,hoax,UU ITE,https://platform.example/v/hoaks\n`));
    await officer.getByRole('button', { name: 'Impor', exact: true }).click();
    await officer.getByRole('link', { name: 'IMP-2/2026' }).waitFor();
    await officer.getByText(/^2 perintah \(2 baru/).waitFor();
    await checkPage(officer, 'orders-import-id');

    // Another organisation's officer: the same address is a not-found page.
    const other = await signedIn('officer-polri');
    await other.getByText('Tidak ada perintah di sini.').waitFor();
    await other.goto(orderUrl);
    await other.getByRole('heading', { level: 1, name: 'Perintah tidak ditemukan' }).waitFor();
    await checkPage(other, 'orders-not-found-id');
    expect(await other.evaluate(async (url) => (await fetch(url)).status, `/v1/regulator/orders/${orderId}/screenshots/0`)).toBe(404);
    expect((await app.inject({ url: `/v1/regulator/orders/${orderId}`, headers: { authorization: `Bearer ${saring.adminKey}` } })).json().organisation).toBe('Komdigi');

    // The same pages in English.
    await officer.getByText('EN', { exact: true }).click();
    await officer.goto('/console/orders');
    await officer.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    await officer.getByText('Completed').first().waitFor();
    await checkPage(officer, 'orders-list-en');
    await officer.getByRole('link', { name: 'B-77/UI/2026' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Order B-77/UI/2026' }).waitFor();
    await officer.locator(`tr[data-target="${URL_1}"]`).getByText('Taken down').waitFor();
    await officer.getByRole('button', { name: 'Re-check all targets' }).click();
    await officer.locator(`tr[data-target="${URL_1}"] [data-state="removed"]`).waitFor();
    await officer.getByRole('img', { name: 'Screenshot 1 of 1 (opens full size)' }).waitFor();
    await checkPage(officer, 'orders-order-en', officer.locator('table').first());
    await officer.goto('/console/orders/new');
    await officer.getByRole('heading', { level: 1, name: 'New order' }).waitFor();
    await officer.getByRole('textbox', { name: /^Targets/ }).fill(`${URL_1}\nvideo-9\nftp://x.example/a`);
    await officer.getByText('1 line is not valid.').first().waitFor();
    await checkPage(officer, 'orders-form-en');
    await officer.goto('/console/orders/verify');
    await officer.getByRole('heading', { level: 1, name: 'Verify content' }).waitFor();
    await officer.getByRole('textbox', { name: /^URLs or ids/ }).fill(URL_1);
    await officer.getByRole('button', { name: 'Check' }).click();
    await officer.locator('[data-state="removed"]').waitFor();
    await checkPage(officer, 'orders-verify-en');

    expect(officer.errors).toEqual([]);
    expect(other.errors).toEqual([]);
  });
  it('the platform answers: a clarification of a pending target, a warning letter with its fine, and a request for information', async () => {
    // Orders sent through the API with a Komdigi officer's key: a takedown still pending, and a request for information.
    const { apiKey } = await saring.users.create({ name: 'Kunci Komdigi', role: 'regulator', org: 'Komdigi' }, 'test');
    const send = async (body: Record<string, unknown>) =>
      (await app.inject({ method: 'POST', url: '/v1/regulator/orders', headers: { authorization: `Bearer ${apiKey}` }, payload: { category: 'hoax', legalBasis: 'UU ITE Pasal 28 ayat (1)', ...body } })).json();
    const takedown = await send({ orderNumber: 'API-1/2026', targets: [{ externalId: 'ord-ui-2' }] });
    const info = await send({ orderNumber: 'INFO-1/2026', requestedAction: 'information', urgent: true, targets: [{ externalId: 'ord-ui-2' }] });
    expect(takedown.targets[0].status).toBe('pending');

    const admin = await signedIn('admin-person', 'Antrean tinjauan');
    // The platform's people see every organisation's orders, with the organisation.
    await admin.getByRole('link', { name: 'Perintah', exact: true }).click();
    await admin.getByRole('columnheader', { name: 'Instansi' }).waitFor();
    await admin.getByRole('link', { name: 'INFO-1/2026' }).waitFor();
    await admin.getByText(/^sisa (4 jam|3 jam 59 menit)$/).waitFor();
    await admin.getByText('Mendesak').waitFor();
    await checkPage(admin, 'orders-list-admin-id');
    await admin.goto(`/console/orders/${takedown.id}`);
    await admin.getByRole('heading', { level: 1, name: 'Perintah API-1/2026' }).waitFor();
    await admin.getByRole('button', { name: 'Klarifikasi ord-ui-2' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel(/^Penjelasan/).fill('Video ini liburan keluarga, tidak memuat hoaks.');
    await admin.waitForTimeout(400); // the dialog's opening transition
    // (No axe pass while the dialog is open: Mantine portals its header to the body, a second banner landmark.)
    await screenshot(admin, 'orders-clarify-id');
    await dialog.getByRole('button', { name: 'Ajukan klarifikasi' }).click();
    await admin.locator('tr[data-target="ord-ui-2"]').getByText('Diklarifikasi').waitFor();
    await admin.locator('tr[data-target="ord-ui-2"]').getByText('Bukan konten terlarang').waitFor();
    // ST1 with a fine of Rp 1.000.000.
    await admin.getByLabel(/^Tanggal surat/).fill('2026-12-01');
    await admin.getByLabel(/^Nomor surat/).fill('ST1-001/2026');
    await admin.getByLabel(/^Denda/).fill('1000000');
    await admin.getByRole('button', { name: 'Catat surat' }).click();
    await admin.getByRole('cell', { name: 'ST1-001/2026' }).waitFor();
    await admin.getByRole('cell', { name: /Rp\s?1\.000\.000/ }).waitFor();
    await checkPage(admin, 'orders-order-admin-id', admin.getByRole('heading', { name: 'Surat teguran', exact: true }));
    expect((await saring.db.selectFrom('regulator_fines').select('amount_idr').execute()).map((f) => Number(f.amount_idr))).toEqual([1_000_000]);

    // The request for information: the admin answers, the officer reads the answer.
    await admin.goto(`/console/orders/${info.id}`);
    await admin.getByRole('heading', { name: 'Jawaban atas permintaan informasi' }).waitFor();
    await admin.getByLabel(/^Catatan jawaban/).fill('Data pengunggah sesuai catatan platform.');
    await admin.getByRole('button', { name: 'Kirim jawaban' }).click();
    await admin.getByText('Data pengunggah sesuai catatan platform.').waitFor();
    // The officer chose English in the first test: the console remembers it with the person.
    const officer = await signedIn('officer-komdigi', 'Orders');
    await officer.goto(`/console/orders/${info.id}`);
    await officer.getByText('Data pengunggah sesuai catatan platform.').waitFor();
    await officer.locator('tr[data-target="ord-ui-2"]').getByText('Answered').waitFor();
    await checkPage(officer, 'orders-information-en', officer.getByRole('heading', { name: 'Answer to the request for information' }));
    expect(admin.errors).toEqual([]);
    expect(officer.errors).toEqual([]);
  });
});
