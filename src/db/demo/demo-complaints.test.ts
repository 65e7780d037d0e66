import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../domain/complaint/contact.js';
import { intakeIssues } from '../../domain/complaint/intake.js';
import { findKeywords } from '../../domain/grading/grading.js';
import { defaultPolicy } from '../../domain/policy/policy.defaults.js';
import { generateDemoComplaints } from './demo-complaints.js';
import { mulberry32 } from '../../domain/random.js';
import { CATEGORY_MIX, CHANNEL_MIX, INSURANCE_LINES, PRODUCTS } from './demo-reference.js';
import { REMEDIES, TEMPLATES, type TextContext } from './demo-texts.js';

const now = new Date('2026-11-25T02:30:00Z'); // 10:30 in Shanghai
const DAY = 86_400_000;
const items = generateDemoComplaints(200, now);
const allKeywords = [...defaultPolicy.keywords.level1, ...defaultPolicy.keywords.level2];
const shanghaiHour = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).getUTCHours();

describe('generateDemoComplaints', () => {
  it('is deterministic: same seed, same output; another seed, other output', () => {
    expect(generateDemoComplaints(200, now)).toEqual(items);
    expect(generateDemoComplaints(200, now, 7)).not.toEqual(items);
    const r1 = mulberry32(42);
    const r2 = mulberry32(42);
    expect([r1(), r1(), r1()]).toEqual([r2(), r2(), r2()]);
  });

  it('gives the requested count, sorted by receipt, within the 90 days before now', () => {
    expect(items).toHaveLength(200);
    expect(generateDemoComplaints(1, now)).toHaveLength(1);
    expect(generateDemoComplaints(37, now)).toHaveLength(37);
    let previous = -Infinity;
    for (const { input, registeredAt } of items) {
      const received = input.receivedAt;
      expect(received).toBeInstanceOf(Date);
      if (!received) continue;
      expect(received.getTime()).toBeGreaterThanOrEqual(previous);
      previous = received.getTime();
      expect(received.getTime()).toBeGreaterThanOrEqual(now.getTime() - 90 * DAY);
      expect(received.getTime()).toBeLessThanOrEqual(registeredAt.getTime());
      expect(registeredAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('mostly arrives in working hours, more often recently', () => {
    const daytime = items.filter(
      ({ input }) => input.receivedAt && shanghaiHour(input.receivedAt) >= 8 && shanghaiHour(input.receivedAt) < 20,
    );
    expect(daytime.length / items.length).toBeGreaterThan(0.75);
    const recent = items.filter(({ input }) => input.receivedAt && now.getTime() - input.receivedAt.getTime() < 30 * DAY);
    const old = items.filter(({ input }) => input.receivedAt && now.getTime() - input.receivedAt.getTime() >= 60 * DAY);
    expect(recent.length).toBeGreaterThan(old.length);
    for (const { input } of items.filter((i) => i.input.channel === 'letter' || i.input.channel === 'regulator_referral')) {
      const hour = input.receivedAt ? shanghaiHour(input.receivedAt) : -1;
      expect(hour).toBeGreaterThanOrEqual(9);
      expect(hour).toBeLessThan(18);
    }
  });

  it('passes the intake rules of the default policy', () => {
    for (const { input } of items) expect(intakeIssues(input, defaultPolicy, now)).toEqual([]);
  });

  it('keeps the channel mix', () => {
    const total = CHANNEL_MIX.reduce((s, [, w]) => s + w, 0);
    for (const [channel, weight] of CHANNEL_MIX) {
      const share = items.filter((i) => i.input.channel === channel).length / items.length;
      expect(Math.abs(share - weight / total)).toBeLessThan(0.03);
    }
  });

  it('uses categories that fit the business line, and a branch for every branch complaint', () => {
    for (const { input } of items) {
      expect(CATEGORY_MIX[input.businessLine]?.map(([c]) => c)).toContain(input.category);
      if (input.channel === 'branch') expect(input.branch).toMatch(/营业部$/);
      if (input.channel === 'hotline') expect(input.callReference).toMatch(/^CALL-\d{8}-\d{4}$/);
      else expect(input.callReference).toBeNull();
    }
  });

  it('links about ten repeat complaints: same phone and category within 30 days', () => {
    let pairs = 0;
    items.forEach((a, i) => {
      for (const b of items.slice(i + 1)) {
        const pa = a.input.complainant.phone;
        const pb = b.input.complainant.phone;
        const gap = (b.input.receivedAt?.getTime() ?? 0) - (a.input.receivedAt?.getTime() ?? 0);
        if (pa && pb && normalizePhone(pa) === normalizePhone(pb)) {
          expect(b.input.category).toBe(a.input.category);
          expect(b.input.complainant.name).toBe(a.input.complainant.name);
          expect(gap).toBeLessThanOrEqual(30 * DAY);
          pairs++;
        }
      }
    });
    expect(pairs).toBeGreaterThanOrEqual(8);
    expect(pairs).toBeLessThanOrEqual(12);
  });

  it('states amounts as two-decimal strings in the intended bands', () => {
    const bands = { none: 0, low: 0, mid: 0, high: 0 };
    for (const { input } of items) {
      const amount = input.amount ?? null;
      if (amount === null) {
        bands.none++;
        continue;
      }
      expect(amount).toMatch(/^\d+\.\d{2}$/);
      const v = Number(amount);
      expect(v).toBeLessThanOrEqual(2_000_000);
      if (v < 10_000) bands.low++;
      else if (v <= 100_000) bands.mid++;
      else bands.high++;
    }
    expect(bands.none).toBeGreaterThanOrEqual(20);
    expect(bands.none).toBeLessThanOrEqual(40);
    expect(bands.mid).toBeGreaterThanOrEqual(40);
    expect(bands.mid).toBeLessThanOrEqual(60);
    expect(bands.high).toBeGreaterThanOrEqual(8);
    expect(bands.high).toBeLessThanOrEqual(16);
  });

  it('writes 40–200 characters and carries level-1 / level-2 signals in about 8% / 10% of texts', () => {
    let l1 = 0;
    let l2Only = 0;
    for (const { input } of items) {
      expect(input.description.length).toBeGreaterThanOrEqual(40);
      expect(input.description.length).toBeLessThanOrEqual(200);
      const text = `${input.description}\n${input.requestedRemedy ?? ''}`;
      if (findKeywords(text, defaultPolicy.keywords.level1).length > 0) l1++;
      else if (findKeywords(text, defaultPolicy.keywords.level2).length > 0) l2Only++;
    }
    expect(l1).toBeGreaterThanOrEqual(12);
    expect(l1).toBeLessThanOrEqual(22);
    expect(l2Only).toBeGreaterThanOrEqual(14);
    expect(l2Only).toBeLessThanOrEqual(28);
  });

  it('has plausible flags, urgency and joint complainants', () => {
    const count = (p: (i: (typeof items)[number]) => boolean) => items.filter(p).length;
    expect(count((i) => i.input.urgent)).toBeGreaterThanOrEqual(8);
    expect(count((i) => i.input.urgent)).toBeLessThanOrEqual(26);
    expect(count((i) => i.input.riskFlags.length === 0)).toBeGreaterThan(140);
    expect(count((i) => i.input.riskFlags.includes('agitated_customer'))).toBeGreaterThanOrEqual(8);
    expect(count((i) => i.input.jointComplainants > 1)).toBeGreaterThanOrEqual(3);
    for (const { input } of items) {
      expect(input.jointComplainants).toBeGreaterThanOrEqual(1);
      expect(input.jointComplainants).toBeLessThanOrEqual(30);
      expect(new Set(input.riskFlags).size).toBe(input.riskFlags.length);
    }
  });

  it('gives well-formed complainants', () => {
    for (const { input } of items) {
      const c = input.complainant;
      expect(c.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      if (c.phone) expect(c.phone).toMatch(/^1[3-9]\d{9}$/);
      if (c.email) expect(c.email).toMatch(/^[a-z0-9._]+@[a-z0-9.]+\.[a-z]+$/);
      if (c.idType) {
        expect(c.idType).toBe('resident_id');
        expect(c.idNumber).toMatch(/^\d{17}[\dX]$/);
      }
      if (c.account) expect(c.account).toMatch(/^(P20\d{12}|[A0]\d{9})$/);
      if (input.channel === 'email') expect(c.email).toBeTruthy();
      if (input.channel === 'letter') expect(c.address).toBeTruthy();
    }
  });

  it('grades about 30%, confirmations at the proposed level and overrides with a reason', () => {
    const graded = items.filter((i) => i.grade);
    expect(graded.length).toBeGreaterThanOrEqual(40);
    expect(graded.length).toBeLessThanOrEqual(80);
    const confirmations = graded.filter((i) => i.grade?.reason.includes('系统'));
    expect(confirmations.length).toBeGreaterThan(graded.length / 2);
    for (const { grade } of graded) {
      expect([1, 2, 3]).toContain(grade?.level);
      expect(grade?.reason.trim()).not.toBe('');
    }
  });
});

describe('demo texts', () => {
  const sample = (agent: boolean, amount: string | null): TextContext => ({
    I: agent ? '客户' : '我',
    my: agent ? '其' : '我的',
    product: '现金增利宝',
    amount,
    date: '11月3日',
    days: 12,
    seller: '业务员',
    place: '营业网点',
  });

  it('has a template for every business line and category of the mix', () => {
    for (const [line, categories] of Object.entries(CATEGORY_MIX)) {
      expect(PRODUCTS[line]?.length).toBeGreaterThan(0);
      for (const [category] of categories) {
        const fitting = (TEMPLATES[category] ?? []).filter((t) => !t.lines || t.lines.includes(line));
        expect(fitting.length, `${line}/${category}`).toBeGreaterThan(0);
        expect(REMEDIES[category]?.length).toBeGreaterThan(0);
      }
      expect(INSURANCE_LINES.has(line) || !categories.some(([c]) => c === 'claims_dispute')).toBe(true);
    }
  });

  it('raises no grading keyword outside the signal sentences', () => {
    for (const [category, templates] of Object.entries(TEMPLATES)) {
      for (const template of templates) {
        for (const ctx of [sample(false, '12800元'), sample(true, null)]) {
          const text = template.text(ctx);
          expect(findKeywords(text, allKeywords), `${category}: ${text}`).toEqual([]);
          // room for an opening, a repeat note, a signal and a closing within 200 characters
          expect(text.length, text).toBeGreaterThanOrEqual(40);
          expect(text.length, text).toBeLessThanOrEqual(130);
        }
      }
    }
    for (const remedies of Object.values(REMEDIES)) {
      for (const remedy of remedies) expect(findKeywords(remedy, allKeywords)).toEqual([]);
    }
  });
});
