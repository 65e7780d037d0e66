import { describe, expect, it } from 'vitest';
import { cfpbBusinessLine, cfpbCategory, cfpbChannel, cfpbOutcome } from './cfpb-mapping.js';
import { checkHeader, IMPORT_MAPPING_SPECS, mapRow } from './import-mappings.js';
import { parseSourceDate, policyIssues } from './import-row.js';
import { tdiBusinessLine, tdiClassification, tdiOutcome } from './tdi-mapping.js';
import { defaultPolicy } from '../policy/policy.defaults.js';

describe('import mappings (R-H7)', () => {
  it('reads US and ISO dates and refuses impossible ones', () => {
    expect(parseSourceDate('7/3/2012')).toBe('2012-07-03');
    expect(parseSourceDate('2023-09-08')).toBe('2023-09-08');
    expect(parseSourceDate('2/30/2024')).toBeNull();
    expect(parseSourceDate('13/1/2024')).toBeNull();
    expect(parseSourceDate('yesterday')).toBeNull();
  });

  it('tdi: reasons to the highest category and every cause; coverage to the line; outcome from confirmation and resolution', () => {
    expect(tdiClassification('Cust Service Claim Handling; Premium and Rating; Delays (Claims Handling)')).toEqual({
      category: 'claims_dispute',
      causes: ['staff_service', 'pricing_fees', 'business_process'],
    });
    expect(tdiClassification('Refund Of Premium; Cancellation')).toEqual({
      category: 'surrender_refund',
      causes: ['pricing_fees', 'business_process'],
    });
    expect(tdiClassification('Something New')).toEqual({ category: 'other', causes: ['other'] });
    expect(tdiBusinessLine('Life & Annuity', '')).toBe('life');
    expect(tdiBusinessLine('Accident and Health', '')).toBe('health');
    expect(tdiBusinessLine('Automobile', 'Life, Accident and Health')).toBe('property_casualty');
    expect(tdiOutcome('Yes', 'Question of Fact')).toBe('upheld');
    expect(tdiOutcome('No', 'Question of Fact; Claim Settled')).toBe('partly_upheld');
    expect(tdiOutcome('No', 'Complaint Withdrawn')).toBe('withdrawn');
    expect(tdiOutcome('', 'Information Furnished')).toBe('not_upheld');
  });

  it('cfpb: channel, credit or account business, category by issue, open while in progress', () => {
    expect(cfpbChannel('Postal mail')).toBe('letter');
    expect(cfpbChannel('Referral')).toBe('regulator_referral');
    expect(cfpbChannel('Carrier pigeon')).toBe('other');
    expect(cfpbBusinessLine('Checking or savings account')).toBe('brokerage');
    expect(cfpbBusinessLine('Credit card or prepaid card')).toBe('margin_financing');
    expect(cfpbCategory('Attempts to collect debt not owed')).toBe('marketing_harassment');
    expect(cfpbCategory('Incorrect information on your report')).toBe('personal_data');
    expect(cfpbCategory('Fees or interest')).toBe('commissions_fees');
    expect(cfpbOutcome('In progress')).toBeNull();
    expect(cfpbOutcome('Closed with monetary relief')).toBe('upheld');
    expect(cfpbOutcome('Closed with non-monetary relief')).toBe('partly_upheld');
    expect(cfpbOutcome('Closed with explanation')).toBe('not_upheld');
  });

  it('every mapped row fits the default policy: active codes, category of its line', () => {
    const tdi = IMPORT_MAPPING_SPECS.tdi;
    const header = checkHeader(tdi, [...tdi.requiredColumns, 'Complaint type', 'Confirmed complaint', 'How resolved']).header;
    const cases = ['Denial Of Claim', 'Premium and Rating', 'Non-Renewal', 'Misrepresentation', 'Health Privacy', 'Other'].flatMap(
      (reason) =>
        ['Automobile', 'Life & Annuity', 'Accident and Health'].map((coverage) => {
          const values: Record<string, string> = {
            'Complaint number': '1',
            'Reason complaint filed': reason,
            'Received date': '1/2/2024',
            'Closed date': '2/2/2024',
            'Coverage type': coverage,
            'Respondent ID': '9',
          };
          return mapRow(
            tdi,
            header,
            header.map((h) => values[h] ?? ''),
            '2026-01-01',
          );
        }),
    );
    for (const m of cases) {
      expect(m.ok).toBe(true);
      if (m.ok) expect(policyIssues(m.complaint, defaultPolicy)).toEqual([]);
    }
  });
});
