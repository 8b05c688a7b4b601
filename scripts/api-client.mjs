#!/usr/bin/env node
// The console's typed API client is generated from the API's own OpenAPI document, so the console
// can use nothing a platform could not: `npm run api:client` writes web/src/api/schema.d.ts;
// `--check` exits 1 when the committed file is out of date (a test runs it).
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const target = new URL('../web/src/api/schema.d.ts', import.meta.url);
const HEADER = '// Generated from the API\'s OpenAPI document by `npm run api:client`: do not edit.\n\n';

/** The OpenAPI document of the app, built over an in-memory engine (nothing is listened on or stored). */
async function openapiDocument() {
  const [{ createSaring }, { createServer }, { loadConfig }] = await Promise.all([
    import('../dist/engine.js'),
    import('../dist/server.js'),
    import('../dist/config/config.js'),
  ]);
  const saring = await createSaring(loadConfig({ dataDir: 'memory://', workers: false, demo: false }, {}), { warm: false });
  try {
    const app = await createServer(saring);
    await app.ready();
    const doc = app.swagger();
    await app.close();
    return doc;
  } finally {
    await saring.close();
  }
}

const text = HEADER + astToString(await openapiTS(await openapiDocument()));
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== text) {
    process.stderr.write('web/src/api/schema.d.ts is out of date with the API: run `npm run api:client` and commit it.\n');
    process.exit(1);
  }
  process.stdout.write('web/src/api/schema.d.ts is up to date.\n');
} else {
  writeFileSync(target, text);
  process.stdout.write('wrote web/src/api/schema.d.ts\n');
}
