/** Demo complainants: names, unique phones and e-mail addresses, addresses, resident IDs, accounts. */
import type { ComplainantInput } from '../../domain/complaint/intake.js';
import { EMAIL_DOMAINS, GIVEN_NAMES, INSURANCE_LINES, MOBILE_PREFIXES, SURNAMES, type City } from './demo-reference.js';
import type { Rng } from './demo-random.js';

const pad = (n: number): string => String(n).padStart(2, '0');

export interface Used {
  phones: Set<string>;
  emails: Set<string>;
  calls: Set<string>;
}

export function unique(used: Set<string>, make: () => string): string {
  for (;;) {
    const v = make();
    if (!used.has(v)) {
      used.add(v);
      return v;
    }
  }
}

export function email(rng: Rng, used: Used, pinyin: string): string {
  return unique(used.emails, () => {
    const domain = rng.pick(EMAIL_DOMAINS);
    if (domain === 'qq.com' && rng.chance(0.6)) return `${rng.int(1, 9)}${rng.digits(rng.int(7, 9))}@qq.com`;
    const sep = rng.pick(['', '.', '_']);
    return `${pinyin.replace(' ', sep)}${rng.chance(0.7) ? rng.int(1, 9999) : ''}@${domain}`;
  });
}

export function address(rng: Rng, city: City): string {
  const [district, roads] = rng.pick(city.districts);
  return `${city.name}${district}${rng.pick(roads)}${rng.int(1, 999)}号${rng.int(1, 30)}栋${rng.int(1, 32)}${pad(rng.int(1, 6))}室`;
}

/** 18-character resident ID: region, birth date, sequence, ISO 7064 check character. */
export function residentId(rng: Rng, city: City): string {
  const body = `${city.idRegion}${rng.int(1950, 2003)}${pad(rng.int(1, 12))}${pad(rng.int(1, 28))}${rng.digits(3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * (weights[i] ?? 0), 0);
  return body + ('10X98765432'[sum % 11] ?? '0');
}

/** A complainant and the pinyin of their name (for a later e-mail address). */
export function complainant(rng: Rng, used: Used, channel: string, line: string, city: City, nowYear: number): [ComplainantInput, string] {
  const [surname, surnamePinyin] = rng.pick(SURNAMES);
  const [given, givenPinyin] = rng.pick(GIVEN_NAMES);
  const pinyin = `${surnamePinyin} ${givenPinyin}`;
  const c: ComplainantInput = { name: surname + given };
  const share = (values: Readonly<Record<string, number>>, fallback: number) => values[channel] ?? fallback;
  if (rng.chance(share({ hotline: 1, branch: 0.95, app: 0.95, web: 0.85, regulator_referral: 0.9 }, 0.6))) {
    c.phone = unique(used.phones, () => rng.pick(MOBILE_PREFIXES) + rng.digits(8));
  }
  if (rng.chance(share({ email: 1, web: 0.7, app: 0.5 }, 0.1))) c.email = email(rng, used, pinyin);
  if (rng.chance(share({ letter: 1, regulator_referral: 0.5, branch: 0.2 }, 0.05))) c.address = address(rng, city);
  if (!c.phone && !c.email && !c.address) c.phone = unique(used.phones, () => rng.pick(MOBILE_PREFIXES) + rng.digits(8));
  if (rng.chance(channel === 'branch' ? 0.6 : 0.25)) {
    c.idType = 'resident_id';
    c.idNumber = residentId(rng, city);
  }
  if (rng.chance(0.4)) {
    c.account = INSURANCE_LINES.has(line)
      ? `P${nowYear - rng.int(0, 8)}${rng.digits(10)}`
      : `${rng.chance(0.7) ? 'A' : '0'}${rng.int(1, 9)}${rng.digits(8)}`;
  }
  return [c, pinyin];
}
