/**
 * The `tdi` mapping: Texas Department of Insurance complaint records ("Insurance complaints: All
 * data", data.texas.gov), one row per complaint and respondent company. Every such complaint was
 * filed with the state regulator and passed to the company, so its channel is a regulator referral.
 *
 * - id: `Complaint number/Respondent ID` (one complaint filed against two State Farm companies is
 *   two rows with the same complaint number, one per respondent; each is a complaint to answer)
 * - business line from `Coverage type` (life, health, else property & casualty), the product is the
 *   coverage type as written (Automobile, Homeowners…), so statistics by product are by coverage type
 * - `Reason complaint filed` holds one or more reasons separated by ';': each maps to a category and
 *   a cause (TDI_REASONS); the causes go to the analysis record, the category is the highest of the
 *   reasons' categories in CATEGORY_PRIORITY (a claim dispute over a premium question, say)
 * - closed complaints: `Closed date`, outcome from `Confirmed complaint` and `How resolved`
 *   (tdiOutcome); a row without a closed date is open and planned like a new complaint
 * - customer group from `Complainant type` (INDV individual, ORG institution); the complainant's
 *   name is the role that filed it (`Complaint filed by`: Insured, Third Party, Attorney…)
 * Reasons the table does not know map to category and cause `other`; the row's every column is
 * kept in the description, so nothing of the source is lost.
 */
import { checkDates, originalValues, textIssues, type ImportedOutcome, type ImportMappingSpec, type ImportRowIssue } from './import-row.js';

type Category =
  | 'claims_dispute'
  | 'surrender_refund'
  | 'underwriting'
  | 'premiums_fees'
  | 'product_sales'
  | 'policy_account_service'
  | 'personal_data'
  | 'other';
type Cause =
  | 'staff_service'
  | 'business_process'
  | 'internal_management'
  | 'product_design'
  | 'sales_practice'
  | 'information_disclosure'
  | 'pricing_fees'
  | 'information_security'
  | 'third_party'
  | 'other';

/** The complaint's category when its reasons map to several: the first of these among them. */
export const CATEGORY_PRIORITY: readonly Category[] = [
  'claims_dispute',
  'surrender_refund',
  'underwriting',
  'premiums_fees',
  'product_sales',
  'policy_account_service',
  'personal_data',
  'other',
];

/** TDI reason (as written, case-insensitive) -> our category and cause. */
export const TDI_REASONS: Readonly<Record<string, readonly [Category, Cause]>> = {
  'delays (claims handling)': ['claims_dispute', 'business_process'],
  'cust service claim handling': ['claims_dispute', 'staff_service'],
  'unsatisfactory settle/offer': ['claims_dispute', 'business_process'],
  'denial of claim': ['claims_dispute', 'product_design'],
  'liability dispute': ['claims_dispute', 'third_party'],
  'post-claim underwriting': ['claims_dispute', 'business_process'],
  'assignment of benefits': ['claims_dispute', 'business_process'],
  'notice requirements': ['claims_dispute', 'business_process'],
  'usual and customary': ['claims_dispute', 'business_process'],
  'unfair discrim-clms handling': ['claims_dispute', 'internal_management'],
  'claimant fraud': ['claims_dispute', 'third_party'],
  'medical necessity': ['claims_dispute', 'business_process'],
  'coordination of benefits': ['claims_dispute', 'business_process'],
  'recoupment of claims payment': ['claims_dispute', 'business_process'],
  'pre-existing condition': ['claims_dispute', 'product_design'],
  'policy exclusion': ['claims_dispute', 'product_design'],
  'delays in authorization': ['claims_dispute', 'business_process'],
  'deficient claim notice': ['claims_dispute', 'business_process'],
  'claim recoding/bundling': ['claims_dispute', 'business_process'],
  'balance billing': ['claims_dispute', 'pricing_fees'],
  'duplication of coverage': ['claims_dispute', 'product_design'],
  disaster: ['claims_dispute', 'other'],
  'refund of premium': ['surrender_refund', 'pricing_fees'],
  cancellation: ['surrender_refund', 'business_process'],
  'cash value': ['surrender_refund', 'product_design'],
  'non-renewal': ['underwriting', 'business_process'],
  'delays (underwriting)': ['underwriting', 'business_process'],
  'refusal to insure': ['underwriting', 'business_process'],
  'use of clue reports': ['underwriting', 'information_security'],
  'use of credit reports': ['underwriting', 'information_security'],
  'unfair discrimination': ['underwriting', 'internal_management'],
  'declination of verification': ['underwriting', 'business_process'],
  'increased dwelling coverage': ['underwriting', 'product_design'],
  'premium and rating': ['premiums_fees', 'pricing_fees'],
  'premium notice': ['premiums_fees', 'pricing_fees'],
  'excessive rates': ['premiums_fees', 'pricing_fees'],
  'ppaca-premium rate increase': ['premiums_fees', 'pricing_fees'],
  'premium subsidy': ['premiums_fees', 'pricing_fees'],
  misrepresentation: ['product_sales', 'sales_practice'],
  'misleading advertising': ['product_sales', 'sales_practice'],
  'agent handling': ['product_sales', 'staff_service'],
  'improper inducements': ['product_sales', 'sales_practice'],
  'unauthorized acts': ['product_sales', 'staff_service'],
  'delays (policyholder service)': ['policy_account_service', 'business_process'],
  'cust srvc policy holder srvcs': ['policy_account_service', 'staff_service'],
  'endorsement / rider': ['policy_account_service', 'product_design'],
  'identification card issue': ['policy_account_service', 'business_process'],
  'dependent coverage': ['policy_account_service', 'product_design'],
  'continuation of benefits': ['policy_account_service', 'product_design'],
  cobra: ['policy_account_service', 'product_design'],
  'summary of benefits': ['policy_account_service', 'information_disclosure'],
  'disclosure of benefits': ['policy_account_service', 'information_disclosure'],
  'non-disclosure of coverage': ['policy_account_service', 'information_disclosure'],
  'material change to contract': ['policy_account_service', 'product_design'],
  'essential health benefit': ['policy_account_service', 'product_design'],
  'access to care': ['policy_account_service', 'business_process'],
  'rehabilitative/habilitative': ['policy_account_service', 'product_design'],
  'language access': ['policy_account_service', 'staff_service'],
  'health privacy': ['personal_data', 'information_security'],
  'prohibited phi disclosure': ['personal_data', 'information_security'],
  'insurer fraud': ['other', 'internal_management'],
  'not within tdi jurisdiction': ['other', 'other'],
  'closed-lack of info cmplainant': ['other', 'other'],
  other: ['other', 'other'],
};

/** The reasons of a row, as written, in order, without blanks or repeats. */
export function tdiReasons(value: string): string[] {
  return [
    ...new Set(
      value
        .split(';')
        .map((r) => r.trim())
        .filter((r) => r !== ''),
    ),
  ];
}

/** Category and causes of a row's reasons (unknown reasons: other). */
export function tdiClassification(reasonsValue: string): { category: Category; causes: Cause[] } {
  const reasons = tdiReasons(reasonsValue);
  const pairs = reasons.map((r) => TDI_REASONS[r.toLowerCase()] ?? (['other', 'other'] as const));
  const categories = new Set(pairs.map(([c]) => c));
  const category = CATEGORY_PRIORITY.find((c) => categories.has(c)) ?? 'other';
  const causes = [...new Set(pairs.map(([, cause]) => cause))];
  return { category, causes: causes.length > 0 ? causes : ['other'] };
}

const LINE_OF_COVERAGE: Readonly<Record<string, 'life' | 'health'>> = {
  'life & annuity': 'life',
  'accident and health': 'health',
};

/** Life and health coverage types map to those lines; auto, home, liability and the rest are P&C. */
export function tdiBusinessLine(coverageType: string, complaintType: string): 'life' | 'health' | 'property_casualty' {
  const byCoverage = LINE_OF_COVERAGE[coverageType.trim().toLowerCase()];
  if (byCoverage) return byCoverage;
  if (coverageType.trim() === '' && /life|health/i.test(complaintType)) return /life/i.test(complaintType) ? 'life' : 'health';
  return 'property_casualty';
}

/** `How resolved` entries that mean the company paid, refunded, restored or corrected something. */
const REMEDIES = [
  'additional payment expected',
  'claim settled',
  'additional monies received',
  'corrective action taken',
  'premium refunded',
  'premium refund',
  'policy issued/restored',
  'non-renewal rescinded',
  'cancellation withdrawn',
  'cash surrender paid',
  'rate problem resolved',
  'taxes paid',
];
const WITHDRAWALS = ['complaint withdrawn', 'consumer withdraw'];

/**
 * Confirmed by TDI: upheld. Not confirmed, but the company paid, refunded or corrected something:
 * partly upheld. Withdrawn by the complainant (and nothing paid): withdrawn. Otherwise not upheld.
 */
export function tdiOutcome(confirmed: string, howResolved: string): ImportedOutcome {
  if (confirmed.trim().toLowerCase() === 'yes') return 'upheld';
  const entries = tdiReasons(howResolved).map((e) => e.toLowerCase());
  if (entries.some((e) => REMEDIES.includes(e) || e.startsWith('stat pen pd'))) return 'partly_upheld';
  if (entries.some((e) => WITHDRAWALS.includes(e))) return 'withdrawn';
  return 'not_upheld';
}

const C = {
  number: 'Complaint number',
  against: 'Complaint filed against',
  by: 'Complaint filed by',
  reason: 'Reason complaint filed',
  confirmed: 'Confirmed complaint',
  resolved: 'How resolved',
  received: 'Received date',
  closed: 'Closed date',
  type: 'Complaint type',
  coverage: 'Coverage type',
  respondent: 'Respondent ID',
  complainantType: 'Complainant type',
} as const;

export const tdiMapping: ImportMappingSpec = {
  mapping: 'tdi',
  source: 'tdi',
  label: { zh: '美国得克萨斯州保险局投诉数据', en: 'Texas Department of Insurance complaints' },
  requiredColumns: [C.number, C.reason, C.received, C.closed, C.coverage, C.respondent],
  idColumn: C.number,
  map(row, today) {
    const issues: ImportRowIssue[] = [];
    const number = (row[C.number] ?? '').trim();
    const respondent = (row[C.respondent] ?? '').trim();
    if (number === '') issues.push({ column: C.number, problem: 'required' });
    const sourceId = number === '' ? null : respondent === '' ? number : `${number}/${respondent}`;
    const { receivedOn, closedOn } = checkDates(
      { column: C.received, value: row[C.received] ?? '' },
      { column: C.closed, value: row[C.closed] ?? '' },
      today,
      issues,
    );
    const description = originalValues(`[TDI ${number}] ${row[C.reason] ?? ''}`.trim(), row);
    issues.push(...textIssues(row, description));
    if (issues.length > 0 || !sourceId || !receivedOn) return { ok: false, sourceId, issues };
    const { category, causes } = tdiClassification(row[C.reason] ?? '');
    const coverage = (row[C.coverage] ?? '').trim();
    const filedBy = (row[C.by] ?? '').trim();
    const open = closedOn === null;
    const complainantType = (row[C.complainantType] ?? '').trim().toUpperCase();
    return {
      ok: true,
      complaint: {
        sourceId,
        channel: 'regulator_referral',
        businessLine: tdiBusinessLine(coverage, row[C.type] ?? ''),
        category,
        product: coverage === '' ? null : coverage,
        description,
        receivedOn,
        closedOn,
        outcome: open ? null : tdiOutcome(row[C.confirmed] ?? '', row[C.resolved] ?? ''),
        causes,
        customerGroup: complainantType === 'INDV' ? 'individual' : complainantType === 'ORG' ? 'institution' : null,
        complainantName: `TDI ${filedBy === '' ? 'complainant' : filedBy}`,
        complainantAddress: null,
        subjectParty: (row[C.against] ?? '').trim() || null,
      },
    };
  },
};
