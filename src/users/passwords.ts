import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { SaringError } from '../errors/errors.js';

/**
 * Passwords are stored as argon2id hashes with OWASP's memory-hard parameters (19 MiB, 2 passes,
 * 1 lane): about 50 ms and 19 MiB per hash, on libuv's thread pool (the event loop stays free).
 */
// argon2id is the package's default algorithm (its `Algorithm` is a const enum, not importable at run time).
const PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
/** A stored hash made with other parameters is replaced at the next successful sign-in. */
const CURRENT = `$argon2id$v=19$m=${PARAMS.memoryCost},t=${PARAMS.timeCost},p=${PARAMS.parallelism}$`;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1_024;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT);
}

let dummy: Promise<string> | undefined;

/**
 * Whether `password` matches `stored`. Without a stored hash (unknown login, a person who has not
 * accepted their invite) it still spends the time of one verification, so the answer's timing does
 * not tell which logins exist.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/**
 * The password rules: 12 to 1,024 characters, not mostly one or two characters repeated, and not
 * containing the person's login (or an e-mail login's name part) or display name. Length matters
 * most (NIST SP 800-63B); no composition rules.
 */
export function checkPasswordRules(password: string, person: { login?: string | null; name?: string | null }): void {
  const length = [...password].length;
  const problems: string[] = [];
  if (length < MIN_PASSWORD_LENGTH) problems.push(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  if (length > MAX_PASSWORD_LENGTH) problems.push(`a password has at most ${MAX_PASSWORD_LENGTH} characters`);
  if (new Set(password).size < 5) problems.push('a password needs at least 5 different characters');
  const lower = password.toLowerCase();
  const words = [person.login, person.login?.split('@')[0], person.name?.trim()].filter((w): w is string => !!w && w.length >= 3);
  if (words.some((w) => lower.includes(w.toLowerCase()))) problems.push('a password may not contain the login or the name');
  if (problems.length) throw new SaringError('weak_password', `The password is too weak: ${problems.join('; ')}.`, { problems });
}
