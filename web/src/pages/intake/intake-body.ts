/**
 * The new-complaint form's values and the API body they make (POST /api/complaints and
 * /api/complaints/preview), and the way back from the server's field names to the form's.
 * Pure: unit-tested in intake-body.test.ts.
 */
import type { ChannelCode } from '../../codes';

/** The form's three ways in: a call, a visit at a branch, a letter (each is its channel). */
export const INTAKE_MODES = ['hotline', 'branch', 'letter'] as const satisfies readonly ChannelCode[];
export type IntakeMode = (typeof INTAKE_MODES)[number];

export interface IntakeValues {
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
  idType?: string;
  idNumber?: string;
  account?: string;
  businessLine?: string;
  category?: string;
  product?: string;
  description?: string;
  requestedRemedy?: string;
  amount?: string;
  urgent?: boolean;
  riskFlags?: string[];
  jointComplainants?: number | null;
  /** a local date-time from the date picker, as an ISO instant */
  receivedAt?: string | null;
  callReference?: string;
  branchId?: string;
  subjectParty?: string;
  /** who the complainant is (#13): a code of the policy's customer groups */
  customerGroup?: string;
  /** major complaints (#14): a disaster / accident / public-health cause; named by the regulator, with its reference */
  majorCause?: string | null;
  regulatorNamed?: boolean;
  regulatorReference?: string;
  /** a complaint about how this earlier complaint was handled (#14, R-E5): its number */
  aboutComplaint?: string;
}

const text = (v: string | undefined): string | undefined => {
  const s = v?.trim();
  return s ? s : undefined;
};

/** The API body for a form in one of the three entry modes; empty fields are left out. */
export function intakeBody(mode: IntakeMode, v: IntakeValues): Record<string, unknown> {
  const body: Record<string, unknown> = {
    channel: mode,
    businessLine: v.businessLine,
    category: v.category,
    description: text(v.description),
    urgent: v.urgent ?? false,
    riskFlags: v.riskFlags ?? [],
    jointComplainants: v.jointComplainants ?? 1,
    complainant: Object.fromEntries(
      Object.entries({
        name: text(v.name),
        phone: text(v.phone),
        email: text(v.email),
        address: text(v.address),
        idType: v.idType || undefined,
        idNumber: text(v.idNumber),
        account: text(v.account),
      }).filter(([, x]) => x !== undefined),
    ),
  };
  const optional: Record<string, string | null | undefined> = {
    product: text(v.product),
    requestedRemedy: text(v.requestedRemedy),
    amount: text(v.amount)?.replace(/,/g, ''),
    receivedAt: v.receivedAt ?? undefined,
    callReference: mode === 'hotline' ? text(v.callReference) : undefined,
    branchId: mode === 'branch' ? v.branchId || undefined : undefined,
    subjectParty: text(v.subjectParty),
    customerGroup: v.customerGroup || undefined,
    majorCause: v.majorCause || undefined,
    aboutComplaint: text(v.aboutComplaint)?.toUpperCase(),
    regulatorReference: v.regulatorNamed ? text(v.regulatorReference) : undefined,
  };
  if (v.regulatorNamed) body.regulatorNamed = true;
  for (const [k, x] of Object.entries(optional)) if (x !== undefined && x !== null) body[k] = x;
  return body;
}

/** Enough is filled in for a preview to say something useful. */
export function previewable(v: IntakeValues): boolean {
  return Boolean(
    v.businessLine && v.category && text(v.description) && text(v.name) && (text(v.phone) || text(v.email) || text(v.address)),
  );
}

const COMPLAINANT_FIELDS = new Set(['name', 'phone', 'email', 'address', 'idType', 'idNumber', 'account']);

/**
 * The form field a server field error belongs to: `complainant.phone` and `body.complainant.phone`
 * are the form's `phone`; `amount` is `amount`; anything the form does not show is null.
 */
export function formField(serverField: string, shown: ReadonlySet<string>): string | null {
  const path = serverField.replace(/^body\./, '').split('.');
  const name = path[0] === 'complainant' ? (path[1] ?? 'name') : path[0];
  if (!name) return null;
  if (path[0] === 'complainant' && !COMPLAINANT_FIELDS.has(name)) return null;
  return shown.has(name) ? name : null;
}
