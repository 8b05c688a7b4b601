/**
 * Media intake: where the bytes of an image or video come from.
 *
 * A platform hands Saring media in one of three ways:
 *
 * 1. `{ upload }`: raw bytes it sent earlier (`storeUpload`), kept in `<dataDir>/media/uploads/<sha256>`.
 * 2. `{ path }`: a file on a disk Saring can read, only under the directories the operator allows
 *    (`mediaRoots`, from `SARING_MEDIA_ROOTS`); symlinks are followed and the real path must stay
 *    inside a root.
 * 3. `{ url }`: an http(s) URL Saring fetches. Off by default. When on: http and https only, no
 *    credentials in the URL, a size cap and a time cap, and no private, loopback, link-local,
 *    CGNAT, multicast, unspecified, reserved or documentation address (IPv4 and IPv6, IPv4-mapped
 *    included). The host is resolved once, every address it resolves to is checked, and the
 *    connection goes to those checked addresses only (a custom `lookup`), so DNS rebinding cannot
 *    swap in another. Redirects are followed by hand (at most 3), each hop checked again. The body
 *    is streamed to a temp file and cut off once it passes the cap.
 *
 * `stageMedia` turns any source into a `StagedMedia`: a local file, its size, kind (sniffed from
 * the magic bytes) and SHA-256. Call `release()` when done: it deletes fetched copies (uploads
 * and operator paths are left alone).
 *
 * @example
 * const { upload } = await storeUpload(options, requestBody);
 * const staged = await stageMedia(options, { upload });
 * try { await hashMedia({ path: staged.path }); } finally { await staged.release(); }
 */
import { createHash, randomBytes } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { constants as fsConstants } from 'node:fs';
import { link, mkdir, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, isIPv4, isIPv6, type LookupFunction } from 'node:net';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isSaringError, SaringError } from '../errors/errors.js';
import { checkMediaLimits, MEDIA_DEFAULTS, sniffMediaKind, type MediaKind } from '../signals/hash/media.js';

export type MediaSource = { upload: string } | { path: string } | { url: string };

export interface IntakeOptions {
  /** Uploads live in `<dataDir>/media/uploads/<id>`, fetched copies in `<dataDir>/media/tmp/`. */
  dataDir: string;
  /** Absolute directories a `{ path }` may be under. Default none: every path is refused. */
  mediaRoots?: string[];
  fetch?: {
    enabled: boolean;
    /** Default `maxBytes` below, else 200 MiB. */
    maxBytes?: number;
    /** For the whole fetch: DNS, connecting, every redirect and the body. Default 60 000. */
    timeoutMs?: number;
    /** Allow private, loopback and other non-public addresses. Default false; only for tests and closed networks. */
    allowPrivateAddresses?: boolean;
    userAgent?: string;
  };
  /** Default 200 MiB, for uploads, paths and (unless `fetch.maxBytes` is set) URLs. */
  maxBytes?: number;
  /**
   * What the analysis can take (pixels, frame size, duration). An upload over them is refused at
   * once, from its header, rather than stored to fail later.
   */
  limits?: { maxPixels?: number; maxDimension?: number; maxDurationSeconds?: number };
}

export interface StagedMedia {
  /** A local file to read. For uploads and paths this is the stored / operator's file itself. */
  path: string;
  bytes: number;
  kind: MediaKind;
  sha256: string;
  source: 'upload' | 'path' | 'url';
  /** For a URL: the final URL after redirects. */
  url?: string;
  /** Deletes temp files (fetched copies); a no-op for uploads and paths. Safe to call twice. */
  release(): Promise<void>;
}

export interface StoredUpload {
  /** The id to pass as `{ upload }`: the SHA-256 of the bytes, in hex. */
  upload: string;
  bytes: number;
  kind: MediaKind;
  sha256: string;
  /** False when the same bytes were already stored (nothing new was written). */
  created: boolean;
}

export const INTAKE_DEFAULTS = {
  maxBytes: 200 * 1024 * 1024,
  fetchTimeoutMs: 60_000,
  maxRedirects: 3,
  userAgent: 'Saring-media-intake/0.1',
} as const;

const UPLOAD_ID = /^[0-9a-f]{64}$/;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_URL_LENGTH = 8192;

// ---------------------------------------------------------------- small helpers

function uploadsDir(options: IntakeOptions): string {
  return join(options.dataDir, 'media', 'uploads');
}

function tempDir(options: IntakeOptions): string {
  return join(options.dataDir, 'media', 'tmp');
}

function tempName(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('hex')}`;
}

function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function positive(value: number | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
    throw new SaringError('validation_failed', `${name} must be a positive number (got ${String(value)}).`);
  }
  return value;
}

function sizeLimit(...candidates: (number | undefined)[]): number {
  for (const c of candidates) if (c !== undefined) return c;
  return INTAKE_DEFAULTS.maxBytes;
}

function tooLarge(label: string, bytes: number, maxBytes: number, declared = false): SaringError {
  return declared
    ? new SaringError('media_too_large', `${label} is ${bytes} bytes; the limit is ${maxBytes} bytes.`, { bytes, maxBytes })
    : new SaringError('media_too_large', `${label} is over the limit of ${maxBytes} bytes.`, { maxBytes });
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

/** Rejects as soon as `signal` aborts (for steps, like DNS, that cannot be cancelled). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolvePromise, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolvePromise(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

// ---------------------------------------------------------------- hashing and sniffing while copying

interface Measured {
  bytes: number;
  sha256: string;
  kind: MediaKind;
}

/** Counts, hashes and sniffs bytes as they pass; throws `media_too_large` once past `maxBytes`. */
class Meter {
  private readonly hash = createHash('sha256');
  private headChunks: Buffer[] = [];
  private headLength = 0;
  bytes = 0;
  kind: MediaKind | undefined;

  constructor(
    private readonly label: string,
    private readonly maxBytes: number,
  ) {}

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) throw tooLarge(this.label, this.bytes, this.maxBytes);
    this.hash.update(chunk);
    if (this.kind === undefined) {
      this.headChunks.push(chunk);
      this.headLength += chunk.length;
      // Sniff as soon as the head is in, so that a text file is refused before it is all copied.
      if (this.headLength >= MEDIA_DEFAULTS.sniffBytes) this.sniff();
    }
  }

  private sniff(): void {
    const head = Buffer.concat(this.headChunks).subarray(0, MEDIA_DEFAULTS.sniffBytes);
    this.headChunks = [];
    this.kind = sniffMediaKind(head);
  }

  finish(): Measured {
    if (this.kind === undefined) this.sniff(); // short file, or empty (invalid_media)
    return { bytes: this.bytes, sha256: this.hash.digest('hex'), kind: this.kind as MediaKind };
  }
}

function asBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  throw new SaringError('validation_failed', 'The media stream must carry bytes.');
}

/**
 * Streams `source` into a new file `dest` (mode 0600, never overwriting), hashing and sniffing as
 * it goes. On any failure `dest` is removed.
 */
async function streamToFile(
  source: NodeJS.ReadableStream | Readable,
  dest: string,
  label: string,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<Measured> {
  const meter = new Meter(label, maxBytes);
  // Create the file before streaming, so that no write stream can still be opening it when a
  // failure removes it.
  const handle = await open(dest, 'wx', 0o600);
  try {
    await pipeline(
      source,
      async function* measure(chunks: AsyncIterable<unknown>) {
        for await (const raw of chunks) {
          const chunk = asBuffer(raw);
          meter.push(chunk);
          yield chunk;
        }
      },
      handle.createWriteStream(),
      signal ? { signal } : {},
    );
    return meter.finish();
  } catch (err) {
    await rm(dest, { force: true });
    throw err;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Hashes and sniffs an open file, reading at most `maxBytes` (a file that grows is refused). */
async function measureFile(handle: FileHandle, label: string, maxBytes: number, signal?: AbortSignal): Promise<Measured> {
  const meter = new Meter(label, maxBytes);
  const buf = Buffer.allocUnsafe(1024 * 1024);
  for (;;) {
    throwIfAborted(signal);
    const { bytesRead } = await handle.read(buf, 0, buf.length, null);
    if (bytesRead === 0) break;
    meter.push(Buffer.from(buf.subarray(0, bytesRead)));
  }
  return meter.finish();
}

/**
 * Opens a local file without following a final symlink and without blocking on a FIFO, and
 * checks that it is a regular file within the size limit.
 */
async function measureLocalFile(path: string, label: string, maxBytes: number, signal?: AbortSignal): Promise<Measured> {
  const flags = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0);
  let handle: FileHandle;
  try {
    handle = await open(path, flags);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new SaringError('media_not_found', `${label} does not exist.`);
    if (code === 'ELOOP') throw new SaringError('media_path_forbidden', `${label} is a symbolic link.`);
    if (code === 'EISDIR') throw new SaringError('validation_failed', `${label} is a directory, not a file.`);
    throw err;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new SaringError('validation_failed', `${label} is not a regular file.`);
    if (info.size > maxBytes) throw tooLarge(label, info.size, maxBytes, true);
    return await measureFile(handle, label, maxBytes, signal);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------- uploads

/**
 * Stores raw bytes (an HTTP body) as an upload: streamed to a temp file in the uploads directory,
 * hashed on the way, refused past `maxBytes` (`media_too_large`), when empty (`invalid_media`) or
 * when the first 4 KiB are not an image or video (`unsupported_media`); then its header is read and
 * media the analysis could never take is refused (corrupt, or over `limits`: a decompression
 * bomb, frames too large, a video too long); then it is moved atomically to `<sha256>` (mode
 * 0600). The same bytes twice give the same id, one file and `created: false`.
 */
export async function storeUpload(
  options: IntakeOptions,
  body: Buffer | NodeJS.ReadableStream,
  limits?: { maxBytes?: number },
): Promise<StoredUpload> {
  const maxBytes = sizeLimit(positive(limits?.maxBytes, 'maxBytes'), positive(options.maxBytes, 'maxBytes'));
  const label = 'The upload';
  if (Buffer.isBuffer(body) && body.length > maxBytes) throw tooLarge(label, body.length, maxBytes, true);
  const dir = uploadsDir(options);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, tempName('.tmp-'));
  const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
  const measured = await streamToFile(source, tmp, label, maxBytes);
  try {
    await checkMediaLimits(tmp, options.limits ?? {}, label);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  const final = join(dir, measured.sha256);
  let created: boolean;
  try {
    // link() never overwrites: EEXIST means these bytes are already stored.
    await link(tmp, final);
    created = true;
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'EEXIST') {
      created = false;
    } else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EMLINK' || code === 'EXDEV') {
      // A file system without hard links: rename (atomic, same bytes if it races).
      const exists = await stat(final).then(
        () => true,
        () => false,
      );
      if (exists) created = false;
      else {
        await rename(tmp, final);
        created = true;
      }
    } else {
      await rm(tmp, { force: true });
      throw err;
    }
  }
  await rm(tmp, { force: true });
  return { upload: measured.sha256, bytes: measured.bytes, kind: measured.kind, sha256: measured.sha256, created };
}

/**
 * Streams raw bytes (an HTTP body to hash, not to keep) to a temp file under `maxBytes`, hashed
 * and sniffed on the way; `release()` deletes it.
 */
export async function stageStream(options: IntakeOptions, body: NodeJS.ReadableStream, label = 'The body'): Promise<StagedMedia> {
  const maxBytes = sizeLimit(positive(options.maxBytes, 'maxBytes'));
  const dir = tempDir(options);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, tempName('body-'));
  const measured = await streamToFile(body, tmp, label, maxBytes);
  let released = false;
  return {
    path: tmp,
    ...measured,
    source: 'upload',
    release: async () => {
      if (released) return;
      released = true;
      await rm(tmp, { force: true });
    },
  };
}

function uploadId(id: unknown): string {
  if (typeof id !== 'string' || !UPLOAD_ID.test(id.toLowerCase())) {
    throw new SaringError('validation_failed', 'An upload id is the 64-character hex SHA-256 that storeUpload returned.', { upload: id });
  }
  return id.toLowerCase();
}

/** Deletes a stored upload. True when it existed. */
export async function removeUpload(options: IntakeOptions, id: string): Promise<boolean> {
  const file = join(uploadsDir(options), uploadId(id));
  try {
    await rm(file);
    return true;
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw err;
  }
}

async function stageUpload(options: IntakeOptions, rawId: unknown, signal?: AbortSignal): Promise<StagedMedia> {
  const id = uploadId(rawId);
  const path = join(uploadsDir(options), id);
  const maxBytes = sizeLimit(positive(options.maxBytes, 'maxBytes'));
  let measured: Measured;
  try {
    measured = await measureLocalFile(path, `Upload ${id}`, maxBytes, signal);
  } catch (err) {
    if (isSaringError(err) && err.code === 'media_not_found') {
      throw new SaringError('media_not_found', `No upload ${id} (it was never stored, or it was removed).`, { upload: id });
    }
    throw err;
  }
  if (measured.sha256 !== id) {
    throw new SaringError('invalid_media', `The stored upload ${id} no longer matches its SHA-256.`, { upload: id, sha256: measured.sha256 });
  }
  return { path, ...measured, source: 'upload', release: async () => undefined };
}

// ---------------------------------------------------------------- operator paths

/** True when `path` is strictly inside `root` (both absolute and normalised). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

async function resolveMediaPath(options: IntakeOptions, raw: unknown): Promise<string> {
  if (typeof raw !== 'string' || raw === '' || raw.includes('\0')) {
    throw new SaringError('validation_failed', 'A media path must be a non-empty string.');
  }
  const roots = (options.mediaRoots ?? []).filter((r) => typeof r === 'string' && r !== '');
  if (roots.length === 0) {
    throw new SaringError(
      'media_path_forbidden',
      'Reading media from a path is off: no media roots are configured. Set SARING_MEDIA_ROOTS to the directories Saring may read.',
    );
  }
  if (!isAbsolute(raw)) throw new SaringError('validation_failed', `A media path must be absolute (got ${JSON.stringify(raw)}).`);
  const lexical = resolve(raw);
  const checkedRoots = await Promise.all(
    roots.map(async (root) => {
      const abs = resolve(root);
      const real = await realpath(abs).catch(() => undefined);
      return { abs, real };
    }),
  );
  const refused = (): SaringError =>
    new SaringError('media_path_forbidden', `${JSON.stringify(raw)} is not inside a configured media root (SARING_MEDIA_ROOTS).`);
  // Refuse what is plainly outside before touching the file system (no existence oracle).
  if (!checkedRoots.some((r) => isInside(r.abs, lexical) || (r.real !== undefined && isInside(r.real, lexical)))) throw refused();
  let real: string;
  try {
    real = await realpath(lexical);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new SaringError('media_not_found', `${JSON.stringify(raw)} does not exist.`);
    if (code === 'ELOOP') throw refused();
    throw err;
  }
  // After following every symlink, the file must still be inside a (real) root.
  if (!checkedRoots.some((r) => r.real !== undefined && isInside(r.real, real))) throw refused();
  return real;
}

async function stagePath(options: IntakeOptions, raw: unknown, signal?: AbortSignal): Promise<StagedMedia> {
  const path = await resolveMediaPath(options, raw);
  const maxBytes = sizeLimit(positive(options.maxBytes, 'maxBytes'));
  const measured = await measureLocalFile(path, JSON.stringify(raw), maxBytes, signal);
  return { path, ...measured, source: 'path', release: async () => undefined };
}

/**
 * The local file of a stored media source, to serve it (a player reads ranges of it): an upload,
 * or a path under the media roots. A URL's media is not kept (`media_not_found`).
 */
export async function localMediaFile(options: IntakeOptions, source: MediaSource): Promise<{ path: string; bytes: number }> {
  let path: string;
  if ('upload' in source) path = join(uploadsDir(options), uploadId(source.upload));
  else if ('path' in source) path = await resolveMediaPath(options, source.path);
  else throw new SaringError('media_not_found', 'Media fetched from a URL is analysed, not kept: open it at its URL.');
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new SaringError('media_not_found', 'The media file is no longer there.');
  return { path, bytes: info.size };
}

// ---------------------------------------------------------------- addresses

function parseIPv4(ip: string): number[] | undefined {
  if (!isIPv4(ip)) return undefined;
  return ip.split('.').map(Number);
}

/** The 16 bytes of an IPv6 address (zone id dropped), or undefined. */
function parseIPv6(input: string): number[] | undefined {
  const zone = input.indexOf('%');
  const ip = zone >= 0 ? input.slice(0, zone) : input;
  if (!isIPv6(ip)) return undefined;
  const toGroups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups: number[] = [];
    for (const piece of part.split(':')) {
      if (piece.includes('.')) {
        const v4 = parseIPv4(piece);
        if (!v4) return undefined;
        groups.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else {
        groups.push(parseInt(piece, 16));
      }
    }
    return groups;
  };
  const halves = ip.split('::');
  if (halves.length > 2) return undefined;
  const head = toGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? toGroups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const fill = 8 - head.length - tail.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return undefined;
  const groups = [...head, ...new Array<number>(fill).fill(0), ...tail];
  const bytes: number[] = [];
  for (const g of groups) bytes.push((g >> 8) & 0xff, g & 0xff);
  return bytes;
}

function isPrivateIPv4(b: readonly number[]): boolean {
  const [a = 0, b1 = 0, c = 0] = b;
  if (a === 0) return true; // 0.0.0.0/8 "this network", 0.0.0.0 unspecified
  if (a === 10) return true; // private
  if (a === 100 && (b1 & 0xc0) === 64) return true; // 100.64.0.0/10 CGNAT
  if (a === 127) return true; // loopback
  if (a === 169 && b1 === 254) return true; // link-local
  if (a === 172 && (b1 & 0xf0) === 16) return true; // 172.16.0.0/12 private
  if (a === 192 && b1 === 0 && c === 0) return true; // 192.0.0.0/24 IETF protocol assignments
  if (a === 192 && b1 === 0 && c === 2) return true; // TEST-NET-1
  if (a === 192 && b1 === 88 && c === 99) return true; // 6to4 relay anycast (deprecated)
  if (a === 192 && b1 === 168) return true; // private
  if (a === 198 && (b1 & 0xfe) === 18) return true; // 198.18.0.0/15 benchmarking
  if (a === 198 && b1 === 51 && c === 100) return true; // TEST-NET-2
  if (a === 203 && b1 === 0 && c === 113) return true; // TEST-NET-3
  if (a >= 224) return true; // 224/4 multicast, 240/4 reserved, 255.255.255.255 broadcast
  return false;
}

function isPrivateIPv6(b: readonly number[]): boolean {
  const at = (i: number): number => b[i] ?? 0;
  const group = (i: number): number => (at(2 * i) << 8) | at(2 * i + 1);
  const zeroUpTo = (n: number): boolean => b.slice(0, n).every((x) => x === 0);
  const v4At = (i: number): number[] => [at(i), at(i + 1), at(i + 2), at(i + 3)];
  if (zeroUpTo(10) && group(5) === 0xffff) return isPrivateIPv4(v4At(12)); // ::ffff:a.b.c.d mapped
  if (zeroUpTo(8) && group(4) === 0xffff && group(5) === 0) return isPrivateIPv4(v4At(12)); // ::ffff:0:a.b.c.d translated
  if (zeroUpTo(12)) return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
  if (group(0) === 0x64 && group(1) === 0xff9b && group(2) === 0 && group(3) === 0 && group(4) === 0 && group(5) === 0) {
    return isPrivateIPv4(v4At(12)); // 64:ff9b::/96 NAT64
  }
  if (group(0) === 0x64 && group(1) === 0xff9b && group(2) === 1) return true; // 64:ff9b:1::/48 local NAT64
  if (group(0) === 0x100 && group(1) === 0 && group(2) === 0 && group(3) === 0) return true; // 100::/64 discard
  if (group(0) === 0x2001 && group(1) < 0x200) return true; // 2001::/23 IETF (Teredo, benchmarking, ORCHID…)
  if (group(0) === 0x2001 && group(1) === 0xdb8) return true; // documentation
  if (group(0) === 0x2002) return isPrivateIPv4(v4At(2)); // 6to4 carries an IPv4 address
  if (group(0) === 0x3fff && (group(1) & 0xf000) === 0) return true; // 3fff::/20 documentation
  if ((at(0) & 0xfe) === 0xfc) return true; // fc00::/7 unique local
  if (at(0) === 0xfe && (at(1) & 0xc0) === 0x80) return true; // fe80::/10 link-local
  if (at(0) === 0xfe && (at(1) & 0xc0) === 0xc0) return true; // fec0::/10 site-local (deprecated)
  if (at(0) === 0xff) return true; // multicast
  return (at(0) & 0xe0) !== 0x20; // only 2000::/3 is global unicast; the rest is reserved
}

/**
 * True for an address Saring must not fetch from: private, loopback, link-local, CGNAT,
 * multicast, broadcast, unspecified, reserved, benchmarking or documentation ranges, in IPv4 and
 * IPv6 (IPv4-mapped, NAT64 and 6to4 addresses are judged by the IPv4 address they carry). Also
 * true for anything that is not an IP address (fail closed).
 */
export function isPrivateAddress(ip: string): boolean {
  if (typeof ip !== 'string') return true;
  const trimmed = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const v4 = parseIPv4(trimmed);
  if (v4) return isPrivateIPv4(v4);
  const v6 = parseIPv6(trimmed);
  if (v6) return isPrivateIPv6(v6);
  return true;
}

// ---------------------------------------------------------------- fetching

interface Address {
  address: string;
  family: number;
}

/** Scheme and credentials, checked on the first URL and on every redirect. */
function checkUrl(url: URL, hop: number): void {
  const what = hop === 0 ? 'The media URL' : `Redirect ${hop} (to ${url.protocol}//${url.host})`;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SaringError('media_fetch_forbidden', `${what} uses ${url.protocol.replace(/:$/, '')}; only http and https are fetched.`, {
      scheme: url.protocol.replace(/:$/, ''),
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new SaringError('media_fetch_forbidden', `${what} carries credentials (user:password@); Saring does not send credentials.`);
  }
  if (url.hostname === '') throw new SaringError('validation_failed', `${what} has no host.`);
}

function fetchFailed(url: URL, why: string, details?: Record<string, unknown>): SaringError {
  return new SaringError('media_fetch_failed', `Fetching media from ${url.origin} failed: ${why}`, { origin: url.origin, ...details });
}

/** Resolves the host once and checks every address; the connection may only go to these. */
async function resolveChecked(url: URL, allowPrivate: boolean, signal: AbortSignal): Promise<Address[]> {
  const host = url.hostname.startsWith('[') && url.hostname.endsWith(']') ? url.hostname.slice(1, -1) : url.hostname;
  let addresses: Address[];
  const family = isIP(host);
  if (family !== 0) {
    addresses = [{ address: host, family }];
  } else {
    try {
      addresses = await abortable(dnsLookup(host, { all: true, verbatim: true }), signal);
    } catch (err) {
      if (signal.aborted) throw err;
      throw fetchFailed(url, `the host ${host} could not be resolved (${errnoCode(err) ?? String(err)}).`, { host });
    }
  }
  if (addresses.length === 0) throw fetchFailed(url, `the host ${host} has no address.`, { host });
  if (!allowPrivate) {
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) {
      throw new SaringError(
        'media_fetch_forbidden',
        `${host === refused.address ? `${host} is` : `${host} resolves to ${refused.address}, which is`} a private, loopback, link-local or reserved address; Saring only fetches media from public addresses.`,
        { host, address: refused.address },
      );
    }
  }
  return addresses;
}

/** One GET, connecting only to the checked addresses (no second DNS lookup, no rebinding). */
function get(url: URL, addresses: Address[], signal: AbortSignal, userAgent: string): Promise<http.IncomingMessage> {
  const first = addresses[0] as Address;
  const lookup = ((_hostname: string, opts: { all?: boolean } | undefined, callback: (...args: unknown[]) => void): void => {
    if (opts?.all) callback(null, addresses.map((a) => ({ address: a.address, family: a.family })));
    else callback(null, first.address, first.family);
  }) as unknown as LookupFunction;
  return new Promise((resolvePromise, reject) => {
    const request = url.protocol === 'https:' ? https.request : http.request;
    const req = request(
      url,
      {
        method: 'GET',
        agent: false,
        lookup,
        signal,
        headers: {
          'user-agent': userAgent,
          accept: 'image/*, video/*;q=0.9, */*;q=0.1',
          'accept-encoding': 'identity',
        },
      },
      resolvePromise,
    );
    req.on('error', reject);
    req.end();
  });
}

async function stageUrl(options: IntakeOptions, raw: unknown, signal?: AbortSignal): Promise<StagedMedia> {
  const settings = options.fetch;
  if (!settings?.enabled) {
    throw new SaringError(
      'media_fetch_forbidden',
      'Fetching media from URLs is off. Send the bytes as an upload, or have the operator turn URL fetching on (SARING_MEDIA_FETCH).',
    );
  }
  if (typeof raw !== 'string' || raw === '' || raw.length > MAX_URL_LENGTH) {
    throw new SaringError('validation_failed', `A media URL must be a string of 1 to ${MAX_URL_LENGTH} characters.`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SaringError('validation_failed', 'The media URL is not a valid absolute URL.');
  }
  checkUrl(url, 0);
  const maxBytes = sizeLimit(positive(settings.maxBytes, 'fetch.maxBytes'), positive(options.maxBytes, 'maxBytes'));
  const timeoutMs = positive(settings.timeoutMs, 'fetch.timeoutMs') ?? INTAKE_DEFAULTS.fetchTimeoutMs;
  const allowPrivate = settings.allowPrivateAddresses === true;
  const userAgent = settings.userAgent ?? INTAKE_DEFAULTS.userAgent;
  throwIfAborted(signal);

  const dir = tempDir(options);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = join(dir, tempName('fetch-'));
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) controller.abort();
  let response: http.IncomingMessage | undefined;
  try {
    let current = url;
    for (let redirects = 0; ; redirects++) {
      checkUrl(current, redirects);
      const addresses = await resolveChecked(current, allowPrivate, controller.signal);
      response = await get(current, addresses, controller.signal, userAgent);
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status)) {
        const location = response.headers.location;
        response.destroy();
        if (!location) throw fetchFailed(current, `HTTP ${status} without a Location header.`, { status });
        if (redirects >= INTAKE_DEFAULTS.maxRedirects) {
          throw fetchFailed(current, `more than ${INTAKE_DEFAULTS.maxRedirects} redirects.`, { maxRedirects: INTAKE_DEFAULTS.maxRedirects });
        }
        try {
          current = new URL(location, current);
        } catch {
          throw fetchFailed(current, `HTTP ${status} with an invalid Location header.`, { status });
        }
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw fetchFailed(current, `the server answered HTTP ${status}.`, { status });
      }
      const declared = response.headers['content-length'];
      if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
        response.destroy();
        throw tooLarge(`The media at ${current.origin}`, Number(declared), maxBytes, true);
      }
      const measured = await streamToFile(response, tmp, `The media at ${current.origin}`, maxBytes, controller.signal);
      let released = false;
      return {
        path: tmp,
        ...measured,
        source: 'url',
        url: current.href,
        release: async () => {
          if (released) return;
          released = true;
          await rm(tmp, { force: true });
        },
      };
    }
  } catch (err) {
    response?.destroy();
    await rm(tmp, { force: true });
    if (signal?.aborted) throw abortError(signal);
    if (timedOut) {
      throw new SaringError('media_timeout', `Fetching media from ${url.origin} took longer than ${timeoutMs} ms.`, { timeoutMs });
    }
    if (isSaringError(err)) throw err;
    throw fetchFailed(url, `${errnoCode(err) ?? (err instanceof Error ? err.message : String(err))}.`, { cause: errnoCode(err) });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

// ---------------------------------------------------------------- staging

/**
 * Turns a media source into a local file with its size, kind and SHA-256.
 *
 * - `{ upload }`: a 64-hex id (`validation_failed` otherwise) of a stored upload (`media_not_found`).
 * - `{ path }`: an absolute path, followed through symlinks (`fs.realpath`), that must end up
 *   inside one of `mediaRoots` (`media_path_forbidden`), be a regular file and fit `maxBytes`.
 * - `{ url }`: fetched under the rules in the module comment into a temp file; `signal` aborts
 *   the download (the temp file is removed and the signal's reason, an `AbortError` by default,
 *   is thrown).
 *
 * Every kind is sniffed from the magic bytes (`unsupported_media`, `invalid_media` when empty).
 */
export async function stageMedia(options: IntakeOptions, source: MediaSource, signal?: AbortSignal): Promise<StagedMedia> {
  throwIfAborted(signal);
  if (typeof source !== 'object' || source === null) {
    throw new SaringError('validation_failed', 'A media source is { upload }, { path } or { url }.');
  }
  const keys = (['upload', 'path', 'url'] as const).filter((k) => k in source);
  if (keys.length !== 1) {
    throw new SaringError('validation_failed', 'A media source has exactly one of upload, path or url.', { keys });
  }
  const record = source as Record<string, unknown>;
  switch (keys[0]) {
    case 'upload':
      return stageUpload(options, record['upload'], signal);
    case 'path':
      return stagePath(options, record['path'], signal);
    default:
      return stageUrl(options, record['url'], signal);
  }
}
