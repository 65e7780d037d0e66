/**
 * Encryption of personal data at rest (AES-256-GCM) and keyed hashes (HMAC-SHA256) for looking
 * encrypted values up by equality (R-H1).
 *
 * Stored format: 'enc:v1:<keyId>:<iv b64>:<tag b64>:<ciphertext b64>' with a random 12-byte IV,
 * a 16-byte tag and AAD 'complaints-pii-v1'.
 *
 * Key rotation: add a new key at the END of the spec (it becomes current), keep the old ones until
 * every value has been re-encrypted (needsRotation tells which), then drop them.
 *
 * Keyed hashes: by default the hash key is derived with HKDF-SHA256 from the FIRST key of the spec
 * (salt 'complaints-pii-hash', info 'keyed-hash-v1'), so hashes stay stable across rotation as long
 * as the first key stays first. Deployments that want to retire the first key pass the hash key
 * explicitly (the third argument of parseKeyRing) — e.g. the derived one, kept separately.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface KeyRing {
  /** Key id used for new encryptions. */
  current: string;
  /** Key id -> 32-byte AES-256 key. */
  keys: ReadonlyMap<string, Buffer>;
  /** 32-byte key for keyedHash. */
  hashKey: Buffer;
}

export type PiiDecryptReason = 'format' | 'unknown_key' | 'auth';

/** A stored value cannot be decrypted. The message never contains the stored value or a key. */
export class PiiDecryptError extends Error {
  constructor(
    public readonly reason: PiiDecryptReason,
    message: string,
  ) {
    super(message);
    this.name = 'PiiDecryptError';
  }
}

const PREFIX = 'enc:v1:';
const AAD = Buffer.from('complaints-pii-v1', 'utf8');
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const KIND = /^[a-z0-9_]{1,32}$/;
const HASH_SALT = 'complaints-pii-hash';
const HASH_INFO = 'keyed-hash-v1';

/** Strict, canonical base64 (padding required, no whitespace); null when invalid. */
function decodeBase64(text: string): Buffer | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

function checkKeyId(id: string): void {
  if (!KEY_ID.test(id)) throw new Error(`invalid PII key id '${id}': use 1-16 characters of A-Z a-z 0-9 _ -`);
}

function parseEntry(entry: string, index: number): [string, Buffer] {
  const colon = entry.indexOf(':');
  if (colon < 0) throw new Error(`PII key entry ${index + 1} is not '<id>:<base64 key>'`);
  const id = entry.slice(0, colon).trim();
  checkKeyId(id);
  const key = decodeBase64(entry.slice(colon + 1).trim());
  if (key === null) throw new Error(`PII key '${id}' is not valid base64`);
  if (key.length !== KEY_BYTES) throw new Error(`PII key '${id}' must be ${KEY_BYTES} bytes, got ${key.length}`);
  return [id, key];
}

function deriveHashKey(firstKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', firstKey, HASH_SALT, HASH_INFO, KEY_BYTES));
}

/**
 * Parses 'k1:<base64 32 bytes>,k2:<base64 32 bytes>'. The current key is `currentId` or else the
 * LAST entry; the hash key is `hashKey` or else derived from the FIRST entry (see the module
 * comment). Throws an Error naming the problem (never the key material) on bad input.
 */
export function parseKeyRing(spec: string, currentId?: string, hashKey?: Buffer): KeyRing {
  const entries = spec.split(',').map((e) => e.trim());
  if (spec.trim() === '' || entries.some((e) => e === '')) throw new Error('PII key spec has an empty entry');
  const keys = new Map<string, Buffer>();
  for (const [id, key] of entries.map(parseEntry)) {
    if (keys.has(id)) throw new Error(`PII key id '${id}' appears more than once`);
    keys.set(id, key);
  }
  const ids = [...keys.keys()];
  const current = currentId ?? ids[ids.length - 1] ?? '';
  if (!keys.has(current)) throw new Error(`current PII key '${current}' is not in the key spec`);
  if (hashKey !== undefined && hashKey.length !== KEY_BYTES) {
    throw new Error(`PII hash key must be ${KEY_BYTES} bytes, got ${hashKey.length}`);
  }
  const first = keys.get(ids[0] ?? '') ?? Buffer.alloc(0);
  return { current, keys, hashKey: hashKey ?? deriveHashKey(first) };
}

function currentKey(ring: KeyRing): Buffer {
  const key = ring.keys.get(ring.current);
  if (key === undefined) throw new Error(`current PII key '${ring.current}' is not in the key ring`);
  return key;
}

/** AES-256-GCM with the current key: 'enc:v1:<keyId>:<iv>:<tag>:<ciphertext>' (base64). */
export function encryptField(ring: KeyRing, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', currentKey(ring), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [ring.current, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64')));
  return PREFIX + parts.join(':');
}

interface Envelope {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function parseEnvelope(stored: string): Envelope {
  if (!stored.startsWith(PREFIX)) throw new PiiDecryptError('format', 'value is not an enc:v1 field');
  const parts = stored.slice(PREFIX.length).split(':');
  const [keyId = '', ivText = '', tagText = '', ctText = ''] = parts;
  const iv = decodeBase64(ivText);
  const tag = decodeBase64(tagText);
  const ciphertext = decodeBase64(ctText);
  const malformed = parts.length !== 4 || !KEY_ID.test(keyId) || iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES;
  if (malformed || ciphertext === null) throw new PiiDecryptError('format', 'malformed enc:v1 field');
  return { keyId, iv, tag, ciphertext };
}

/** Decrypts a value from encryptField with any key of the ring; throws PiiDecryptError. */
export function decryptField(ring: KeyRing, stored: string): string {
  const { keyId, iv, tag, ciphertext } = parseEnvelope(stored);
  const key = ring.keys.get(keyId);
  if (key === undefined) throw new PiiDecryptError('unknown_key', `PII key '${keyId}' is not in the key ring`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(AAD);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new PiiDecryptError('auth', `field encrypted with PII key '${keyId}' failed authentication`);
  }
}

/** True for values in the 'enc:v1:' format (well-formed or not); false for legacy plaintext. */
export function isEncrypted(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/**
 * True when the value should be (re-)encrypted with the current key: encrypted with another key,
 * or not encrypted at all (legacy plaintext). Throws PiiDecryptError on a malformed enc:v1 value.
 */
export function needsRotation(ring: KeyRing, stored: string): boolean {
  return !isEncrypted(stored) || parseEnvelope(stored).keyId !== ring.current;
}

/**
 * NFKC (full-width digits and letters become ASCII), trim, drop whitespace and dashes, upper-case:
 * '110101 1990-0307 123x' and '11010119900307123X' normalise alike.
 */
export function normaliseForHash(value: string): string {
  return value.normalize('NFKC').trim().replace(/[\s-]/gu, '').toUpperCase();
}

/**
 * Hex HMAC-SHA256(hashKey, kind + ':' + normaliseForHash(value)). `kind` ('id_number', 'account',
 * ...) separates the hash spaces; it must match [a-z0-9_]{1,32} so it cannot contain ':'.
 */
export function keyedHash(ring: KeyRing, kind: string, value: string): string {
  if (!KIND.test(kind)) throw new Error(`invalid keyed-hash kind '${kind}': use 1-32 characters of a-z 0-9 _`);
  return createHmac('sha256', ring.hashKey)
    .update(`${kind}:${normaliseForHash(value)}`, 'utf8')
    .digest('hex');
}

/** '<id>:<random base64 32 bytes>', one entry of a key spec, for set-up scripts. */
export function generateKeySpec(id: string): string {
  checkKeyId(id);
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}
