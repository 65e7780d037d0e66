import { describe, expect, it } from 'vitest';
import { formField, intakeBody, previewable } from './intake-body';

describe('intake form body (issue #5)', () => {
  it('a hotline form keeps the call reference, leaves empty fields out and trims text', () => {
    const body = intakeBody('hotline', {
      name: ' 张三 ',
      phone: '138 1234 5678',
      email: '',
      businessLine: 'property_casualty',
      category: 'claims_dispute',
      description: '理赔慢',
      amount: '12,000.50',
      callReference: 'CALL-1',
      branchId: 'SH-PD',
      riskFlags: ['media'],
    });
    expect(body).toEqual({
      channel: 'hotline',
      businessLine: 'property_casualty',
      category: 'claims_dispute',
      description: '理赔慢',
      urgent: false,
      riskFlags: ['media'],
      jointComplainants: 1,
      complainant: { name: '张三', phone: '138 1234 5678' },
      amount: '12000.50',
      callReference: 'CALL-1',
    });
  });

  it('a branch form sends the branch, a letter form its received time; neither a call reference', () => {
    expect(intakeBody('branch', { branchId: 'SH-PD', callReference: 'x' })).toMatchObject({ channel: 'branch', branchId: 'SH-PD' });
    expect(intakeBody('branch', { branchId: 'SH-PD', callReference: 'x' })).not.toHaveProperty('callReference');
    const letter = intakeBody('letter', { receivedAt: '2026-11-20T02:00:00.000Z', branchId: 'SH-PD' });
    expect(letter).toMatchObject({ channel: 'letter', receivedAt: '2026-11-20T02:00:00.000Z' });
    expect(letter).not.toHaveProperty('branchId');
  });

  it('#14: the major-complaint facts: a cause, the regulator naming it with its reference (none unless named)', () => {
    expect(
      intakeBody('hotline', { majorCause: 'disaster', regulatorNamed: true, regulatorReference: ' 金监函〔2026〕1号 ' }),
    ).toMatchObject({
      majorCause: 'disaster',
      regulatorNamed: true,
      regulatorReference: '金监函〔2026〕1号',
    });
    const plain = intakeBody('hotline', { majorCause: null, regulatorNamed: false, regulatorReference: 'x' });
    expect(plain).not.toHaveProperty('majorCause');
    expect(plain).not.toHaveProperty('regulatorNamed');
    expect(plain).not.toHaveProperty('regulatorReference');
  });

  it('a preview needs the matter and a way to reach the complainant', () => {
    const base = { name: '张三', businessLine: 'life', category: 'sales', description: '误导销售' };
    expect(previewable(base)).toBe(false);
    expect(previewable({ ...base, address: '上海' })).toBe(true);
    expect(previewable({ ...base, phone: '138', description: '  ' })).toBe(false);
  });

  it('maps server field names to form fields', () => {
    const shown = new Set(['name', 'phone', 'amount', 'description']);
    expect(formField('complainant.phone', shown)).toBe('phone');
    expect(formField('body.complainant.name', shown)).toBe('name');
    expect(formField('amount', shown)).toBe('amount');
    expect(formField('callReference', shown)).toBeNull();
    expect(formField('complainant', shown)).toBe('name');
  });
});
