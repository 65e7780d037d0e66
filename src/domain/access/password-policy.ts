/**
 * Password policy for staff accounts and one-time passwords. Pure: the random source is passed in
 * (callers use node:crypto randomBytes), so the domain does no I/O.
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export const ONE_TIME_PASSWORD_LENGTH = 16;

/** Stable codes, in the order passwordIssues reports them. */
export const PasswordIssue = {
  tooShort: 'password_too_short',
  tooLong: 'password_too_long',
  tooSimple: 'password_too_simple',
  containsUsername: 'password_contains_username',
  common: 'password_common',
} as const;

export type PasswordIssue = (typeof PasswordIssue)[keyof typeof PasswordIssue];

/** Lower-case common passwords and keyboard/number patterns (incl. common Chinese ones). */
export const COMMON_PASSWORDS: readonly string[] = [
  'password',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'zxcvbn',
  'qazwsx',
  '1qaz2wsx',
  '123456',
  '654321',
  '111111',
  '000000',
  '666666',
  '888888',
  'abc123',
  'abcdef',
  'admin',
  'administrator',
  'root',
  'welcome',
  'letmein',
  'iloveyou',
  'changeme',
  'monkey',
  'dragon',
  'sunshine',
  'master',
  'woaini',
  '5201314',
];

const CHARACTER_CLASSES: readonly RegExp[] = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

function classCount(password: string): number {
  return CHARACTER_CLASSES.filter((re) => re.test(password)).length;
}

function containsUsername(password: string, username: string): boolean {
  const name = username.trim().toLowerCase();
  return Array.from(name).length >= 3 && password.toLowerCase().includes(name);
}

/**
 * A common password, possibly with digits or symbols around or between repetitions of it:
 * 'Password2024!', 'P@ssw0rd123', '!!qwerty!!', 'adminadmin1'. 'PasswordManagerX1' is not: after
 * removing the common word, letters remain.
 */
function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  return COMMON_PASSWORDS.some((word) => lower.includes(word) && !/\p{L}/u.test(lower.split(word).join('')));
}

/** Codes of every rule the password breaks, in a stable order; [] when it is acceptable. */
export function passwordIssues(password: string, username: string): PasswordIssue[] {
  const length = Array.from(password).length;
  const issues: PasswordIssue[] = [];
  if (length < PASSWORD_MIN_LENGTH) issues.push(PasswordIssue.tooShort);
  if (length > PASSWORD_MAX_LENGTH) issues.push(PasswordIssue.tooLong);
  if (classCount(password) < 3) issues.push(PasswordIssue.tooSimple);
  if (containsUsername(password, username)) issues.push(PasswordIssue.containsUsername);
  if (isCommon(password)) issues.push(PasswordIssue.common);
  return issues;
}

/** Alphabets without the ambiguous 0/O/1/l/I. */
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '-_.!@#';
export const ONE_TIME_PASSWORD_ALPHABET = LOWER + UPPER + DIGITS + SYMBOLS;

export type RandomBytes = (n: number) => Uint8Array;

const MAX_DRAWS = 10_000;

/** Uniform integer in [0, max) (max <= 256) by rejection sampling, so there is no modulo bias. */
function randomIndex(randomBytes: RandomBytes, max: number): number {
  const limit = 256 - (256 % max);
  for (let i = 0; i < MAX_DRAWS; i += 1) {
    const byte = randomBytes(1)[0];
    if (byte === undefined) throw new Error('random source returned no bytes');
    if (byte < limit) return byte % max;
  }
  throw new Error('random source is not random');
}

function pick(randomBytes: RandomBytes, alphabet: string): string {
  return alphabet.charAt(randomIndex(randomBytes, alphabet.length));
}

/** Fisher–Yates shuffle, in place. */
function shuffle(randomBytes: RandomBytes, chars: string[]): string[] {
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomIndex(randomBytes, i + 1);
    const a = chars[i] ?? '';
    chars[i] = chars[j] ?? '';
    chars[j] = a;
  }
  return chars;
}

function candidate(randomBytes: RandomBytes): string {
  const required = [LOWER, UPPER, DIGITS, SYMBOLS].map((alphabet) => pick(randomBytes, alphabet));
  const rest = Array.from({ length: ONE_TIME_PASSWORD_LENGTH - required.length }, () => pick(randomBytes, ONE_TIME_PASSWORD_ALPHABET));
  return shuffle(randomBytes, [...required, ...rest]).join('');
}

/**
 * A 16-character password from ONE_TIME_PASSWORD_ALPHABET with at least one lower-case letter,
 * upper-case letter, digit and symbol of '-_.!@#'. Candidates that break the policy (a common word
 * or the username by chance; astronomically rare) are drawn again, so the result always passes
 * passwordIssues(result, username).
 */
export function generateOneTimePassword(randomBytes: RandomBytes, username = ''): string {
  for (let i = 0; i < MAX_DRAWS; i += 1) {
    const password = candidate(randomBytes);
    if (passwordIssues(password, username).length === 0) return password;
  }
  throw new Error('could not generate a password that satisfies the policy');
}
