/**
 * The operations page in a real Chromium against a real Saring: an admin sees the readiness checks,
 * the job queues and a job that failed for good in the dead-letter list, re-drives it after
 * confirming, and the queue shows it queued again. A moderator has no such section. Every page
 * passes axe-core; screenshots in Bahasa Indonesia and English go to
 * test-output/screenshots/operations-*.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Saring } from '../../src/engine.js';
import type { App } from '../../src/http/app.js';
import { TRAIN_QUEUE } from '../../src/models/training.js';
import { checkPage, chromiumSkipReason, hasChromium, launchChromium, newContext, screenshot, signIn } from '../../src/test-support/browser.js';
import { testApp } from '../../src/test-support/storage.js';

const PASSWORD = 'kata-sandi-uji-panjang';

describe.skipIf(!hasChromium)(`the operations page in Chromium${chromiumSkipReason}`, { timeout: 180_000 }, () => {
  let saring: Saring & { adminKey: string };
  let app: App;
  let close: () => Promise<void> = async () => {};
  let base = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let jobId = '';

  beforeAll(async () => {
    ({ saring, app, close } = await testApp('pglite'));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    await saring.users.createPerson({ name: 'Admin Platform', login: 'admin-ops', role: 'admin', password: PASSWORD }, 'test');
    await saring.users.createPerson({ name: 'Moderator', login: 'moderator-ops', role: 'moderator', password: PASSWORD }, 'test');
    // A training job with nothing to train on: its queue retries none, so it fails for good.
    jobId = await saring.jobs.send(TRAIN_QUEUE, { name: 'rusak', request: { rows: [] }, actor: 'test' });
    for (let i = 0; i < 300 && !(await saring.jobs.failed({ queue: TRAIN_QUEUE })).some((j) => j.id === jobId); i++) await new Promise((r) => setTimeout(r, 100));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await close();
  });

  async function signedIn(login: string, lands: string, statuses = [401]): Promise<Page & { errors: string[] }> {
    const context = await newContext(browser, base);
    contexts.push(context);
    const page = await signIn(context, login, PASSWORD, statuses);
    await page.getByRole('heading', { level: 1, name: lands }).waitFor();
    return page;
  }

  it('an admin sees readiness, the queues and the dead-letter list, and re-drives a failed job after confirming', async () => {
    const admin = await signedIn('admin-ops', 'Antrean tinjauan');
    await admin.getByRole('link', { name: 'Operasional' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Operasional' }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/console/operations');
    // Readiness: five checks, all ready.
    await admin.getByText('Kebijakan, leksikon, dan model').waitFor();
    await expect.poll(() => admin.getByText('Siap', { exact: true }).count()).toBe(5);
    // The queues, and the failed job in the dead-letter list.
    const queueRow = admin.getByRole('row').filter({ has: admin.getByText(TRAIN_QUEUE, { exact: true }) }).first();
    await queueRow.waitFor();
    await admin.getByRole('button', { name: `Tampilkan 1 tugas gagal dari ${TRAIN_QUEUE}` }).waitFor();
    const failedRow = admin.getByRole('row').filter({ has: admin.getByRole('button', { name: `Jalankan ulang tugas ${jobId}` }) });
    await failedRow.getByText('"rusak"', { exact: false }).waitFor();
    await checkPage(admin, 'operations-id');

    // Re-drive: a confirmation first; cancelling changes nothing.
    await failedRow.getByRole('button', { name: `Jalankan ulang tugas ${jobId}` }).click();
    const dialog = admin.getByRole('dialog', { name: 'Jalankan ulang?' });
    await dialog.getByText(/Galat terakhirnya:/).waitFor();
    await admin.waitForTimeout(400); // the dialog's opening transition
    // (No axe pass while the dialog is open: Mantine portals its header to the body, a second banner landmark.)
    await admin.mouse.move(0, 700);
    await screenshot(admin, 'operations-confirm-id');
    await dialog.getByRole('button', { name: 'Batal' }).last().click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await saring.jobs.failed({ queue: TRAIN_QUEUE })).map((j) => j.id)).toContain(jobId);
    await failedRow.getByRole('button', { name: `Jalankan ulang tugas ${jobId}` }).click();
    await dialog.getByRole('button', { name: 'Jalankan ulang' }).click();
    await admin.getByText('Sudah masuk antrean lagi.').waitFor();
    const audited = await saring.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'job.retried').execute();
    expect(audited).toEqual([{ action: 'job.retried', subject_id: jobId }]);
    // It ran again and failed again (still nothing to train on): back in the list with 2 attempts.
    for (let i = 0; i < 300 && (await saring.jobs.failed({ queue: TRAIN_QUEUE })).find((j) => j.id === jobId)?.attempts !== 2; i++) await new Promise((r) => setTimeout(r, 100));

    // The same page in English.
    await admin.getByText('EN', { exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Operations' }).waitFor();
    await admin.getByText('Policy, lexicons and models').waitFor();
    await admin.getByRole('cell', { name: '2', exact: true }).first().waitFor();
    await admin.getByRole('combobox', { name: 'Queue' }).click();
    await admin.getByRole('option', { name: TRAIN_QUEUE, exact: true }).click();
    await admin.getByRole('button', { name: 'Re-drive the whole queue' }).click();
    await admin.getByRole('dialog', { name: 'Re-drive?' }).getByText(`The 1 failed job of ${TRAIN_QUEUE} is queued again and runs once more.`).waitFor();
    await admin.waitForTimeout(400);
    await admin.mouse.move(0, 700);
    await screenshot(admin, 'operations-confirm-all-en');
    await admin.getByRole('dialog', { name: 'Re-drive?' }).getByRole('button', { name: 'Re-drive' }).click();
    await admin.getByText(`1 job of ${TRAIN_QUEUE} queued again.`).waitFor();
    await admin.getByRole('dialog', { name: 'Re-drive?' }).waitFor({ state: 'hidden' });
    await checkPage(admin, 'operations-en');
    expect(admin.errors).toEqual([]);
  });

  it('a moderator has no operations section, and the API refuses them', async () => {
    const moderator = await signedIn('moderator-ops', 'Antrean tinjauan', [401, 403]);
    expect(await moderator.getByRole('link', { name: 'Operasional' }).count()).toBe(0);
    const status = await moderator.evaluate(async () => (await fetch('/v1/jobs')).status);
    expect(status).toBe(403);
    expect(moderator.errors).toEqual([]);
  });
});
