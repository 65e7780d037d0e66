import { describe, expect, it } from 'vitest';
import { zh } from '../../i18n/dictionary';
import { pathSegments, policyPathLabel, policyReason, type PathNames } from './policy-paths';

const dict: Record<string, string> = zh;
const names: PathNames = {
  word: (s) => dict[`policyPath.${s}`],
  clock: (k) => dict[`clock.${k}`] ?? k,
  businessLine: (c) => (c === 'property_casualty' ? '财产保险' : c),
  entry: (list, c) => (list === 'categories' && c === 'claims_dispute' ? '理赔纠纷' : c),
  nth: (n) => `第 ${n} 项`,
};

describe('policy paths read as labels, never as codes (#9 item 8)', () => {
  it('a clock duration', () => {
    expect(policyPathLabel('clocks.l3_answer.amount', names)).toBe('各级处理时限 · 三级：答复客户 · 数值');
    expect(policyPathLabel('policy.clocks.l3_answer.unit', names)).toBe('各级处理时限 · 三级：答复客户 · 单位');
  });

  it('list elements by position, taxonomy entries and business lines by their names', () => {
    expect(pathSegments('compensationBands[1].upTo')).toEqual(['compensationBands', '1', 'upTo']);
    expect(policyPathLabel('compensationBands[1].upTo', names)).toBe('补偿审批权限 · 第 2 项 · 金额上限（含）');
    expect(policyPathLabel('policy.compensationBands.0.approver', names)).toBe('补偿审批权限 · 第 1 项 · 审批人');
    expect(policyPathLabel('taxonomies.categories[claims_dispute].zh', names)).toBe('分类目录 · 投诉类别 · 理赔纠纷 · 中文名称');
    expect(policyPathLabel('grading.property_casualty.l1Above', names)).toBe('各业务条线定级金额 · 财产保险 · 一级起点（高于）');
    expect(policyPathLabel('regulatory.maxDays', names)).toBe('监管答复期限（自然日） · 最长');
  });

  it('every top-level key of the policy has a label', () => {
    const top = [
      'complaintNumberPrefix',
      'workingHours',
      'warningFractions',
      'clocks',
      'regulatory',
      'grading',
      'massIncident',
      'majorComplaint',
      'keywords',
      'repeatWindowDays',
      'compensationBands',
      'reopen',
      'retention',
      'auditRetentionYears',
      'taxonomies',
      'escalation',
      'tracking',
      'handling',
    ];
    for (const key of top) expect(names.word(key), key).toBeDefined();
  });
});

describe('the seeded first version reads as system defaults', () => {
  it('names the reason, not the file', () => {
    const names = { systemDefaults: zh['policy.systemDefaults'], none: '—' };
    expect(policyReason('defaults (policy-defaults.md)', names)).toBe('系统默认配置（依据制度默认参数）');
    expect(policyReason('三级投诉答复时限调整', names)).toBe('三级投诉答复时限调整');
    expect(policyReason(null, names)).toBe('—');
  });
});
