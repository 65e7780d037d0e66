/** The seed list of customer groups (#13, R-F2): who the complainant is, for statistics by customer group. */
import { DEFAULT_CUSTOMER_GROUPS } from '../codes.js';

const LABELS: Record<(typeof DEFAULT_CUSTOMER_GROUPS)[number], [zh: string, en: string]> = {
  individual: ['个人客户', 'Individual customer'],
  senior: ['老年客户', 'Senior customer'],
  small_business: ['小微企业', 'Small business'],
  institution: ['机构客户', 'Institutional customer'],
  professional_investor: ['专业投资者', 'Professional investor'],
  other: ['其他', 'Other'],
};

export const DEFAULT_CUSTOMER_GROUP_ENTRIES: ReadonlyArray<{ code: string; zh: string; en: string; active: boolean }> =
  DEFAULT_CUSTOMER_GROUPS.map((code) => ({ code, zh: LABELS[code][0], en: LABELS[code][1], active: true }));
