/**
 * The age-review queue and an account's age page in a real Chromium against a real Saring: a
 * senior moderator sees a parent's correction (with the outcome of its ID check) and an underage
 * signal (with the words that raised it), accepts the correction with a reason and finds it among
 * the accepted ones; opens an account's age page (status, band, assurance, what it may do, events,
 * parental consents); the review's account panel shows the age status. Every page passes axe-core;
 * screenshots in both languages go to test-output/screenshots/youth-age-*.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../../src/engine.js';
import type { App } from '../../src/http/app.js';
import { checkPage, chromiumSkipReason, hasChromium, launchChromium, newContext, screenshot, signIn } from '../../src/test-support/browser.js';
import { testApp } from '../../src/test-support/storage.js';

const PASSWORD = 'kata-sandi-uji-panjang';
const checkedAt = () => new Date(Date.now() - 3_600_000).toISOString();

describe.skipIf(!hasChromium)(`the age-review pages in Chromium${chromiumSkipReason}`, { timeout: 180_000 }, () => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let close: () => Promise<void> = async () => {};
  let base = '';
  let browser: Browser;
  let reportCase = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ saring, app, close } = await testApp('pglite', { workers: false }));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    await saring.users.createPerson({ name: 'Rina Senior', login: 'rina', role: 'senior_moderator', password: PASSWORD }, 'test');
    await saring.users.createPerson({ name: 'Dewi Moderator', login: 'dewi', role: 'moderator', password: PASSWORD }, 'test');
    const age = saring.youth.age;
    await age.set('budi_14', { declaredAge: 14 }, 'api-key:platform');
    await age.set('sari_17', { declaredAge: 17 }, 'api-key:platform');
    await age.addCheck('sari_17', { method: 'facial_estimation', result: 'pass', ageRange: { min: 16, max: 19 }, confidence: 0.86, provider: 'EstiCo', checkedAt: checkedAt() }, 'api-key:platform');
    await age.giveConsent('sari_17', { givenBy: 'Ibu Sari Wulandari', relation: 'parent', givenAt: checkedAt(), scope: ['live_gifts', 'direct_messages_from_strangers'] }, 'api-key:platform');
    await age.set('dimas_13', { declaredAge: 13 }, 'api-key:platform');
    await age.requestCorrection('dimas_13', { requestedBy: 'parent', declaredAge: 16, evidence: { method: 'id_document', result: 'pass', age: 16, provider: 'Dukcapil', checkedAt: checkedAt() }, note: 'Tahun lahir salah diisi saat mendaftar.' }, 'api-key:platform');
    await age.set('kecil_x', { declaredAge: 19 }, 'api-key:platform');
    await saring.content.submit({ externalId: 'bio-kecil', kind: 'profile', texts: { bio: 'aku kelas 5 SD, umurku 11 tahun 🌸' }, account: { externalId: 'kecil_x' } }, 'test');
    // A reported video of budi_14: its review case shows the uploader's account panel.
    await saring.content.submit({ externalId: 'video-budi', kind: 'video', texts: { caption: 'main game bareng teman' }, account: { externalId: 'budi_14' } }, 'test');
    reportCase = (await saring.reports.submit({ content: { externalId: 'video-budi' }, reporter: { name: 'Warga', contact: 'warga@example.org' }, category: 'gambling', reason: 'Ada ajakan main slot.' }, 'test')).caseId!;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await close();
  });

  async function signedIn(login: string): Promise<Page & { errors: string[] }> {
    const context = await newContext(browser, base);
    contexts.push(context);
    // 404: the account page of an account Saring does not know.
    const page = await signIn(context, login, PASSWORD, [401, 404]);
    await page.waitForURL((url) => !url.pathname.includes('sign-in'));
    return page;
  }

  it('a senior moderator works the age-review queue and reads an account’s age, in Indonesian and English', async () => {
    const page = await signedIn('rina');
    await page.goto('/console/youth/age');
    await page.getByRole('heading', { level: 2, name: 'Antrean peninjauan usia' }).waitFor();
    const correction = page.getByRole('article', { name: 'Tinjauan usia akun dimas_13' });
    const signal = page.getByRole('article', { name: 'Tinjauan usia akun kecil_x' });
    await correction.getByText('Koreksi usia', { exact: true }).waitFor();
    await correction.getByText(/Pemeriksaan: dokumen identitas, lolos .* · oleh Dukcapil/).waitFor();
    await correction.getByText('Catatan: Tahun lahir salah diisi saat mendaftar.').waitFor();
    await correction.getByText('Sedang ditinjau').waitFor();
    await signal.getByText('Sinyal di bawah umur', { exact: true }).waitFor();
    await signal.getByText(/Konten bio-kecil: skor .*, usia 11$/).waitFor();
    await signal.getByText(/bio: “.*kelas 5 SD.*”/).first().waitFor();
    await checkPage(page, 'youth-age-id');

    // Accept the correction with a reason: it leaves the open queue, the account takes age 16, verified.
    await correction.getByRole('button', { name: 'Putuskan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Putuskan tinjauan usia dimas_13' });
    expect(await dialog.getByRole('button', { name: 'Catat keputusan' }).isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: 'Terima' }).check();
    await dialog.getByRole('textbox', { name: /^Alasan/ }).fill('Akta kelahiran dan KTP orang tua cocok dengan usia 16.');
    // (axe is run on the pages, not over an open dialog: Mantine's focus trap hides the page behind it.)
    await screenshot(page, 'youth-age-decide-id');
    await dialog.getByRole('button', { name: 'Catat keputusan' }).click();
    await correction.waitFor({ state: 'detached' });
    await page.getByText('Diterima', { exact: true }).click();
    const accepted = page.getByRole('article', { name: 'Tinjauan usia akun dimas_13' });
    await accepted.getByTestId('case-decision').getByText(/Diterima oleh user:.* — Akta kelahiran dan KTP orang tua cocok dengan usia 16\./).waitFor();
    await accepted.getByText('Anak (perlindungan aktif)').waitFor();
    const stored = await saring.youth.age.get('dimas_13');
    expect(stored.record).toMatchObject({ band: '16_17', assurance: 'verified', status: 'restricted_minor' });

    // An account's age page, found by its platform id.
    await page.getByRole('textbox', { name: /^ID akun di platform/ }).fill('sari_17');
    await page.getByRole('button', { name: 'Buka akun' }).click();
    await page.getByRole('heading', { level: 2, name: 'Usia akun sari_17' }).waitFor();
    const features = page.getByRole('table', { name: 'Yang boleh dilakukan akun' });
    await features.locator('tr[data-feature="public_account"]').getByText('Privat secara bawaan sampai usia 18').waitFor();
    await features.locator('tr[data-feature="restrict_16"]').getByText('Boleh').waitFor();
    await page.getByText(/Ibu Sari Wulandari \(orang tua\)/).waitFor();
    await page.getByRole('cell', { name: 'Pemeriksaan usia diterapkan' }).waitFor();
    await checkPage(page, 'youth-age-account-id');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await screenshot(page, 'youth-age-account-events-id');

    // The review case of the account's content shows its age status, linking to its age page.
    await page.goto(`/console/review/cases/${reportCase}`);
    const line = page.getByTestId('age-status');
    await line.getByText('Di bawah usia minimum').waitFor();
    await line.getByRole('link', { name: 'Catatan usia' }).click();
    await page.getByRole('heading', { level: 2, name: 'Usia akun budi_14' }).waitFor();

    // An account Saring does not know.
    await page.goto('/console/youth/age/accounts/tidak-ada');
    await page.getByRole('alert').waitFor();

    // The same pages in English.
    await page.getByText('EN', { exact: true }).click();
    await page.goto('/console/youth/age');
    await page.getByRole('heading', { level: 2, name: 'Age-review queue' }).waitFor();
    await page.getByRole('article', { name: 'Age review of account kecil_x' }).getByText('Underage signal', { exact: true }).waitFor();
    await checkPage(page, 'youth-age-en');
    await page.goto('/console/youth/age/accounts/budi_14');
    await page.getByRole('heading', { level: 2, name: 'Age of account budi_14' }).waitFor();
    await page.getByText('Under the minimum age').first().waitFor();
    await checkPage(page, 'youth-age-account-en');
  });

  it('a moderator (no age:read) has no Youth section and no age data, but may read eligibility', async () => {
    const page = await signedIn('dewi');
    await page.goto('/console/youth/age');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Perlindungan anak' }).count()).toBe(0);
    expect(await page.getByRole('article').count()).toBe(0);
    // The review case shows the account panel, without the age status.
    await page.goto(`/console/review/cases/${reportCase}`);
    await page.getByText('Ada ajakan main slot.').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('age-status').count()).toBe(0);
    expect(await page.evaluate(async () => (await fetch('/v1/age/cases')).status)).toBe(403);
    expect(await page.evaluate(async () => (await fetch('/v1/accounts/budi_14/eligibility')).status)).toBe(200);
  });
});
