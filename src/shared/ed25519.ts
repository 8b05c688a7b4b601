import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SaringError } from '../errors/errors.js';

/** Ed25519 keys kept as PEM files (audit checkpoints, the regulator's compliance reports). */

function rawPublicKey(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
}

/** A key's id: the SHA-256 (hex) of its 32 raw public bytes. */
export function keyIdOf(key: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(key)).digest('hex');
}

/** Base64 of the public half's SPKI DER: the body of a PEM `PUBLIC KEY`. */
export function spkiBase64(key: KeyObject): string {
  return ((key.type === 'public' ? key : createPublicKey(key)).export({ format: 'der', type: 'spki' }) as Buffer).toString('base64');
}

/** A base64 SPKI public key as a PEM `PUBLIC KEY`, for openssl and trust lists. */
export function publicKeyPem(spki: string): string {
  return `-----BEGIN PUBLIC KEY-----\n${spki}\n-----END PUBLIC KEY-----\n`;
}

/** Reads an Ed25519 key from a PEM file (a private key's public half also works as a public key); `label` names it in errors. */
export function readEd25519Key(path: string, kind: 'private' | 'public', label: string): KeyObject {
  let key: KeyObject;
  try {
    const pem = readFileSync(path);
    key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
  } catch (err) {
    throw new SaringError('invalid_state', `Cannot read the ${label} ${kind} key ${path}: ${(err as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new SaringError('invalid_state', `The ${label} ${kind} key ${path} is ${key.asymmetricKeyType ?? 'not an asymmetric key'}, not Ed25519.`);
  }
  return key;
}

/**
 * Writes `pem` to `path` (mode 0600) unless the file exists; safe when processes race (the first
 * one's file wins). Returns whether this call wrote it.
 */
export function writeKeyFileOnce(path: string, pem: string): boolean {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, pem, { mode: 0o600 });
  try {
    linkSync(tmp, path); // fails if another process got there first: then its key is used
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  } finally {
    unlinkSync(tmp);
  }
}

export function newPrivateKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}

/** The private key in `path`, generated (mode 0600) if there is none yet. */
export function keyFileGeneratedOnce(path: string, label: string): KeyObject {
  if (!existsSync(path)) writeKeyFileOnce(path, newPrivateKeyPem());
  return readEd25519Key(path, 'private', label);
}
