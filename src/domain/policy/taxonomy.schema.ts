/**
 * Schemas of the editable classification lists (channels, business lines, categories, causes,
 * outcomes). Labels and the active flag are editable; codes are stable identifiers stored on
 * complaints, so a code once used should be deactivated rather than removed.
 */
import { z } from 'zod';
import { CHANNEL_CODES, SECTORS, SNAKE_CASE_CODE } from '../codes.js';
import { DEFAULT_CATEGORY_LINES } from './category-lines.js';
import { DEFAULT_CUSTOMER_GROUP_ENTRIES } from './customer-groups.js';

export const taxonomyCodeSchema = z
  .string()
  .max(64, 'code must be at most 64 characters')
  .regex(SNAKE_CASE_CODE, 'code must be snake_case: lower-case letters, digits and single underscores');

const labelSchema = z.string().trim().min(1, 'label must not be empty').max(200);

const entryShape = {
  code: taxonomyCodeSchema,
  zh: labelSchema,
  en: labelSchema,
  active: z.boolean(),
};

export const taxonomyEntrySchema = z.strictObject(entryShape);
export type TaxonomyEntry = z.infer<typeof taxonomyEntrySchema>;

/** Channels are a fixed set of codes (domain/codes.ts): every one must be listed, none added. */
export { CHANNEL_CODES };
export const channelCodeSchema = z.enum(CHANNEL_CODES);
export type ChannelCode = z.infer<typeof channelCodeSchema>;

export const channelEntrySchema = z.strictObject({ ...entryShape, code: channelCodeSchema });
export type ChannelEntry = z.infer<typeof channelEntrySchema>;

export const sectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof sectorSchema>;

export const businessLineEntrySchema = z.strictObject({ ...entryShape, sector: sectorSchema });
export type BusinessLineEntry = z.infer<typeof businessLineEntrySchema>;

/** A non-empty list whose codes are unique; a duplicate is reported at the second occurrence. */
function uniqueCodeList<T extends z.ZodType<{ code: string }>>(entry: T) {
  return z
    .array(entry)
    .min(1, 'list must not be empty')
    .superRefine((entries, ctx) => {
      const seen = new Set<string>();
      entries.forEach((item, index) => {
        if (seen.has(item.code)) {
          ctx.addIssue({
            code: 'custom',
            message: `duplicate code '${item.code}'`,
            path: [index, 'code'],
            params: { reason: 'duplicate_code', code: item.code },
          });
        }
        seen.add(item.code);
      });
    });
}

export const taxonomiesSchema = z.strictObject({
  channels: uniqueCodeList(channelEntrySchema).superRefine((entries, ctx) => {
    const present = new Set(entries.map((item) => item.code));
    for (const code of CHANNEL_CODES) {
      if (!present.has(code)) {
        ctx.addIssue({
          code: 'custom',
          message: `channel '${code}' is built in and must be listed (set active: false to hide it)`,
          params: { reason: 'missing_channel', code },
        });
      }
    }
  }),
  businessLines: uniqueCodeList(businessLineEntrySchema),
  categories: uniqueCodeList(taxonomyEntrySchema),
  causes: uniqueCodeList(taxonomyEntrySchema),
  outcomes: uniqueCodeList(taxonomyEntrySchema),
  /** the complainant's customer group (#13, R-F2); policies stored before it get the default list */
  customerGroups: uniqueCodeList(taxonomyEntrySchema).default(() => DEFAULT_CUSTOMER_GROUP_ENTRIES.map((e) => ({ ...e }))),
  /** category code -> the business line codes it belongs to; unlisted categories belong to every line (category-lines.ts) */
  categoryLines: z
    .record(taxonomyCodeSchema, z.array(taxonomyCodeSchema).max(100))
    .default(() => structuredClone(DEFAULT_CATEGORY_LINES) as Record<string, string[]>),
});
export type Taxonomies = z.infer<typeof taxonomiesSchema>;
