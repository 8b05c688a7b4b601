import { createReadStream, existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Routes } from '../http/app.js';
import { packageRoot } from '../config/paths.js';

/** Where `npm run build` puts the console (web/ built by Vite). */
export function consoleDir(): string {
  return join(packageRoot(), 'dist', 'web');
}

/** Whether `npm run build` has built the console. */
export function consoleBuilt(): boolean {
  return existsSync(join(consoleDir(), 'index.html'));
}

/**
 * The content security policy of the console's pages: scripts only from Saring itself; styles
 * inline too (the component library sets CSS variables in a style element); media and thumbnails
 * from the API; no framing, no forms or connections to elsewhere.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The types of what Vite builds. */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The review console at `/console/` (a single-page app: every path under it answers its
 * index.html) and `/` sending people there. The pages are public files; everything they show comes
 * from the API, which checks each request.
 */
export const consoleRoutes: Routes<object> = async (app) => {
  const dir = consoleDir();
  app.get('/', { schema: { hide: true }, config: { permission: 'public' } }, async (_request, reply) => reply.redirect('/console/', 302));
  await app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('content-security-policy', CSP);
      reply.header('x-frame-options', 'DENY');
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      return payload;
    });
    scope.get('/console', { schema: { hide: true }, config: { permission: 'public' } }, async (_request, reply) => reply.redirect('/console/', 301));
    scope.get<{ Params: { '*': string } }>('/console/*', { schema: { hide: true }, config: { permission: 'public' } }, async (request, reply) => {
      const path = request.params['*'];
      // Built files (hashed names under assets/ never change; the icon may); any other path is a page of the app.
      const hashed = /^assets\/[\w.-]+$/.test(path);
      const file = hashed || path === 'favicon.svg' ? join(dir, path) : undefined;
      if (file && existsSync(file)) {
        return reply
          .type(TYPES[extname(file)] ?? 'application/octet-stream')
          .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=86400')
          .send(createReadStream(file));
      }
      const index = join(dir, 'index.html');
      if (!consoleBuilt()) {
        return reply.status(503).type('text/plain; charset=utf-8').send('The console is not built: run `npm run build` (npm install does it), then start Saring again.\n');
      }
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(createReadStream(index));
    });
  });
};
