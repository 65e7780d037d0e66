/**
 * The complaint channels the portal shows (policy §2.1, §7.3; R-G3): hotlines with their hours, the
 * complaint e-mail address, the postal address, the website, the mobile app, the WeChat official
 * account and the branches. Administrators edit them (系统管理 → 门户与宣传); each saved document is
 * a new version. Texts a reader sees in their language are `{ zh, en }`; an empty English text falls
 * back to the Chinese one.
 */
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

/** A text in Simplified Chinese and (optionally) English. */
export const localizedTextSchema = z.strictObject({
  zh: text(300),
  en: z.string().trim().max(300).default(''),
});
export type LocalizedText = z.output<typeof localizedTextSchema>;

/** A telephone number as people write it: digits, spaces, +, -, parentheses (95xxx, 400-xxx-xxxx, 021-xxxxxxxx). */
export const phoneNumberSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{2,28}[0-9]$/, { message: 'invalid_phone_number' });

export const hotlineSchema = z.strictObject({
  number: phoneNumberSchema,
  /** what the number is for, e.g. 客服热线 / 投诉专线 */
  label: localizedTextSchema,
  hours: localizedTextSchema,
});

export const branchSchema = z.strictObject({
  name: localizedTextSchema,
  address: localizedTextSchema,
  hours: localizedTextSchema,
  phone: phoneNumberSchema,
});

export const portalChannelsSchema = z.strictObject({
  companyName: localizedTextSchema,
  hotlines: z.array(hotlineSchema).min(1).max(5),
  email: z.email().max(200),
  postal: z.strictObject({
    address: localizedTextSchema,
    recipient: localizedTextSchema,
    postCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, { message: 'invalid_post_code' }),
  }),
  website: z.strictObject({ name: localizedTextSchema, url: z.url({ protocol: /^https?$/ }).max(300) }),
  app: z.strictObject({ name: localizedTextSchema }),
  wechat: z.strictObject({ name: localizedTextSchema, account: text(60) }),
  branches: z.array(branchSchema).max(100),
});
export type PortalChannels = z.output<typeof portalChannelsSchema>;
export type PortalChannelsInput = z.input<typeof portalChannelsSchema>;

export type PortalLanguage = 'zh-CN' | 'en';

/** The text in the reader's language, or the Chinese one when there is no English text. */
export function inLanguage(t: LocalizedText, language: PortalLanguage): string {
  return language === 'en' && t.en !== '' ? t.en : t.zh;
}

/** The channels as one reader sees them: every text in their language. */
export function channelsFor(c: PortalChannels, language: PortalLanguage) {
  const l = (t: LocalizedText) => inLanguage(t, language);
  return {
    companyName: l(c.companyName),
    hotlines: c.hotlines.map((h) => ({ number: h.number, label: l(h.label), hours: l(h.hours) })),
    email: c.email,
    postal: { address: l(c.postal.address), recipient: l(c.postal.recipient), postCode: c.postal.postCode },
    website: { name: l(c.website.name), url: c.website.url },
    app: { name: l(c.app.name) },
    wechat: { name: l(c.wechat.name), account: c.wechat.account },
    branches: c.branches.map((b) => ({ name: l(b.name), address: l(b.address), hours: l(b.hours), phone: b.phone })),
  };
}
export type LocalizedChannels = ReturnType<typeof channelsFor>;
