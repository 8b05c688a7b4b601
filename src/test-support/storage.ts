import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type SaringConfig } from '../config/config.js';
import { openStorage, type Storage } from '../db/connect.js';
import { createSaring, type Saring } from '../engine.js';
import type { App } from '../http/app.js';
import { createServer } from '../server.js';

export type Backend = 'pglite' | 'postgres';

/** The backends storage tests run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const BACKENDS: { backend: Backend; skip: boolean; label: string }[] = [
  { backend: 'pglite', skip: false, label: 'pglite' },
  {
    backend: 'postgres',
    skip: !process.env['DATABASE_URL'],
    label: process.env['DATABASE_URL'] ? 'postgres' : 'postgres (skipped: DATABASE_URL not set)',
  },
];

/**
 * Fills `dir` (a new data directory, as `saring` would own it) with a copy of the migrated
 * template: about 1 s instead of the 4–8 s of creating a PGlite data directory from nothing. For
 * tests that drive the CLI or a server on a data directory; the first start from nothing is what
 * test/serve.test.ts tries.
 */
export async function templateDataDir(dir: string): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const lite = await PGlite.create(dir, { loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
  await lite.close();
}

/** A fresh, migrated, empty database: a PGlite copy of the template, or a new PostgreSQL database. */
export async function freshStorage(backend: Backend): Promise<Storage & { url?: string }> {
  if (backend === 'pglite') {
    const template = readFileSync(inject('pgliteTemplate'));
    return openStorage({ dataDir: 'memory://', loadDataDir: new Blob([template]) });
  }
  const scratch = await scratchDatabase('saring_test');
  const storage = await openStorage({ databaseUrl: scratch.url, dataDir: 'unused', poolSize: 5 });
  return {
    ...storage,
    url: scratch.url,
    async close() {
      await storage.close();
      await scratch.drop();
    },
  };
}

/** A new, empty PostgreSQL database beside DATABASE_URL's (named `<prefix>_<pid>_<random>`), and how to drop it. */
export async function scratchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env['DATABASE_URL']!;
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export function testConfig(overrides: Partial<SaringConfig> = {}): SaringConfig {
  return loadConfig({ dataDir: 'memory://', workers: true, jobPollSeconds: 0.5, webhookRetrySeconds: 1, demo: false, ...overrides }, {});
}

/** An engine on a fresh database; close() also drops the database. */
export async function testSaring(backend: Backend, overrides: Partial<SaringConfig> = {}): Promise<Saring & { adminKey: string }> {
  const storage = await freshStorage(backend);
  const saring = await createSaring(testConfig(overrides), { storage });
  const close = saring.close;
  return Object.assign(saring, {
    adminKey: saring.bootstrap.adminKey!,
    async close() {
      await close();
      await storage.close();
    },
  });
}

/** An engine and its HTTP app (driven with `inject()`), with the admin's auth header. */
export async function testApp(
  backend: Backend,
  overrides: Partial<SaringConfig> = {},
): Promise<{ saring: Saring & { adminKey: string }; app: App; auth: Record<string, string>; close(): Promise<void> }> {
  const saring = await testSaring(backend, overrides);
  const app = await createServer(saring);
  return {
    saring,
    app,
    auth: { authorization: `Bearer ${saring.adminKey}` },
    async close() {
      await app.close();
      await saring.close();
    },
  };
}
