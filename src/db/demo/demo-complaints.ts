/**
 * A deterministic generator of realistic demo complaints (npm run seed-demo, first npm start).
 * Same count, now and seed give the same complaints: a seeded PRNG (mulberry32), no Math.random,
 * no wall clock. Times follow Asia/Shanghai (UTC+8, no daylight saving).
 */
import type { ComplainantInput, IntakeInput } from '../../domain/complaint/intake.js';
import { contactKeys } from '../../domain/complaint/contact.js';
import { proposeLevel, type Level, type RiskFlag } from '../../domain/grading/grading.js';
import { defaultPolicy } from '../../domain/policy/policy.defaults.js';
import { address, complainant, email, unique, type Used } from './demo-people.js';
import { deck, Rng } from './demo-random.js';
import {
  AMOUNT_SCALE,
  BUSINESS_LINE_MIX,
  CATEGORY_MIX,
  CHANNEL_MIX,
  CITIES,
  CITY_WEIGHTS,
  INSURANCE_LINES,
  NO_AMOUNT_CATEGORIES,
  PRODUCTS,
  SELLERS_INSURANCE,
  SELLERS_SECURITIES,
  SUBJECT_PARTIES,
  SURNAMES,
  type City,
  type Weighted,
} from './demo-reference.js';
import {
  AGENT_CLOSINGS,
  AGENT_PREFIXES,
  CONFIRM_REASONS,
  FOLLOW_UPS,
  OVERRIDE_REASONS,
  REMEDIES,
  SELF_CLOSINGS,
  SELF_PREFIXES,
  SIGNAL_SENTENCES,
  TEMPLATES,
  type Signal,
  type Template,
  type TextContext,
} from './demo-texts.js';

export interface DemoComplaint {
  input: IntakeInput;
  /** receivedAt + a few minutes to hours, never after `now` */
  registeredAt: Date;
  /** a manual confirmation (level = the default policy's proposal) or override, on ~30% of items */
  grade?: { level: Level; reason: string };
}

export const DEMO_SEED = 20261125;
export const DEMO_WINDOW_DAYS = 90;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Asia/Shanghai is UTC+8 all year. */
const SHANGHAI_OFFSET = 8 * HOUR;
const MIN_LENGTH = 40;
const MAX_LENGTH = 200;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
/** Local (Shanghai) calendar fields of an instant. */
function local(instant: number): Date {
  return new Date(instant + SHANGHAI_OFFSET);
}
const monthDay = (instant: number): string => `${local(instant).getUTCMonth() + 1}月${local(instant).getUTCDate()}日`;
const ymd = (instant: number): string => {
  const d = local(instant);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
};

const OFFICE_CHANNELS = new Set(['letter', 'regulator_referral']);
const AGENT_CHANNELS = new Set(['hotline', 'branch', 'regulator_referral']);

/** Minute of the local day a complaint arrives on this channel. */
function minuteOfDay(rng: Rng, channel: string): number {
  const triangle = (from: number, to: number) => Math.floor(from + ((rng.float() + rng.float()) / 2) * (to - from));
  if (OFFICE_CHANNELS.has(channel)) return triangle(9 * 60, 17 * 60 + 30);
  if (channel === 'branch') return triangle(9 * 60, 17 * 60);
  const r = rng.float();
  if (r < 0.4) return triangle(8 * 60, 12 * 60 + 30);
  if (r < 0.84) return triangle(13 * 60, 21 * 60);
  if (r < 0.97) return rng.int(20 * 60 + 30, 23 * 60 + 30);
  return rng.int(6 * 60 + 30, 8 * 60 - 1);
}

/** A receipt time on the local day `daysAgo` before now's, or null when that day does not suit the channel. */
function timeOnDay(rng: Rng, channel: string, now: number, daysAgo: number): number | null {
  const dayStart = Math.floor((now + SHANGHAI_OFFSET) / DAY) * DAY - daysAgo * DAY;
  const weekday = new Date(dayStart).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  if (weekend && OFFICE_CHANNELS.has(channel)) return null;
  if (weekend && channel === 'branch' && (weekday === 0 || rng.chance(0.7))) return null;
  if (weekend && rng.chance(0.45)) return null;
  const at = dayStart - SHANGHAI_OFFSET + minuteOfDay(rng, channel) * MINUTE + rng.int(0, 59) * 1000;
  return at <= now - MINUTE ? at : null;
}

/** More recent days more often: a third uniform over the window, the rest linearly decreasing. */
function receivedAt(rng: Rng, channel: string, now: number): number {
  for (;;) {
    const u = rng.float();
    const daysAgo = Math.floor((rng.chance(0.35) ? u : 1 - Math.sqrt(1 - u)) * (DEMO_WINDOW_DAYS - 1));
    const at = timeOnDay(rng, channel, now, daysAgo);
    if (at !== null) return at;
  }
}

const REGISTRATION_DELAY_MINUTES: Readonly<Record<string, readonly [number, number]>> = {
  hotline: [1, 20],
  app: [5, 120],
  web: [5, 180],
  email: [10, 300],
  branch: [3, 40],
  letter: [30, 240],
  regulator_referral: [20, 240],
};

type Band = 'none' | 'low' | 'mid' | 'high';
const AMOUNT_BANDS: Weighted<Band> = [
  ['none', 15],
  ['low', 54],
  ['mid', 25],
  ['high', 6],
];

/** A canonical amount string in the band, as whole cents: rounder the larger it is. */
function amountIn(rng: Rng, band: Exclude<Band, 'none'>): string {
  const [lo, hi, step] =
    band === 'low' ? [50, 9_900, rng.chance(0.4) ? 0.01 : 10] : band === 'mid' ? [10_000, 99_000, 100] : [100_500, 2_000_000, 1000];
  const value = lo * Math.pow(hi / lo, rng.float());
  const cents = Math.max(Math.round(value / step) * Math.round(step * 100), lo * 100);
  return `${Math.floor(cents / 100)}.${pad(cents % 100)}`;
}

/** '12800元', '3287.60元', '1.28万元' */
function amountText(amount: string): string {
  const [yuan = '0', cents = '00'] = amount.split('.');
  const whole = Number(yuan);
  if (cents === '00' && whole >= 10_000 && whole % 100 === 0) return `${whole / 10_000}万元`;
  return cents === '00' ? `${whole}元` : `${amount}元`;
}

interface Draft {
  index: number;
  receivedAt: number;
  channel: string;
  businessLine: string;
  category: string;
  template: Template;
  product: string;
  city: City;
  complainant: ComplainantInput;
  pinyin: string;
  signal: Signal | null;
  amount: string | null;
  /** the first complaint of the same matter, for a repeat */
  first?: Draft;
  /** text details, shared by a repeat so that it tells the same story */
  details?: { date: string; days: number; seller: string; place: string };
}

function baseDraft(rng: Rng, used: Used, index: number, channel: string, signal: Signal | null, now: number): Draft {
  const businessLine = rng.weighted(BUSINESS_LINE_MIX);
  const category = rng.weighted(CATEGORY_MIX[businessLine] ?? [['other', 1]]);
  const fitting = (TEMPLATES[category] ?? []).filter((t) => !t.lines || t.lines.includes(businessLine));
  const template = rng.pick(fitting);
  const product = rng.pick(template.products ?? PRODUCTS[businessLine] ?? ['']);
  const city = rng.weighted(CITIES.map((c, i) => [c, CITY_WEIGHTS[i] ?? 1] as const));
  const [person, pinyin] = complainant(rng, used, channel, businessLine, city, local(now).getUTCFullYear());
  return {
    index,
    receivedAt: receivedAt(rng, channel, now),
    channel,
    businessLine,
    category,
    template,
    product,
    city,
    complainant: person,
    pinyin,
    signal,
    amount: null,
  };
}

/** A second complaint of the same complainant on the same matter, 1..25 days after the first. */
function repeatDraft(rng: Rng, used: Used, index: number, channel: string, first: Draft, now: number): Draft {
  const firstDaysAgo = Math.floor((now + SHANGHAI_OFFSET) / DAY) - Math.floor((first.receivedAt + SHANGHAI_OFFSET) / DAY);
  let at: number | null = null;
  for (let attempt = 0; attempt < 40 && at === null; attempt++) {
    const candidate = timeOnDay(rng, channel, now, firstDaysAgo - rng.int(1, Math.min(25, firstDaysAgo)));
    if (candidate !== null && candidate > first.receivedAt + HOUR) at = candidate;
  }
  const c: ComplainantInput = { ...first.complainant };
  if (channel === 'email' && !c.email) c.email = email(rng, used, first.pinyin);
  if (channel === 'letter' && !c.address) c.address = address(rng, first.city);
  const signal: Signal | null = rng.chance(0.35) ? rng.pick(['media', 'agitated'] as const) : null;
  return { ...first, index, channel, receivedAt: at ?? first.receivedAt + 3 * HOUR, complainant: c, signal, first };
}

/** Amount bands in exact shares; nulls go to categories without money first, large bands to large-money categories. */
function assignAmounts(rng: Rng, drafts: Draft[]): void {
  const bands = deck(rng, AMOUNT_BANDS, drafts.length);
  const nones = bands.filter((b) => b === 'none');
  const sized = bands.filter((b): b is Exclude<Band, 'none'> => b !== 'none');
  const noAmount = (d: Draft) => NO_AMOUNT_CATEGORIES.get(d.category) ?? 0;
  const order = rng.shuffle([...drafts]).sort((a, b) => noAmount(b) - noAmount(a));
  const rest = order.slice(nones.length);
  const rank: Record<Exclude<Band, 'none'>, number> = { low: 0, mid: 1, high: 2 };
  sized.sort((a, b) => rank[a] - rank[b]);
  const score = new Map(rest.map((d) => [d, (d.template.scale ?? AMOUNT_SCALE[d.category] ?? 1) + rng.float() * 1.5]));
  rest.sort((a, b) => (score.get(a) ?? 0) - (score.get(b) ?? 0));
  rest.forEach((d, i) => {
    d.amount = amountIn(rng, sized[i] ?? 'low');
  });
}

function describe(rng: Rng, d: Draft): { description: string; productNamed: boolean } {
  const agent = AGENT_CHANNELS.has(d.channel);
  const who = d.channel === 'regulator_referral' ? '投诉人' : '客户';
  const details = d.first?.details ?? {
    date: monthDay(d.receivedAt - rng.int(3, 40) * DAY),
    days: rng.int(5, 40),
    seller: rng.pick(INSURANCE_LINES.has(d.businessLine) ? SELLERS_INSURANCE : SELLERS_SECURITIES),
    place: rng.chance(0.6) ? rng.pick(d.city.branches) : '营业网点',
  };
  d.details = details;
  const ctx: TextContext = {
    ...details,
    I: agent ? who : '我',
    my: agent ? '其' : '我的',
    product: d.product,
    amount: d.amount ? amountText(d.amount) : null,
  };
  const body = d.template.text(ctx);
  const voice = (s: { self: string; agent: string }) => (agent ? s.agent.replace(/^客户/, who) : s.self);
  const followUp = d.first ? voice(rng.pick(FOLLOW_UPS)).replace('{date}', monthDay(d.first.receivedAt)) : '';
  const signal = d.signal ? voice(rng.pick(SIGNAL_SENTENCES[d.signal])) : '';
  const prefix = rng.pick((agent ? AGENT_PREFIXES : SELF_PREFIXES)[d.channel] ?? ['']);
  const closing = agent ? rng.pick(AGENT_CLOSINGS).replace(/^客户/, who) : rng.pick(SELF_CLOSINGS);
  const candidates = [
    [prefix, followUp, body, signal, closing],
    [prefix, followUp, body, signal],
    [followUp, body, signal],
  ];
  let description = candidates.map((parts) => parts.join('')).find((t) => t.length <= MAX_LENGTH) ?? [followUp, body, signal].join('');
  if (description.length < MIN_LENGTH) description += agent ? AGENT_CLOSINGS[0] : SELF_CLOSINGS[0];
  return { description, productNamed: body.includes(d.product) };
}

function toInput(rng: Rng, d: Draft, used: Used): IntakeInput {
  const { description, productNamed } = describe(rng, d);
  const flags = new Set<RiskFlag>();
  const maybe = (flag: RiskFlag, p: number) => {
    if (rng.chance(p)) flags.add(flag);
  };
  let joint = rng.chance(0.02) ? rng.int(3, 4) : 1;
  let urgent = rng.chance(0.06);
  if (d.signal === 'legal') maybe('legal', 0.6);
  if (d.signal === 'regulator') maybe('reputational', 0.2);
  if (d.signal === 'legal' || d.signal === 'regulator') urgent ||= rng.chance(0.2);
  if (d.signal === 'mass') {
    joint = rng.int(5, 30);
    maybe('mass_incident', 0.5);
    urgent ||= rng.chance(0.5);
  }
  if (d.signal === 'media') {
    maybe('media', 0.35);
    maybe('reputational', 0.1);
  }
  if (d.signal === 'agitated') maybe('agitated_customer', 0.6);
  maybe('agitated_customer', 0.06);
  maybe('legal', 0.008);
  maybe('media', 0.008);
  maybe('reputational', 0.01);
  const order: RiskFlag[] = ['reputational', 'legal', 'mass_incident', 'media', 'agitated_customer'];
  const parties = SUBJECT_PARTIES[d.category] ?? [];
  const subject = parties.length > 0 && rng.chance(0.35) ? rng.pick(parties).replace('{姓}', rng.pick(SURNAMES)[0]) : null;
  const remedies = REMEDIES[d.category] ?? [];
  return {
    channel: d.channel,
    businessLine: d.businessLine,
    category: d.category,
    product: productNamed || rng.chance(0.5) ? d.product : null,
    description,
    requestedRemedy: rng.chance(0.9) && remedies.length > 0 ? rng.pick(remedies) : null,
    amount: d.amount,
    receivedAt: new Date(d.receivedAt),
    urgent,
    riskFlags: order.filter((f) => flags.has(f)),
    branch: d.channel === 'branch' || rng.chance(0.5) ? rng.pick(d.city.branches) : null,
    subjectParty: subject,
    callReference: d.channel === 'hotline' ? unique(used.calls, () => `CALL-${ymd(d.receivedAt)}-${pad(rng.int(1, 9999), 4)}`) : null,
    jointComplainants: joint,
    complainant: d.complainant,
    customerGroup: demoCustomerGroup(d.index, d.businessLine),
  };
}

/**
 * Who the complainant is, spread as a real ledger has it and drawn from the index alone (no random
 * draw, so the rest of the demo stays as it was): mostly individuals, seniors, small businesses,
 * professional investors on the securities lines, and about one in ten not recorded.
 */
export function demoCustomerGroup(index: number, businessLine: string): string | null {
  const n = (index * 37 + 11) % 100;
  if (n < 10) return null;
  if (n < 20) return 'senior';
  if (n < 28) return 'small_business';
  if (n < 31) return 'institution';
  if (n < 33) return 'other';
  if (n < 43 && !INSURANCE_LINES.has(businessLine)) return 'professional_investor';
  return 'individual';
}

/** The default policy's proposal for each input in order, with the repeat and same-matter facts the intake finds. */
function proposals(inputs: readonly IntakeInput[]): Level[] {
  const windowOf = (days: number) => days * DAY;
  /** latest receipt per contact key and category (inputs come sorted by receipt) */
  const byContact = new Map<string, number>();
  const byMatter = new Map<string, Array<{ at: number; product: string | null }>>();
  return inputs.map((input) => {
    const at = input.receivedAt?.getTime() ?? 0;
    const keys = contactKeys(input.complainant).map((k) => `${k}|${input.category}`);
    const repeat = keys.some((k) => (byContact.get(k) ?? -Infinity) >= at - windowOf(defaultPolicy.repeatWindowDays));
    for (const k of keys) byContact.set(k, at);
    const matterKey = `${input.businessLine}|${input.category}`;
    const matter = byMatter.get(matterKey) ?? [];
    const since = at - windowOf(defaultPolicy.massIncident.windowDays);
    let same = 0;
    for (let i = matter.length - 1; i >= 0 && (matter[i]?.at ?? -Infinity) >= since; i--) {
      if (!input.product || matter[i]?.product === input.product) same++;
    }
    matter.push({ at, product: input.product ?? null });
    byMatter.set(matterKey, matter);
    return proposeLevel(
      {
        businessLine: input.businessLine,
        amount: input.amount ?? null,
        riskFlags: input.riskFlags,
        urgent: input.urgent,
        text: [input.description, input.requestedRemedy ?? ''].join('\n'),
        jointComplainants: input.jointComplainants,
        sameMatterRecentCount: same + 1,
        repeatComplaint: repeat,
        regulatorReferral: input.channel === 'regulator_referral',
      },
      defaultPolicy,
    ).level;
  });
}

function grade(rng: Rng, input: IntakeInput, proposed: Level): DemoComplaint['grade'] {
  if (!rng.chance(0.3)) return undefined;
  const fixed = input.channel === 'regulator_referral' || input.jointComplainants >= defaultPolicy.majorComplaint.jointComplainants;
  if (fixed || !rng.chance(0.25)) return { level: proposed, reason: rng.pick(CONFIRM_REASONS) };
  const level: Level = proposed === 2 ? (rng.chance(0.7) ? 3 : 1) : 2;
  return { level, reason: rng.pick(OVERRIDE_REASONS[`${proposed}>${level}`] ?? ['人工复核调整']) };
}

/**
 * `count` demo complaints received over the 90 days before `now`, sorted by receipt. About 5% are a
 * second complaint of the same complainant (same phone, same category) within 25 days of the first.
 */
export function generateDemoComplaints(count: number, now: Date, seed = DEMO_SEED): DemoComplaint[] {
  const rng = new Rng(seed);
  const nowMs = now.getTime();
  const used: Used = { phones: new Set(), emails: new Set(), calls: new Set() };
  const repeats = Math.floor(count / 20);
  const base = count - repeats;
  const channels = deck(rng, CHANNEL_MIX, count);
  const l1 = Math.round(count * 0.08);
  const l2 = Math.round(count * 0.09);
  const signals = deck<Signal | null>(
    rng,
    [
      ['legal', Math.round(l1 * 0.4)],
      ['regulator', Math.round(l1 * 0.35)],
      ['mass', l1 - Math.round(l1 * 0.4) - Math.round(l1 * 0.35)],
      ['media', Math.round(l2 * 0.7)],
      ['agitated', l2 - Math.round(l2 * 0.7)],
      [null, Math.max(0, base - l1 - l2)],
    ],
    base,
  );

  const drafts: Draft[] = [];
  for (let i = 0; i < base; i++) drafts.push(baseDraft(rng, used, i, channels[i] ?? 'hotline', signals[i] ?? null, nowMs));
  assignAmounts(rng, drafts);
  const firsts = rng
    .shuffle(drafts.filter((d) => d.complainant.phone && d.signal !== 'mass' && d.receivedAt <= nowMs - 2 * DAY))
    .slice(0, repeats);
  firsts.forEach((first, j) => drafts.push(repeatDraft(rng, used, base + j, channels[base + j] ?? 'hotline', first, nowMs)));

  drafts.sort((a, b) => a.receivedAt - b.receivedAt || a.index - b.index);
  const inputs = drafts.map((d) => toInput(rng, d, used));
  const levels = proposals(inputs);
  return inputs.map((input, i) => {
    const [min, max] = REGISTRATION_DELAY_MINUTES[input.channel] ?? [5, 60];
    const at = input.receivedAt?.getTime() ?? nowMs;
    const registeredAt = new Date(Math.min(at + rng.int(min * 60, max * 60) * 1000, nowMs));
    const g = grade(rng, input, levels[i] ?? 3);
    return g ? { input, registeredAt, grade: g } : { input, registeredAt };
  });
}
