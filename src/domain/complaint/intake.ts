/** Intake rules beyond the shape of the request (R-B1, R-B3, R-B4, R-B6). */
import { categoryFitsLine } from '../policy/category-lines.js';
import type { Policy } from '../policy/policy.schema.js';
import type { RiskFlag } from '../grading/grading.js';
import type { MajorCause } from '../codes.js';
import type { FieldIssue } from '../validation.js';

export interface ComplainantInput {
  name: string;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  idType?: string | null;
  idNumber?: string | null;
  account?: string | null;
}

export interface IntakeInput {
  channel: string;
  businessLine: string;
  category: string;
  product?: string | null;
  description: string;
  requestedRemedy?: string | null;
  amount?: string | null;
  receivedAt?: Date | null;
  urgent: boolean;
  riskFlags: RiskFlag[];
  branch?: string | null;
  /** org unit id or code of the branch (scope); see services/complaints/complaint-placement */
  branchId?: string | null;
  /** departments handling it besides the registering user's (internal callers only) */
  departmentIds?: string[];
  subjectParty?: string | null;
  callReference?: string | null;
  jointComplainants: number;
  complainant: ComplainantInput;
  /** who the complainant is (#13, R-F2): an active code of the policy's customerGroups; optional */
  customerGroup?: string | null;
  /** a complaint about how this earlier complaint was handled (R-E5, #14): its number or id */
  aboutComplaint?: string | null;
  /** major complaints (#14): caused by a disaster, accident or public-health event; named by the regulator (with its reference) */
  majorCause?: MajorCause | null;
  regulatorNamed?: boolean;
  regulatorReference?: string | null;
}

/** A client clock a little ahead of ours is not a future receipt. */
export const RECEIVED_AT_TOLERANCE_MS = 2 * 60_000;

type TaxonomyName = 'channels' | 'businessLines' | 'categories' | 'customerGroups';

function activeCodes(policy: Policy, taxonomy: TaxonomyName): Set<string> {
  return new Set(policy.taxonomies[taxonomy].filter((e) => e.active).map((e) => e.code));
}

/** Every rule an intake breaks, named by field; empty when it may be registered. */
export function intakeIssues(input: IntakeInput, policy: Policy, now: Date): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const checks: Array<[TaxonomyName, string, string]> = [
    ['channels', 'channel', input.channel],
    ['businessLines', 'businessLine', input.businessLine],
    ['categories', 'category', input.category],
  ];
  if (input.customerGroup) checks.push(['customerGroups', 'customerGroup', input.customerGroup]);
  for (const [taxonomy, field, value] of checks) {
    if (!activeCodes(policy, taxonomy).has(value)) issues.push({ field, code: 'unknown_code', params: { taxonomy: field, value } });
  }
  // property insurance has no securities trading (the policy's category -> business line mapping)
  if (issues.length === 0 && !categoryFitsLine(policy.taxonomies.categoryLines, input.category, input.businessLine)) {
    // the message names both by their labels, never by code
    const category = policy.taxonomies.categories.find((e) => e.code === input.category);
    const line = policy.taxonomies.businessLines.find((e) => e.code === input.businessLine);
    issues.push({
      field: 'category',
      code: 'category_not_of_business_line',
      params: {
        value: input.category,
        businessLine: input.businessLine,
        categoryZh: category?.zh ?? input.category,
        categoryEn: category?.en ?? input.category,
        lineZh: line?.zh ?? input.businessLine,
        lineEn: line?.en ?? input.businessLine,
      },
    });
  }
  if (input.receivedAt && input.receivedAt.getTime() > now.getTime() + RECEIVED_AT_TOLERANCE_MS) {
    issues.push({ field: 'receivedAt', code: 'received_at_in_future' });
  }
  const c = input.complainant;
  if (!c.phone && !c.email && !c.address) issues.push({ field: 'complainant', code: 'contact_required' });
  return issues;
}

/** Lower-cased text the ledger's free-text search looks in, taxonomy labels included (理赔 finds 理赔纠纷). */
export function searchText(input: IntakeInput, number: string, policy: Policy): string {
  const label = (taxonomy: TaxonomyName, code: string) => {
    const e = policy.taxonomies[taxonomy].find((x) => x.code === code);
    return e ? `${e.zh} ${e.en}` : code;
  };
  return [
    number,
    input.complainant.name,
    input.description,
    input.requestedRemedy,
    input.subjectParty,
    input.product,
    input.branch,
    input.callReference,
    label('channels', input.channel),
    label('businessLines', input.businessLine),
    label('categories', input.category),
  ]
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .join('\n')
    .toLowerCase();
}
