/**
 * The `cfpb` mapping: the US Consumer Financial Protection Bureau's consumer complaint database
 * (banks, credit reporting, loans, debt collection). It holds no insurance or securities products,
 * and our business lines are those two sectors only, so the mapping reads it as a securities
 * firm's customer business (documented in docs/architecture.md, "Historical import"):
 * - deposit, payment and money-transfer products are the account and funds business -> `brokerage`;
 *   every credit product (cards, loans, mortgages, debt collection, credit reports) is the credit
 *   business -> `margin_financing`;
 * - the category comes from the `Issue` text (cfpbCategory): debt collection and its tactics ->
 *   marketing_harassment (营销骚扰与催收), credit reports and identity -> personal_data, fees and
 *   interest -> commissions_fees, opening/closing/managing an account -> account_opening_closing,
 *   advertising and applications -> product_sales, payments, statements and servicing ->
 *   policy_account_service, websites and apps -> system_outage, the rest -> other;
 * - channel from `Submitted via` (Web web, Phone hotline, Postal mail and Fax letter, Email email,
 *   Referral regulator_referral), product = `Product` as written;
 * - closed: every `Company response to consumer` but "In progress" and "Untimely response" (those are
 *   open and planned like new complaints). The data set has no closing date: a closed complaint is
 *   closed on `Date sent to company` (the last date it holds; the received date when that is empty),
 *   so its handling time is a lower bound. Outcome: monetary relief upheld, non-monetary relief
 *   partly upheld, explanation or no relief not upheld;
 * - causes from `Company public response` where the company named one (misunderstanding, third
 *   party, isolated error, room for improvement); none otherwise;
 * - customer group senior for the tag "Older American", else individual; the complainant is
 *   "CFPB consumer" with the state and ZIP code as address.
 * The narrative, when the consumer published one, heads the description, then every column.
 */
import { checkDates, originalValues, textIssues, type ImportedOutcome, type ImportMappingSpec, type ImportRowIssue } from './import-row.js';

const C = {
  received: 'Date received',
  product: 'Product',
  issue: 'Issue',
  narrative: 'Consumer complaint narrative',
  publicResponse: 'Company public response',
  company: 'Company',
  state: 'State',
  zip: 'ZIP code',
  tags: 'Tags',
  via: 'Submitted via',
  sent: 'Date sent to company',
  response: 'Company response to consumer',
  id: 'Complaint ID',
} as const;

const CHANNELS: Readonly<Record<string, string>> = {
  web: 'web',
  phone: 'hotline',
  'postal mail': 'letter',
  fax: 'letter',
  email: 'email',
  referral: 'regulator_referral',
  'web referral': 'regulator_referral',
};

export function cfpbChannel(via: string): string {
  return CHANNELS[via.trim().toLowerCase()] ?? 'other';
}

/** Deposit, payment and transfer products: the account business; everything else is credit. */
export function cfpbBusinessLine(product: string): 'brokerage' | 'margin_financing' {
  return /checking|savings|bank account|money transfer|virtual currency|money service|other financial service|^prepaid card$/i.test(product)
    ? 'brokerage'
    : 'margin_financing';
}

const CATEGORY_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/debt|collect|communication tactics|threatened|harass|contact/i, 'marketing_harassment'],
  [
    /report|credit (file|monitoring|score)|identity|privacy|personal information|fraud alert|security freeze|investigation/i,
    'personal_data',
  ],
  [/fee|interest|\bapr\b|charged|billing|rate\b|cost/i, 'commissions_fees'],
  [/opening|closing|managing an account|close|open/i, 'account_opening_closing'],
  [/advertis|marketing|promot|getting a |applying|application|shopping|offer|credit decision/i, 'product_sales'],
  [/website|online|mobile|technical|\bapp\b/i, 'system_outage'],
  [
    /payment|transaction|deposit|withdraw|servic|statement|purchase|transfer|struggling|modification|escrow|repay|lender|loan|lease|mortgage|balance|funds|card|payoff|managing|unable to pay|money/i,
    'policy_account_service',
  ],
];

export function cfpbCategory(issue: string): string {
  return CATEGORY_RULES.find(([re]) => re.test(issue))?.[1] ?? 'other';
}

const OPEN_RESPONSES = ['in progress', 'untimely response'];

export function cfpbOutcome(response: string): ImportedOutcome | null {
  const r = response.trim().toLowerCase();
  if (r === '' || OPEN_RESPONSES.includes(r)) return null;
  if (r.includes('monetary relief') && !r.includes('non-monetary')) return 'upheld';
  if (r.includes('non-monetary relief') || r === 'closed with relief') return 'partly_upheld';
  return 'not_upheld';
}

const CAUSES: ReadonlyArray<readonly [RegExp, string]> = [
  [/misunderstanding/i, 'customer_misunderstanding'],
  [/third party/i, 'third_party'],
  [/isolated error/i, 'internal_management'],
  [/opportunity for improvement/i, 'business_process'],
];

export function cfpbCauses(publicResponse: string): string[] {
  return CAUSES.filter(([re]) => re.test(publicResponse)).map(([, cause]) => cause);
}

export const cfpbMapping: ImportMappingSpec = {
  mapping: 'cfpb',
  source: 'cfpb',
  label: { zh: '美国消费者金融保护局投诉数据', en: 'CFPB consumer complaints' },
  requiredColumns: [C.received, C.product, C.issue, C.via, C.response, C.id],
  idColumn: C.id,
  map(row, today) {
    const issues: ImportRowIssue[] = [];
    const sourceId = (row[C.id] ?? '').trim() || null;
    if (!sourceId) issues.push({ column: C.id, problem: 'required' });
    const product = (row[C.product] ?? '').trim();
    if (product === '') issues.push({ column: C.product, problem: 'required' });
    const outcome = cfpbOutcome(row[C.response] ?? '');
    const { receivedOn, closedOn: sentOn } = checkDates(
      { column: C.received, value: row[C.received] ?? '' },
      { column: C.sent, value: row[C.sent] ?? '' },
      today,
      issues,
    );
    const narrative = (row[C.narrative] ?? '').trim();
    const heading = `[CFPB ${sourceId ?? ''}] ${narrative === '' ? (row[C.issue] ?? '').trim() : narrative}`;
    const description = originalValues(heading, row, [C.narrative]);
    issues.push(...textIssues(row, description));
    if (issues.length > 0 || !sourceId || !receivedOn) return { ok: false, sourceId, issues };
    const address = [row[C.state], row[C.zip]].map((v) => (v ?? '').trim()).filter((v) => v !== '');
    return {
      ok: true,
      complaint: {
        sourceId,
        channel: cfpbChannel(row[C.via] ?? ''),
        businessLine: cfpbBusinessLine(product),
        category: cfpbCategory(row[C.issue] ?? ''),
        product,
        description,
        receivedOn,
        closedOn: outcome === null ? null : (sentOn ?? receivedOn),
        outcome,
        causes: cfpbCauses(row[C.publicResponse] ?? ''),
        customerGroup: /older american/i.test(row[C.tags] ?? '') ? 'senior' : 'individual',
        complainantName: 'CFPB consumer',
        complainantAddress: address.length > 0 ? address.join(' ') : null,
        subjectParty: (row[C.company] ?? '').trim() || null,
      },
    };
  },
};
