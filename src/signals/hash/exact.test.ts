import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactHashes, exactHashesOfFile, md5, sha256 } from './exact.js';

describe('exact hashes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saring-exact-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('known vectors', () => {
    expect(md5('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(exactHashes(Buffer.from('abc'))).toEqual({
      md5: '900150983cd24fb0d6963f7d28e17f72',
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      bytes: 3,
    });
  });

  it('files are streamed and give the same hashes as the bytes', async () => {
    const data = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < data.length; i++) data[i] = (i * 31 + (i >> 10)) & 0xff;
    const f = join(dir, 'big.bin');
    await writeFile(f, data);
    expect(await exactHashesOfFile(f)).toEqual(exactHashes(data));
    const empty = join(dir, 'empty.bin');
    await writeFile(empty, '');
    expect(await exactHashesOfFile(empty)).toEqual(exactHashes(Buffer.alloc(0)));
  });

  it('clear errors for missing files, folders and files over the limit', async () => {
    await expect(exactHashesOfFile(join(dir, 'missing'))).rejects.toMatchObject({ code: 'not_found' });
    await expect(exactHashesOfFile(dir)).rejects.toMatchObject({ code: 'validation_failed' });
    const f = join(dir, 'small.bin');
    await writeFile(f, 'hello');
    await expect(exactHashesOfFile(f, { maxBytes: 4 })).rejects.toMatchObject({ code: 'media_too_large' });
  });
});
