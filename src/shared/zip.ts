/**
 * A small, bounded ZIP reader (and writer, for tests and generated files) over Node's zlib: enough
 * for the Office Open XML files people upload (XLSX). Stored and deflated entries only; no ZIP64,
 * no encryption. Every size is checked twice: the declared one before inflating, and the real one
 * while inflating (zlib stops at the limit), so a decompression bomb costs at most the limit.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { SaringError, type ErrorCode } from '../errors/errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export interface ZipLimits {
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all entries read may inflate to together. */
  maxTotalBytes: number;
  /** Most entries in the directory. */
  maxEntries: number;
}

export interface ZipErrors {
  /** The file is not a ZIP, is truncated or corrupt. */
  corrupt: ErrorCode;
  /** An entry (or all of them) is over a limit. */
  tooLarge: ErrorCode;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Whether the bytes start like a ZIP file (a local header, or the end record of an empty one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** A ZIP file's directory, read once; entries are inflated on demand, each within the limits. */
export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;
  private readonly buf: Buffer;

  constructor(
    bytes: Uint8Array,
    private readonly limits: ZipLimits,
    private readonly errors: ZipErrors,
    private readonly label = 'The file',
  ) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readDirectory();
  }

  private corrupt(why: string): SaringError {
    return new SaringError(this.errors.corrupt, `${this.label} is not a readable ZIP (XLSX) file: ${why}.`);
  }

  private readDirectory(): void {
    const b = this.buf;
    // The end record is in the last 22 + 65,535 (comment) bytes.
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
      if (b.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw this.corrupt('no end of central directory (truncated?)');
    const count = b.readUInt16LE(eocd + 10);
    const dirSize = b.readUInt32LE(eocd + 12);
    const dirOffset = b.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw this.corrupt('ZIP64 is not supported');
    if (count > this.limits.maxEntries) throw new SaringError(this.errors.tooLarge, `${this.label} has ${count} entries; at most ${this.limits.maxEntries}.`);
    if (dirOffset + dirSize > eocd) throw this.corrupt('the central directory lies outside the file');
    let p = dirOffset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > eocd || b.readUInt32LE(p) !== CENTRAL) throw this.corrupt('a broken central directory');
      const flags = b.readUInt16LE(p + 8);
      const method = b.readUInt16LE(p + 10);
      const crc = b.readUInt32LE(p + 16);
      const compressedSize = b.readUInt32LE(p + 20);
      const size = b.readUInt32LE(p + 24);
      const nameLength = b.readUInt16LE(p + 28);
      const extraLength = b.readUInt16LE(p + 30);
      const commentLength = b.readUInt16LE(p + 32);
      const offset = b.readUInt32LE(p + 42);
      const name = b.toString('utf8', p + 46, p + 46 + nameLength);
      p += 46 + nameLength + extraLength + commentLength;
      if (p > eocd) throw this.corrupt('a broken central directory');
      if (flags & 1) throw this.corrupt(`${name} is encrypted`);
      this.entries.set(name, { name, method, compressedSize, size, crc, offset });
    }
  }

  /** An entry's bytes (undefined when there is no such entry), inflated within the limits and checked against its CRC. */
  read(name: string): Buffer | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const { maxEntryBytes, maxTotalBytes } = this.limits;
    const room = Math.min(maxEntryBytes, maxTotalBytes - this.inflated);
    const tooLarge = () =>
      new SaringError(
        this.errors.tooLarge,
        `${this.label}: ${name} inflates past ${room === maxEntryBytes ? `${maxEntryBytes} bytes (the limit for one entry)` : `${maxTotalBytes} bytes in all`}: refused (a decompression bomb?).`,
      );
    // The declared size first: a bomb that says what it is costs nothing.
    if (e.size > room) throw tooLarge();
    const b = this.buf;
    if (e.offset + 30 > b.length || b.readUInt32LE(e.offset) !== LOCAL) throw this.corrupt(`${name} has no local header`);
    const start = e.offset + 30 + b.readUInt16LE(e.offset + 26) + b.readUInt16LE(e.offset + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw this.corrupt(`${name} is cut short`);
    const raw = b.subarray(start, end);
    let data: Buffer;
    if (e.method === 0) data = raw;
    else if (e.method === 8) {
      try {
        // Then the real size: zlib stops at the limit whatever the header said.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, room) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooLarge();
        throw this.corrupt(`${name} does not inflate (${(err as Error).message})`);
      }
    } else throw this.corrupt(`${name} uses compression method ${e.method} (only stored and deflated are read)`);
    if (data.length > room) throw tooLarge();
    if (data.length !== e.size || crc32(data) >>> 0 !== e.crc >>> 0) throw this.corrupt(`${name} fails its size or CRC check`);
    this.inflated += data.length;
    return data;
  }
}

/** A ZIP file of the given entries, deflated (for tests and generated downloads). */
export function writeZip(entries: { name: string; data: Uint8Array | string; store?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const body = entry.store ? data : deflateRawSync(data);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(data) >>> 0;
    const method = entry.store ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
