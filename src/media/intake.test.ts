import { createHash } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SaringError } from '../errors/errors.js';
import { resolveFfmpeg, runBounded } from '../signals/hash/ffmpeg.js';
import { pngDeclaring } from '../test-support/media.js';
import { isPrivateAddress, removeUpload, stageMedia, storeUpload, type IntakeOptions } from './intake.js';

let png: Buffer;
let pngSha: string;
let dir: string;
let dataDir: string;
let root: string;
let outside: string;

beforeAll(async () => {
  png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  pngSha = createHash('sha256').update(png).digest('hex');
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saring-intake-'));
  dataDir = join(dir, 'data');
  root = join(dir, 'root');
  outside = join(dir, 'outside');
  await mkdir(root, { recursive: true });
  await mkdir(outside, { recursive: true });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

async function code(promise: Promise<unknown>): Promise<string> {
  const err = await rejection(promise);
  expect(err).toBeInstanceOf(SaringError);
  return (err as SaringError).code;
}

async function filesIn(path: string): Promise<string[]> {
  return readdir(path).catch(() => []);
}

const uploads = (): string => join(dataDir, 'media', 'uploads');
const temps = (): string => join(dataDir, 'media', 'tmp');

describe('storeUpload', () => {
  it('stores a PNG under its SHA-256, once for duplicates, mode 0600', async () => {
    const first = await storeUpload({ dataDir }, png);
    expect(first).toMatchObject({ upload: pngSha, sha256: pngSha, kind: 'image', bytes: png.length, created: true });
    const again = await storeUpload({ dataDir }, Readable.from([png.subarray(0, 10), png.subarray(10)]));
    expect(again).toMatchObject({ upload: pngSha, created: false });
    expect(await filesIn(uploads())).toEqual([pngSha]);
    const info = await stat(join(uploads(), pngSha));
    expect(info.mode & 0o777).toBe(0o600);
    expect(await readFile(join(uploads(), pngSha))).toEqual(png);
  });

  it('refuses text, empty bodies and bodies over the limit, leaving no file', async () => {
    expect(await code(storeUpload({ dataDir }, Buffer.from('hello, this is not an image\n'.repeat(400))))).toBe('unsupported_media');
    expect(await code(storeUpload({ dataDir }, Buffer.alloc(0)))).toBe('invalid_media');
    expect(await code(storeUpload({ dataDir }, png, { maxBytes: png.length - 1 }))).toBe('media_too_large');
    const big = Buffer.concat([png, Buffer.alloc(100_000)]);
    const chunks = Array.from({ length: 20 }, (_, i) => big.subarray(i * 5100, (i + 1) * 5100));
    expect(await code(storeUpload({ dataDir, maxBytes: 50_000 }, Readable.from(chunks)))).toBe('media_too_large');
    expect(await filesIn(uploads())).toEqual([]);
  });

  it('refuses, from the header, uploads that could never be analysed, with the limit in the error', async () => {
    const ffmpeg = await resolveFfmpeg();
    const encode = async (name: string, source: string): Promise<Buffer> => {
      const out = join(dir, name);
      const r = await runBounded(ffmpeg.path, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', source, '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', out], { timeoutMs: 60_000, maxStdout: 0 });
      expect(r.code, r.stderr).toBe(0);
      return readFile(out);
    };
    const options = { dataDir, limits: { maxDurationSeconds: 600 } };
    const refused = async (body: Buffer, pattern: RegExp) => {
      const err = await storeUpload(options, body).then(() => undefined, (e: unknown) => e as SaringError);
      expect(err?.code).toBe('media_too_large');
      expect(err?.message).toMatch(pattern);
      expect(err?.message).not.toContain(dataDir); // no server paths in the answer
    };
    await refused(pngDeclaring(100_000, 100_000), /declares 100000×100000 pixels.*the limit is 50000000/);
    await refused(await encode('wide.mp4', 'color=c=black:s=4112x16:r=1:d=1'), /4112×16; the limit is 4096 on each side/);
    await refused(await encode('long.mp4', 'color=c=black:s=16x16:r=1:d=7200'), /lasts 7200 s; the limit is 600 s/);
    expect(await code(storeUpload(options, Buffer.concat([png.subarray(0, 40), Buffer.alloc(200)])))).toBe('invalid_media');
    expect(await filesIn(uploads())).toEqual([]);
    // What the analysis can take is stored as before.
    expect(await storeUpload(options, await encode('ok.mp4', 'color=c=black:s=64x64:r=5:d=2'))).toMatchObject({ kind: 'video', created: true });
  });

  it('stages and removes an upload', async () => {
    const { upload } = await storeUpload({ dataDir }, png);
    const staged = await stageMedia({ dataDir }, { upload });
    expect(staged).toMatchObject({ source: 'upload', kind: 'image', sha256: pngSha, bytes: png.length, path: join(uploads(), pngSha) });
    await staged.release();
    expect(await filesIn(uploads())).toEqual([pngSha]); // release leaves uploads alone
    expect(await removeUpload({ dataDir }, upload)).toBe(true);
    expect(await removeUpload({ dataDir }, upload)).toBe(false);
    expect(await code(stageMedia({ dataDir }, { upload }))).toBe('media_not_found');
    expect(await code(stageMedia({ dataDir }, { upload: '../../etc/passwd' }))).toBe('validation_failed');
    expect(await code(removeUpload({ dataDir }, 'abc'))).toBe('validation_failed');
  });
});

describe('stageMedia { path }', () => {
  it('reads a file inside a root', async () => {
    await mkdir(join(root, 'sub'));
    await writeFile(join(root, 'sub', 'a.png'), png);
    const staged = await stageMedia({ dataDir, mediaRoots: [root] }, { path: join(root, 'sub', 'a.png') });
    expect(staged).toMatchObject({ source: 'path', kind: 'image', sha256: pngSha, bytes: png.length });
    await staged.release();
    expect(await readFile(staged.path)).toEqual(png); // not deleted
  });

  it('refuses paths outside the roots, .. and symlink escapes, and no roots at all', async () => {
    await writeFile(join(outside, 'b.png'), png);
    await writeFile(join(root, 'a.png'), png);
    const options: IntakeOptions = { dataDir, mediaRoots: [root] };
    expect(await code(stageMedia(options, { path: join(outside, 'b.png') }))).toBe('media_path_forbidden');
    expect(await code(stageMedia(options, { path: `${root}/../outside/b.png` }))).toBe('media_path_forbidden');
    await symlink(join(outside, 'b.png'), join(root, 'link.png'));
    expect(await code(stageMedia(options, { path: join(root, 'link.png') }))).toBe('media_path_forbidden');
    await symlink(outside, join(root, 'linkdir'));
    expect(await code(stageMedia(options, { path: join(root, 'linkdir', 'b.png') }))).toBe('media_path_forbidden');
    const none = (await rejection(stageMedia({ dataDir }, { path: join(root, 'a.png') }))) as SaringError;
    expect(none.code).toBe('media_path_forbidden');
    expect(none.message).toContain('SARING_MEDIA_ROOTS');
    expect(await code(stageMedia({ dataDir, mediaRoots: [] }, { path: join(root, 'a.png') }))).toBe('media_path_forbidden');
  });

  it('follows a symlink that stays inside the root; refuses missing, directories, big and non-media files', async () => {
    await writeFile(join(root, 'a.png'), png);
    await symlink(join(root, 'a.png'), join(root, 'inside.png'));
    const options: IntakeOptions = { dataDir, mediaRoots: [root] };
    const staged = await stageMedia(options, { path: join(root, 'inside.png') });
    expect(staged.sha256).toBe(pngSha);
    expect(await code(stageMedia(options, { path: join(root, 'missing.png') }))).toBe('media_not_found');
    await mkdir(join(root, 'd'));
    expect(await code(stageMedia(options, { path: join(root, 'd') }))).toBe('validation_failed');
    expect(await code(stageMedia({ ...options, maxBytes: 10 }, { path: join(root, 'a.png') }))).toBe('media_too_large');
    await writeFile(join(root, 'notes.txt'), 'just text');
    expect(await code(stageMedia(options, { path: join(root, 'notes.txt') }))).toBe('unsupported_media');
    expect(await code(stageMedia(options, { path: 'a.png' }))).toBe('validation_failed');
  });
});

describe('isPrivateAddress', () => {
  const refused = [
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '224.0.0.1',
    '239.1.2.3',
    '255.255.255.255',
    '192.0.2.1',
    '198.51.100.7',
    '203.0.113.9',
    '198.18.0.1',
    '::',
    '::1',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:0:a00:1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::',
    '2001:db8::1',
    '2001::1',
    '::127.0.0.1',
    'not-an-ip',
    '',
  ];
  const allowed = ['8.8.8.8', '1.1.1.1', '2001:4860::8888', '2001:4860:4860::8888', '172.32.0.1', '100.128.0.1', '::ffff:8.8.8.8', '2606:4700::1111', '64:ff9b::808:808'];
  it.each(refused)('%s is private or reserved', (ip) => expect(isPrivateAddress(ip)).toBe(true));
  it.each(allowed)('%s is public', (ip) => expect(isPrivateAddress(ip)).toBe(false));
});

describe('stageMedia { url }', () => {
  let server: Server;
  let base: string;
  let handler: (req: IncomingMessage, res: ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(() => {
    server.closeAllConnections();
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const open = (extra: Partial<NonNullable<IntakeOptions['fetch']>> = {}): IntakeOptions => ({
    dataDir,
    fetch: { enabled: true, allowPrivateAddresses: true, timeoutMs: 5000, ...extra },
  });

  it('is refused when fetching is off, for other schemes and for credentials', async () => {
    handler = (_req, res) => res.end(png);
    expect(await code(stageMedia({ dataDir }, { url: `${base}/a.png` }))).toBe('media_fetch_forbidden');
    expect(await code(stageMedia({ dataDir, fetch: { enabled: false } }, { url: `${base}/a.png` }))).toBe('media_fetch_forbidden');
    expect(await code(stageMedia(open(), { url: 'ftp://example.com/a.png' }))).toBe('media_fetch_forbidden');
    expect(await code(stageMedia(open(), { url: 'file:///etc/passwd' }))).toBe('media_fetch_forbidden');
    expect(await code(stageMedia(open(), { url: 'http://user:pw@example.com/a.png' }))).toBe('media_fetch_forbidden');
    expect(await code(stageMedia(open(), { url: 'not a url' }))).toBe('validation_failed');
  });

  it('refuses a loopback server by default and fetches from it when private addresses are allowed', async () => {
    let hits = 0;
    handler = (req, res) => {
      hits++;
      expect(req.headers['user-agent']).toMatch(/Saring/);
      res.setHeader('content-type', 'image/png');
      res.end(png);
    };
    expect(await code(stageMedia({ dataDir, fetch: { enabled: true } }, { url: `${base}/a.png` }))).toBe('media_fetch_forbidden');
    const port = (server.address() as AddressInfo).port;
    expect(await code(stageMedia({ dataDir, fetch: { enabled: true } }, { url: `http://[::ffff:127.0.0.1]:${port}/a.png` }))).toBe(
      'media_fetch_forbidden',
    );
    expect(await code(stageMedia({ dataDir, fetch: { enabled: true } }, { url: `http://0.0.0.0:${port}/a.png` }))).toBe('media_fetch_forbidden');
    expect(await code(stageMedia({ dataDir, fetch: { enabled: true } }, { url: `http://localhost:${port}/a.png` }))).toBe(
      'media_fetch_forbidden',
    );
    expect(hits).toBe(0);

    const staged = await stageMedia(open(), { url: `${base}/a.png?x=1` });
    expect(staged).toMatchObject({ source: 'url', kind: 'image', sha256: pngSha, bytes: png.length, url: `${base}/a.png?x=1` });
    expect(await readFile(staged.path)).toEqual(png);
    expect(staged.path.startsWith(temps())).toBe(true);
    await staged.release();
    await staged.release();
    expect(await filesIn(temps())).toEqual([]);
    expect(hits).toBe(1);
  });

  it('connects by host name to the checked address', async () => {
    const first = await lookup('localhost').catch(() => undefined);
    if (!first || first.address !== '127.0.0.1') return; // this machine's localhost is not where the server listens
    handler = (_req, res) => res.end(png);
    const port = (server.address() as AddressInfo).port;
    const staged = await stageMedia(open(), { url: `http://localhost:${port}/a.png` });
    expect(staged.sha256).toBe(pngSha);
    await staged.release();
  });

  it('follows up to 3 redirects, re-checking each hop', async () => {
    handler = (req, res) => {
      const m = /^\/r(\d+)$/.exec(req.url ?? '');
      if (m) {
        const n = Number(m[1]);
        res.writeHead(302, { location: n > 1 ? `/r${n - 1}` : '/final.png' }).end();
      } else if (req.url === '/ftp') {
        res.writeHead(301, { location: 'ftp://127.0.0.1/a.png' }).end();
      } else if (req.url === '/file') {
        res.writeHead(307, { location: 'file:///etc/passwd' }).end();
      } else if (req.url === '/final.png') {
        res.end(png);
      } else {
        res.writeHead(404).end('no');
      }
    };
    const three = await stageMedia(open(), { url: `${base}/r3` });
    expect(three.url).toBe(`${base}/final.png`);
    await three.release();
    expect(await code(stageMedia(open(), { url: `${base}/r4` }))).toBe('media_fetch_failed');
    expect(await code(stageMedia(open(), { url: `${base}/ftp` }))).toBe('media_fetch_forbidden');
    expect(await code(stageMedia(open(), { url: `${base}/file` }))).toBe('media_fetch_forbidden');
    const notFound = (await rejection(stageMedia(open(), { url: `${base}/missing` }))) as SaringError;
    expect(notFound.code).toBe('media_fetch_failed');
    expect(notFound.details).toMatchObject({ status: 404 });
    expect(await filesIn(temps())).toEqual([]);
  });

  it('refuses private addresses in every notation before connecting', async () => {
    const closed: IntakeOptions = { dataDir, fetch: { enabled: true, timeoutMs: 2000 } };
    for (const url of [
      'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
      'http://169.254.169.254/latest/meta-data/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://[fd00::1]/',
      'http://[::]/',
      'https://10.1.2.3/a.png',
    ]) {
      expect(await code(stageMedia(closed, { url }))).toBe('media_fetch_forbidden');
    }
  });

  it('cuts off a chunked body past maxBytes and leaves no temp file', async () => {
    handler = (_req, res) => {
      res.write(png);
      let sent = 0;
      const more = (): void => {
        if (sent++ > 50) return void res.end();
        res.write(Buffer.alloc(16 * 1024));
        setImmediate(more);
      };
      more();
    };
    expect(await code(stageMedia(open({ maxBytes: 100_000 }), { url: `${base}/big` }))).toBe('media_too_large');
    expect(await filesIn(temps())).toEqual([]);
  });

  it('refuses a Content-Length over the limit before the body', async () => {
    let bodySent = false;
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      res.flushHeaders();
      setTimeout(() => {
        bodySent = true;
        res.end(Buffer.alloc(10 * 1024 * 1024));
      }, 200);
    };
    expect(await code(stageMedia(open({ maxBytes: 1024 }), { url: `${base}/declared` }))).toBe('media_too_large');
    expect(bodySent).toBe(false);
    expect(await filesIn(temps())).toEqual([]);
  });

  it('times out on a stalled server', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    expect(await code(stageMedia(open({ timeoutMs: 300 }), { url: `${base}/stall` }))).toBe('media_timeout');
    expect(Date.now() - started).toBeLessThan(3000);
    handler = (_req, res) => {
      res.writeHead(200);
      res.write(png.subarray(0, 20)); // then stalls mid-body
    };
    expect(await code(stageMedia(open({ timeoutMs: 300 }), { url: `${base}/stall-body` }))).toBe('media_timeout');
    expect(await filesIn(temps())).toEqual([]);
  });

  it('refuses a body that is not an image or video', async () => {
    handler = (_req, res) => res.end('<html>not media</html>');
    expect(await code(stageMedia(open(), { url: `${base}/page` }))).toBe('unsupported_media');
    expect(await filesIn(temps())).toEqual([]);
  });

  it('aborts on the AbortSignal and cleans up', async () => {
    let received!: () => void;
    const gotRequest = new Promise<void>((resolve) => (received = resolve));
    handler = (_req, res) => {
      res.writeHead(200);
      res.write(png);
      received();
    };
    const controller = new AbortController();
    const pending = rejection(stageMedia(open(), { url: `${base}/slow` }, controller.signal));
    await gotRequest;
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    const err = (await pending) as Error;
    expect(err.name).toBe('AbortError');
    expect(await filesIn(temps())).toEqual([]);
    // Already aborted: nothing starts.
    const aborted = new AbortController();
    aborted.abort();
    expect(((await rejection(stageMedia(open(), { url: `${base}/slow` }, aborted.signal))) as Error).name).toBe('AbortError');
  });
});
