/**
 * Chinese SMS conventions (#11 item 4, R-H4): the signature 【公司名】 in front of the text, segment
 * counting as carriers bill it, and masking a phone number or an e-mail address wherever one would
 * otherwise be written out (error messages, logs). Pure: no I/O.
 *
 * Segments: a text entirely in the GSM 03.38 alphabet goes as GSM-7, 160 characters in one SMS or
 * 153 per part of a long one (a character of the extension table, such as € or [, takes two, and
 * the pair is never split across parts). Anything else (Chinese) goes as UCS-2: 70 UTF-16 code
 * units in one SMS or 67 per part; a character outside the BMP (most emoji) takes two units and is
 * never split either.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegments {
  encoding: SmsEncoding;
  /** septets (GSM-7) or UTF-16 code units (UCS-2) */
  units: number;
  /** how many SMS the carrier bills; an empty text still takes one */
  segments: number;
}

/** GSM 03.38 basic character set (one septet each), without the escape itself. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** GSM 03.38 extension table: escape plus the character, two septets each. */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

function unitCosts(text: string): { encoding: SmsEncoding; costs: number[] } {
  const chars = Array.from(text);
  if (chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c))) {
    return { encoding: 'GSM-7', costs: chars.map((c) => (GSM_EXTENSION.has(c) ? 2 : 1)) };
  }
  // a code point above U+FFFF is a surrogate pair: two UTF-16 units
  return { encoding: 'UCS-2', costs: chars.map((c) => c.length) };
}

/** How a text goes over the air and how many SMS it is billed as. */
export function smsSegments(text: string): SmsSegments {
  const { encoding, costs } = unitCosts(text);
  const units = costs.reduce((sum, c) => sum + c, 0);
  const limit = LIMITS[encoding];
  if (units <= limit.single) return { encoding, units, segments: 1 };
  // a long SMS: fill each part; a character that does not fit whole starts the next part
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > limit.part) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments };
}

/**
 * The text as the recipient sees it: the signature first, as Chinese gateways require. A signature
 * configured without its brackets gets them (公司名 → 【公司名】); a text that already starts with
 * the signature does not get it twice.
 */
export function withSignature(signature: string, text: string): string {
  const name = signature.trim();
  if (name === '') return text;
  const bracketed = name.startsWith('【') && name.endsWith('】') ? name : `【${name}】`;
  return text.startsWith(bracketed) ? text : `${bracketed}${text}`;
}
