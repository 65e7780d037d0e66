/**
 * What the portal's and the app's complaint form offers (#12 item 1): the active business lines with
 * their sector and the categories that belong to each (the policy's mapping), in words in the
 * request's language; the attachment rules stated before upload; the code's length and lifetime;
 * and the regulatory decision time the customer can expect.
 */
import { categoriesOfLine } from '../../domain/policy/category-lines.js';
import { currentPolicy } from '../administration/policy.service.js';
import type { ServiceContext } from '../context.js';
import { extensionsOf } from '../workflow/handlers/evidence-file.js';
import type { PortalSettings } from './portal-settings.js';

export interface IntakeOptions {
  businessLines: Array<{
    code: string;
    label: string;
    sector: 'insurance' | 'securities';
    categories: Array<{ code: string; label: string }>;
  }>;
  attachments: { maxFiles: number; maxBytes: number; types: string[]; extensions: string[] };
  codeLength: number;
  codeTtlSeconds: number;
  expectedDays: number;
}

export async function intakeOptions(ctx: ServiceContext, settings: PortalSettings, locale: 'zh-CN' | 'en-US'): Promise<IntakeOptions> {
  const { policy } = await currentPolicy(ctx.db);
  const label = (e: { zh: string; en: string }) => (locale === 'en-US' ? e.en : e.zh);
  const categories = policy.taxonomies.categories.filter((c) => c.active);
  const types = [...settings.evidence.contentTypes];
  return {
    businessLines: policy.taxonomies.businessLines
      .filter((l) => l.active)
      .map((l) => ({
        code: l.code,
        label: label(l),
        sector: l.sector,
        categories: categoriesOfLine(categories, policy.taxonomies.categoryLines, l.code).map((c) => ({ code: c.code, label: label(c) })),
      })),
    attachments: { maxFiles: settings.maxFiles, maxBytes: settings.evidence.maxBytes, types, extensions: extensionsOf(types) },
    codeLength: settings.code.length,
    codeTtlSeconds: settings.code.ttlSeconds,
    expectedDays: policy.regulatory.decisionDays,
  };
}
