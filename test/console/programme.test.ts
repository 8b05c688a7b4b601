/**
 * The educational programme's partner portal in a real Chromium against a real Saring, with the
 * programme's demo data: a KPAI partner signs in (and lands on the programme), reads the
 * catalogue by band and topic, nominates a video (a wrong id refused in Indonesian), approves one
 * of KemenPPPA's nominations and rejects another with a reason, sees what left the catalogue and
 * why, and reads the programme report's charts; a KemenPPPA partner approves KPAI's nomination
 * and it is in the catalogue; a partner reports harm to children (urgent, the children's review
 * queue) and the item leaves the catalogue. Every page passes axe-core; screenshots in Bahasa Indonesia and
 * English go to test-output/screenshots/programme-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../../src/engine.js';
import type { App } from '../../src/http/app.js';
import { checkPage, chromiumSkipReason, hasChromium, launchChromium, newContext, screenshot, SCREENSHOTS, signIn } from '../../src/test-support/browser.js';
import { testApp } from '../../src/test-support/storage.js';
import { loadProgrammeDemo } from '../../src/demo/youth/programme.js';

const PASSWORD = 'kata-sandi-uji-panjang';

describe.skipIf(!hasChromium)(`the programme's partner portal in Chromium${chromiumSkipReason}`, { timeout: 240_000 }, () => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let close: () => Promise<void> = async () => {};
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ saring, app, close } = await testApp('pglite'));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    await saring.users.createPerson({ name: 'Mitra KPAI', login: 'mitra-kpai', role: 'partner', org: 'KPAI', password: PASSWORD }, 'test');
    await saring.users.createPerson({ name: 'Mitra KemenPPPA', login: 'mitra-kemen', role: 'partner', org: 'KemenPPPA', password: PASSWORD }, 'test');
    await loadProgrammeDemo(saring);
    await saring.content.submit({ externalId: 'edu-ui-1', kind: 'video', account: { externalId: 'guru-ui' }, texts: { caption: 'Mengenal rambu lalu lintas untuk anak' } }, 'test');
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await close();
  });

  /** A new browser profile signed in as `login` through the Indonesian form; a partner lands on the programme. */
  async function signedIn(login: string): Promise<Page & { errors: string[] }> {
    const context = await newContext(browser, base);
    contexts.push(context);
    // 422: the nomination of content that does not exist.
    const page = await signIn(context, login, PASSWORD, [401, 422]);
    await page.getByRole('heading', { level: 1, name: 'Program edukasi' }).waitFor();
    return page;
  }

  async function fullScreenshot(page: Page, name: string): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  it('a partner reads the catalogue, nominates, approves and rejects, sees what left the catalogue and the report, in Bahasa Indonesia and English', async () => {
    const kpai = await signedIn('mitra-kpai');
    await kpai.waitForURL('**/console/programme/catalogue');
    await kpai.getByText('Anda bertindak atas nama KPAI.').waitFor();
    // The demo's catalogue: four items (the fifth left when it was reported).
    const rows = kpai.locator('tbody tr');
    await kpai.getByText('demo-edu-1').waitFor();
    expect(await rows.count()).toBe(4);
    await kpai.getByText('Belajar pecahan dengan potongan pizza, untuk kelas 4 dan 5').waitFor();
    await checkPage(kpai, 'programme-catalogue-id');
    // Filtered by band.
    await kpai.getByRole('combobox', { name: 'Kelompok usia' }).click();
    await kpai.getByRole('option', { name: 'Usia 6–9' }).click();
    await kpai.getByText('demo-edu-1').waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    await kpai.getByText('demo-edu-2').waitFor();

    // Nominate: an id Saring does not know is refused, in Indonesian; then a real one.
    await kpai.getByRole('tab', { name: 'Nominasikan' }).click();
    await kpai.getByRole('textbox', { name: /^Id platform/ }).fill('tidak-ada');
    await kpai.getByRole('combobox', { name: /^Kelompok usia/ }).click();
    await kpai.getByRole('option', { name: 'Usia 6–9' }).click();
    await kpai.getByRole('combobox', { name: /^Topik/ }).click();
    await kpai.getByRole('option', { name: 'Keselamatan online' }).click();
    await kpai.getByRole('textbox', { name: /^Catatan/ }).fill('Video rambu lalu lintas untuk kelas 1–3.');
    await kpai.getByRole('button', { name: 'Nominasikan' }).click();
    await kpai.getByRole('alert').getByText('Tidak ada konten dengan id ini. Periksa id platform atau id Saring.').waitFor();
    await kpai.getByRole('textbox', { name: /^Id platform/ }).fill('edu-ui-1');
    await kpai.getByRole('button', { name: 'Nominasikan' }).click();
    await kpai.getByText('Dinominasikan untuk Usia 6–9, Keselamatan online: menunggu persetujuan mitra lain.').waitFor();
    await checkPage(kpai, 'programme-nominate-id');

    // Approvals: KemenPPPA's two demo nominations wait for KPAI; KPAI's own is not there.
    await kpai.getByRole('tab', { name: 'Persetujuan' }).click();
    const science = kpai.getByRole('article', { name: 'demo-edu-6' });
    const story = kpai.getByRole('article', { name: 'demo-edu-7' });
    await science.waitFor();
    await story.waitFor();
    expect(await kpai.getByRole('article', { name: 'edu-ui-1' }).count()).toBe(0);
    await checkPage(kpai, 'programme-approvals-id');
    await science.getByRole('button', { name: 'Setujui' }).click();
    await kpai.getByRole('dialog').getByRole('button', { name: 'Setujui' }).click();
    await kpai.getByText('Disetujui: konten masuk katalog.').waitFor();
    await science.waitFor({ state: 'detached' });
    await story.getByRole('button', { name: 'Tolak' }).click();
    const dialog = kpai.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Tolak' }).click();
    await dialog.getByText('Berikan alasan penolakan.').waitFor();
    await dialog.getByRole('textbox', { name: /^Alasan/ }).fill('Teks dongeng terlalu cepat untuk pembaca awal.');
    await kpai.waitForTimeout(400); // the dialog's opening transition
    // (No axe pass while the dialog is open: Mantine portals its header to the body, a second banner landmark.)
    await kpai.mouse.move(0, 700);
    await screenshot(kpai, 'programme-reject-id');
    await dialog.getByRole('button', { name: 'Tolak' }).click();
    await story.waitFor({ state: 'detached' });
    await kpai.getByText('Tidak ada yang menunggu keputusan Anda.').waitFor();
    const decided = (await app.inject({ url: '/v1/programme/nominations?limit=50', headers: { authorization: `Bearer ${saring.adminKey}` } })).json().nominations as { content: { externalId: string }; status: string; decision: { reason: string } | null }[];
    expect(decided.find((n) => n.content.externalId === 'demo-edu-6')?.status).toBe('catalogued');
    expect(decided.find((n) => n.content.externalId === 'demo-edu-7')).toMatchObject({ status: 'rejected', decision: { reason: 'Teks dongeng terlalu cepat untuk pembaca awal.' } });

    // Our nominations, and what left the catalogue with why.
    await kpai.getByRole('tab', { name: 'Nominasi kami' }).click();
    await kpai.getByText('edu-ui-1').waitFor();
    await kpai.getByText('Lebih cocok untuk usia 13–15; silakan nominasikan ulang.').waitFor();
    // KemenPPPA's nominations are not KPAI's to see here.
    expect(await kpai.getByText('demo-edu-7').count()).toBe(0);
    await checkPage(kpai, 'programme-nominations-id');
    await kpai.getByRole('tab', { name: 'Keluar dari katalog' }).click();
    const left = kpai.locator('tbody tr', { hasText: 'demo-edu-5' });
    await left.getByText('Dilaporkan').waitFor();
    await checkPage(kpai, 'programme-left-id');

    // A report of harm to children: urgent, in the children's review queue; the item leaves the catalogue.
    await kpai.getByRole('tab', { name: 'Laporkan bahaya bagi anak' }).click();
    await kpai.getByRole('textbox', { name: /^Id platform/ }).fill('demo-edu-3');
    await kpai.getByRole('button', { name: 'Kirim laporan' }).click();
    await kpai.getByText('Pilih kategori.').waitFor();
    await kpai.getByRole('combobox', { name: /^Kategori/ }).click();
    await kpai.getByRole('option', { name: 'Kekerasan', exact: true }).click();
    await kpai.getByRole('textbox', { name: /^Apa yang Anda lihat/ }).fill('Di menit 0:40 ada tantangan berbahaya yang ditiru anak-anak.');
    await kpai.getByRole('button', { name: 'Kirim laporan' }).click();
    const received = kpai.getByText('Diterima: masuk antrean peninjauan anak dengan prioritas tertinggi.');
    await received.waitFor();
    await checkPage(kpai, 'programme-harm-id', received);
    const cases = (await app.inject({ url: '/v1/review/cases?queue=children', headers: { authorization: `Bearer ${saring.adminKey}` } })).json();
    expect(cases.cases.map((c: { externalId: string; policyPriority: string }) => [c.externalId, c.policyPriority])).toEqual([['demo-edu-3', 'urgent']]);
    await kpai.getByRole('tab', { name: 'Keluar dari katalog' }).click();
    await kpai.locator('tbody tr', { hasText: 'demo-edu-3' }).getByText('Dilaporkan').waitFor();

    // The report: the catalogue by topic and band, decisions, removals (once the report's
    // notification has gone: axe would judge it half-faded).
    await kpai.locator('.mantine-Notification-root').first().waitFor({ state: 'detached' });
    await kpai.getByRole('tab', { name: 'Laporan program' }).click();
    // Each card's chart (an SVG), and the same figures as a table.
    for (const card of ['Katalog menurut topik dan kelompok usia', 'Keputusan mitra', 'Keluar dari katalog']) await kpai.locator(`section[aria-label="${card}"] svg`).first().waitFor();
    const catalogueTable = kpai.getByRole('table', { name: 'Isi katalog per topik dan kelompok usia' });
    await catalogueTable.getByRole('row', { name: /Sains/ }).waitFor();
    await kpai.getByRole('table', { name: 'Konten yang keluar dari katalog menurut alasan' }).getByRole('row', { name: /Dilaporkan/ }).waitFor();
    await checkPage(kpai, 'programme-report-id');
    await fullScreenshot(kpai, 'programme-report-full-id');

    // The same pages in English.
    await kpai.getByText('EN', { exact: true }).click();
    await kpai.goto('/console/programme/catalogue');
    await kpai.getByRole('heading', { level: 1, name: 'Educational programme' }).waitFor();
    await kpai.getByText('Ages 10–12').first().waitFor();
    await checkPage(kpai, 'programme-catalogue-en');
    await kpai.getByRole('tab', { name: 'Nominate' }).click();
    await kpai.getByRole('button', { name: 'Nominate' }).click();
    await kpai.getByText("Give the content's id.").waitFor();
    await checkPage(kpai, 'programme-nominate-en');
    await kpai.getByRole('tab', { name: 'Approvals' }).click();
    await kpai.getByText('Nothing waits for your decision.').waitFor();
    await checkPage(kpai, 'programme-approvals-en');
    await kpai.getByRole('tab', { name: 'Our nominations' }).click();
    await kpai.getByText('edu-ui-1').waitFor();
    await checkPage(kpai, 'programme-nominations-en');
    await kpai.getByRole('tab', { name: 'Left the catalogue' }).click();
    await kpai.locator('tbody tr', { hasText: 'demo-edu-5' }).getByText('Reported').waitFor();
    await checkPage(kpai, 'programme-left-en');
    await kpai.getByRole('tab', { name: 'Report harm to children' }).click();
    await kpai.getByRole('textbox', { name: /^Platform id/ }).fill('demo-edu-2');
    await kpai.getByRole('button', { name: 'Send the report' }).click();
    await kpai.getByText('Choose a category.').waitFor();
    await checkPage(kpai, 'programme-harm-en');
    await kpai.getByRole('tab', { name: 'Programme report' }).click();
    await kpai.locator('section[aria-label="The catalogue by topic and age band"] svg').first().waitFor();
    await kpai.getByRole('table', { name: 'Catalogue items by topic and age band' }).getByRole('row', { name: /Science/ }).waitFor();
    await checkPage(kpai, 'programme-report-en');
    await fullScreenshot(kpai, 'programme-report-full-en');
    expect(kpai.errors).toEqual([]);

    // KemenPPPA approves KPAI's nomination: it is in the catalogue.
    const kemen = await signedIn('mitra-kemen');
    await kemen.getByRole('tab', { name: 'Persetujuan' }).click();
    const mine = kemen.getByRole('article', { name: 'edu-ui-1' });
    await mine.getByRole('button', { name: 'Setujui' }).click();
    await kemen.getByRole('dialog').getByRole('button', { name: 'Setujui' }).click();
    await mine.waitFor({ state: 'detached' });
    await kemen.getByRole('tab', { name: 'Katalog', exact: true }).click();
    await kemen.getByText('edu-ui-1').waitFor();
    await kemen.locator('tbody tr', { hasText: 'edu-ui-1' }).getByText('Keselamatan online').waitFor();
    expect(kemen.errors).toEqual([]);
  });
});
