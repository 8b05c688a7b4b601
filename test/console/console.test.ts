/**
 * The review console in a real Chromium (Debian's, through playwright-core), against a real
 * Saring: sign-in, language, claim → decide, media revealed, four-eyes with two seniors, a bulk
 * action; every page passes axe-core. Screenshots go to test-output/screenshots/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canDrawText, makeVideo, renderImage } from '../../src/demo/media-fixtures.js';
import type { Saring } from '../../src/engine.js';
import type { App } from '../../src/http/app.js';
import { accessibilityViolations, chromiumSkipReason, hasChromium, launchChromium, newContext, screenshot, signIn } from '../../src/test-support/browser.js';
import { testApp } from '../../src/test-support/storage.js';

const PASSWORD = 'kata-sandi-uji-panjang';
const GAMBLING_REVIEW = 'ayo main di kodokwin sekarang juga, slot';
const TERRORISM_REVIEW = 'bom bunuh diri amaliyah';

describe.skipIf(!hasChromium)(`the review console in Chromium${chromiumSkipReason}`, { timeout: 120_000 }, () => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let close: () => Promise<void> = async () => {};
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ saring, app, close } = await testApp('pglite'));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    for (const [login, role] of [
      ['moderator', 'moderator'],
      ['senior-1', 'senior_moderator'],
      ['senior-2', 'senior_moderator'],
      ['moderator-en', 'moderator'],
      ['admin-person', 'admin'],
    ] as const) {
      await saring.users.createPerson({ name: login, login, role, password: PASSWORD }, 'test');
    }
    const submit = async (externalId: string, input: Record<string, unknown>) => {
      await saring.content.submit({ externalId, kind: 'comment', ...input } as never, 'test');
    };
    await submit('ui-gambling', { texts: { comment: GAMBLING_REVIEW } });
    await submit('ui-terror', { texts: { comment: TERRORISM_REVIEW } });
    for (const n of [1, 2, 3]) await submit(`ui-bulk-${n}`, { texts: { comment: `${GAMBLING_REVIEW} ${n}` } });
    const picture = await renderImage({ width: 480, height: 270, text: 'GACOR HARI INI', background: '#1f6f4a', format: 'png' });
    const { upload } = await saring.media.upload(picture);
    await submit('ui-image', { kind: 'image', texts: { caption: 'info lengkap di bio' }, media: [{ type: 'image', upload }] });

    await saring.content.drainAnalyses(90_000);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await close();
  });

  /** A new browser profile signed in as `login` through the Indonesian form; the console then shows `language`. */
  async function signedIn(login: string, language: 'id' | 'en' = 'id'): Promise<Page & { errors: string[] }> {
    const context = await newContext(browser, base);
    contexts.push(context);
    const page = await signIn(context, login, PASSWORD);
    try {
      await page.getByRole('heading', { level: 1, name: language === 'id' ? 'Antrean tinjauan' : 'Review queues' }).waitFor();
    } catch (err) {
      await screenshot(page, `failed-sign-in-${login}`);
      throw new Error(`${(err as Error).message}\nconsole errors: ${page.errors.join('\n')}`);
    }
    return page;
  }

  async function expectAccessible(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    expect(await accessibilityViolations(page), name).toEqual([]);
  }

  const state = async (externalId: string) => (await saring.content.get(externalId)).status;
  /** The API as the platform calls it, with the admin's key. */
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) =>
    (await app.inject({ method, url, payload: payload as never, headers: { authorization: `Bearer ${saring.adminKey}` } })).json();
  /** The open case of an item, as an admin sees it through the API. */
  const caseOf = async (externalId: string): Promise<string> =>
    (await app.inject({ url: `/v1/review/cases?contentId=${(await saring.content.get(externalId)).id}`, headers: { authorization: `Bearer ${saring.adminKey}` } })).json().cases[0].id;

  it('redirects to the console, signs in in Bahasa Indonesia, and every page passes axe-core', async () => {
    const context = await newContext(browser, base);
    contexts.push(context);
    const page = await context.newPage();
    const answer = await page.goto('/');
    await page.waitForURL(`${base}/console/sign-in`);
    expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('heading', { name: 'Saring' }).waitFor();
    await screenshot(page, 'sign-in-id');
    await expectAccessible(page, 'sign-in');
    // A wrong password says so, in the console's language.
    await page.getByLabel('Nama login').fill('moderator');
    await page.getByLabel(/^Kata sandi( \*)?$/).fill('salah-sekali-bukan-ini');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').getByText('Nama login atau kata sandi salah.').waitFor();

    const moderator = await signedIn('moderator');
    await screenshot(moderator, 'queues-id');
    await expectAccessible(moderator, 'queues');
    await moderator.getByRole('link', { name: 'Pengaturan' }).click();
    await moderator.getByRole('heading', { level: 1, name: 'Pengaturan' }).waitFor();
    await expectAccessible(moderator, 'settings');
    expect(moderator.errors).toEqual([]);
  });

  it('switches to English and remembers it, on this browser and with the person', async () => {
    const page = await signedIn('moderator-en');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Review queues' }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Review queues' }).waitFor();
    await screenshot(page, 'queues-en');
    await expectAccessible(page, 'queues in English');
    // Another browser: the sign-in form is in Bahasa Indonesia, the console then in the person's language.
    await signedIn('moderator-en', 'en');
  });

  it('claims the next case, removes it, and the item is removed on the API', async () => {
    const page = await signedIn('moderator');
    await page.getByRole('button', { name: 'Ambil kasus berikutnya' }).click();
    await page.getByRole('heading', { level: 1, name: /^Kasus: / }).waitFor();
    const item = (await page.getByRole('heading', { level: 1 }).innerText()).replace('Kasus: ', '');
    expect(item).toMatch(/^ui-/);
    await screenshot(page, 'case-id');
    await expectAccessible(page, 'case');
    // R: remove, with the usual reason; the button decides.
    await page.keyboard.press('r');
    await page.getByRole('button', { name: 'Hapus', exact: true }).click();
    await page.getByText('Keputusan tercatat').waitFor();
    expect(await state(item)).toBe('removed');
  });

  it('shows media blurred and in greyscale until revealed', async () => {
    const page = await signedIn('moderator');
    const caseId = await caseOf('ui-image');
    await page.goto(`/console/review/cases/${caseId}`);
    const image = page.getByRole('img', { name: 'Gambar 1' });
    await image.waitFor();
    expect(await image.evaluate((el) => (el as unknown as { style: { filter: string } }).style.filter)).toMatch(/blur\(\d+px\) grayscale\(1\)/);
    await screenshot(page, 'image-blurred');
    await page.getByRole('button', { name: 'Buka media' }).click();
    expect(await image.evaluate((el) => (el as unknown as { style: { filter: string } }).style.filter)).toBe('');
    await screenshot(page, 'image-revealed');
  });

  it.skipIf(!canDrawText)('jumps to the flagged second of a video and draws the on-screen text box there', async () => {
    // A video with an ambiguous gambling caption burned in at 0:07–0:09: in review, with that moment flagged.
    const dir = mkdtempSync(join(tmpdir(), 'saring-console-'));
    try {
      await makeVideo(join(dir, 'vlog.mp4'), { seconds: 12, width: 640, height: 360, source: 'mandelbrot', overlays: [{ text: 'GACOR HARI INI', from: 7, to: 9 }] });
      const video = await saring.media.upload(readFileSync(join(dir, 'vlog.mp4')));
      await saring.content.submit({ externalId: 'ui-video', kind: 'video', texts: { caption: 'Vlog belanja ke pasar pagi' }, media: [{ type: 'video', upload: video.upload }] } as never, 'test');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await saring.content.drainAnalyses(90_000);
    expect(await state('ui-video')).toBe('in_review');
    const page = await signedIn('moderator');
    await page.goto(`/console/review/cases/${await caseOf('ui-video')}`);
    await page.getByText('Momen yang ditandai').waitFor();
    await page.keyboard.press('v');
    await page.getByRole('button', { name: /^Lompat ke 0:07/ }).click();
    await expect.poll(() => page.locator('video').evaluate((v) => (v as unknown as { currentTime: number }).currentTime)).toBeCloseTo(7, 0);
    await page.getByText('GACOR HARI INI').first().waitFor();
    await screenshot(page, 'video-moment-id');
  });

  it('escalates a case to the senior lane', async () => {
    await saring.content.submit({ externalId: 'ui-escalate', kind: 'comment', texts: { comment: `${GAMBLING_REVIEW} bareng bandar baru` } } as never, 'test');
    const page = await signedIn('moderator');
    const caseId = await caseOf('ui-escalate');
    await page.goto(`/console/review/cases/${caseId}`);
    await page.getByRole('button', { name: 'Ambil kasus ini' }).click();
    await page.keyboard.press('e');
    await page.getByLabel('Mengapa kasus ini perlu senior?').fill('Ada nama bandar yang belum ada di leksikon.');
    await page.getByRole('button', { name: 'Eskalasi', exact: true }).click();
    await page.getByText('Kasus diteruskan ke moderator senior.').waitFor();
    const escalated = await call('GET', `/v1/review/cases/${caseId}`);
    expect(escalated.case.lane).toBe('senior');
    expect(escalated.case.escalation.reason).toBe('Ada nama bandar yang belum ada di leksikon.');
  });

  it('needs two different seniors to remove terrorism: held after the first, removed after the second', async () => {
    const caseId = await caseOf('ui-terror');
    const first = await signedIn('senior-1');
    await first.goto(`/console/review/cases/${caseId}`);
    await first.getByRole('button', { name: 'Ambil kasus ini' }).click();
    await first.keyboard.press('r');
    await first.getByRole('button', { name: 'Hapus', exact: true }).click();
    await first.getByText('menunggu konfirmasi senior kedua').first().waitFor();
    expect(await state('ui-terror')).toBe('held');
    await screenshot(first, 'four-eyes-proposed-id');
    // The proposer cannot confirm their own removal.
    expect(await first.getByRole('button', { name: 'Konfirmasi penghapusan' }).count()).toBe(0);

    const second = await signedIn('senior-2');
    await second.goto(`/console/review/cases/${caseId}`);
    await second.getByRole('button', { name: 'Ambil kasus ini' }).click();
    await screenshot(second, 'four-eyes-id');
    await second.getByRole('button', { name: 'Konfirmasi penghapusan' }).click();
    await expect.poll(() => state('ui-terror')).toBe('removed');
  });

  it('decides the selected cases at once (bulk)', async () => {
    const page = await signedIn('moderator');
    for (const n of [1, 2, 3]) await page.getByRole('checkbox', { name: `Pilih kasus ui-bulk-${n}` }).check();
    await page.getByLabel('Alasan', { exact: true }).fill('Bukan promosi judi.');
    await page.getByRole('button', { name: 'Terapkan pada 3 kasus' }).click();
    await page.getByText(/Selesai 3, dilewati 0, gagal 0/).waitFor();
    await screenshot(page, 'bulk-id');
    for (const n of [1, 2, 3]) expect(await state(`ui-bulk-${n}`)).toBe('active');
  });

  it('answers a public report: the case shows it, a removal answers the reporter', async () => {
    await saring.content.submit({ externalId: 'ui-report', kind: 'video', texts: { caption: 'video lucu kucing main bola' } } as never, 'test');
    const receipt = await call('POST', '/v1/reports', {
      content: { externalId: 'ui-report' },
      reporter: { name: 'Warga Bandung', contact: 'warga@example.org' },
      category: 'gambling',
      reason: 'Di akhir video ada ajakan main slot dan nomor WhatsApp.',
    });
    expect(receipt.status).toBe('received');
    const page = await signedIn('moderator');
    await page.goto(`/console/review/cases/${receipt.caseId}`);
    await page.getByText('Di akhir video ada ajakan main slot').waitFor();
    await page.getByRole('button', { name: 'Ambil kasus ini' }).click();
    await screenshot(page, 'report-case-id');
    await expectAccessible(page, 'report case');
    await page.keyboard.press('r');
    await page.getByRole('button', { name: 'Hapus', exact: true }).click();
    await page.getByText('Keputusan tercatat').waitFor();
    const report = await call('GET', `/v1/reports/${receipt.id}`);
    expect(report.status).toBe('actioned');
    expect(report.outcome.answer.id).toBeTruthy();
    // A moderator cannot judge reporters; a senior marks this one as acting in bad faith, with a reason.
    expect(await page.getByRole('button', { name: 'Tandai pelapor beriktikad buruk' }).count()).toBe(0);
    const senior = await signedIn('senior-1');
    await senior.goto(`/console/review/cases/${receipt.caseId}`);
    await senior.getByRole('button', { name: 'Tandai pelapor beriktikad buruk' }).click();
    await senior.getByRole('dialog').getByLabel(/^Alasan/).fill('Uji: laporan berulang yang ditolak.');
    await senior.getByRole('dialog').getByRole('button', { name: 'Tandai pelapor beriktikad buruk' }).click();
    await senior.getByText('Pelapor ditandai beriktikad buruk.').waitFor();
    expect((await call('GET', `/v1/reporters/${report.reporterId}`)).badFaith).toBe(true);
  });

  it('overturns an appeal in English: the content is restored, the appellant answered', async () => {
    await saring.content.submit({ externalId: 'ui-appeal', kind: 'video', account: { externalId: 'uploader-7' }, texts: { caption: 'resep nasi goreng kampung' } } as never, 'test');
    const removal = await call('POST', '/v1/content/ui-appeal/decisions', { action: 'remove', category: 'gambling', reason: 'Promosi judi di video.' });
    expect(await state('ui-appeal')).toBe('removed');
    const appeal = await call('POST', '/v1/appeals', { decisionId: removal.id, appellant: { name: 'Budi' }, reason: 'This is a cooking video; there is no gambling in it.' });
    const page = await signedIn('moderator-en', 'en');
    await page.goto(`/console/review/cases/${appeal.caseId}`);
    await page.getByRole('heading', { level: 2, name: 'Appeal' }).waitFor();
    await page.getByText('This is a cooking video').waitFor();
    await page.getByRole('heading', { level: 2, name: /^Account / }).waitFor();
    await screenshot(page, 'appeal-case-en');
    await expectAccessible(page, 'appeal case');
    await page.getByLabel(/^Reason/).fill('Checked the whole video: it is a recipe.');
    await page.getByRole('button', { name: 'Overturn the decision' }).click();
    await page.getByText('Appeal overturned the decision').first().waitFor();
    await page.getByText(/^Your appeal was accepted/).waitFor();
    expect(await state('ui-appeal')).toBe('active');
    expect((await call('GET', `/v1/appeals/${appeal.id}`)).status).toBe('overturned');
  });

  it('shows an admin the metrics and people pages, and the invite page, all passing axe-core', async () => {
    const page = await signedIn('admin-person');
    await page.getByRole('link', { name: 'Metrik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Metrik tinjauan' }).waitFor();
    await screenshot(page, 'metrics-id');
    await expectAccessible(page, 'metrics');
    await page.getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    await screenshot(page, 'people-id');
    await expectAccessible(page, 'people');
    const context = await newContext(browser, base);
    contexts.push(context);
    const invite = await context.newPage();
    await invite.goto('/console/invite#not-a-real-token');
    await invite.getByRole('heading', { name: 'Buat kata sandi Anda' }).waitFor();
    await expectAccessible(invite, 'invite');
  });

  it('works by keyboard alone: sign in, skip to the content, claim the next case (N), allow it (A, Enter)', async () => {
    // Last but one: whichever case is next, nothing after this needs it.
    await saring.content.submit({ externalId: 'ui-keyboard', kind: 'comment', texts: { comment: `${GAMBLING_REVIEW} papan ketik` } } as never, 'test');
    const context = await newContext(browser, base);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto('/console/');
    await page.getByLabel('Nama login').waitFor();
    // The login field has the focus; Tab goes on to the password, Enter signs in.
    await page.keyboard.type('moderator');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Antrean tinjauan' }).waitFor();
    // The first Tab stop skips to the page's content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).toBe('Lewati ke isi');
    await page.keyboard.press('n');
    await page.getByRole('heading', { level: 1, name: /^Kasus: / }).waitFor();
    const item = (await page.getByRole('heading', { level: 1 }).innerText()).replace('Kasus: ', '');
    // A: allow with the usual reason; the focus is on the button that decides.
    await page.getByText('Putuskan').first().waitFor();
    await page.keyboard.press('a');
    const focused = () => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent);
    await expect.poll(focused).toBe('Izinkan');
    await page.keyboard.press('Enter');
    await page.getByText('Keputusan tercatat').waitFor();
    expect(await state(item)).toBe('active');
  });

  it('signs out', async () => {
    const page = await signedIn('moderator');
    await page.getByRole('button', { name: 'Akun Anda' }).click();
    await page.getByRole('menuitem', { name: 'Keluar', exact: true }).click();
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    expect((await page.context().request.get(`${base}/v1/session`)).status()).toBe(401);
  });
});
