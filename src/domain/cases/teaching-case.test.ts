import { describe, expect, it } from 'vitest';
import { composeCaseDraft } from './case-draft.js';
import {
  anonymiseCase,
  assertNotOwnCase,
  defaultCaseTitle,
  knownPersonalData,
  nextCaseStatus,
  normaliseLessonTags,
  placeholdersIn,
} from './teaching-case.js';

const known = knownPersonalData({ name: '王五', phone: '13900001111', email: null, idNumber: null, account: 'P2026-8877', address: null });

describe('steps', () => {
  it('follows draft -> in_review -> published -> withdrawn, and refuses the rest', () => {
    expect(nextCaseStatus('submit', 'draft')).toBe('in_review');
    expect(nextCaseStatus('recall', 'in_review')).toBe('draft');
    expect(nextCaseStatus('approve', 'in_review')).toBe('published');
    expect(nextCaseStatus('reject', 'in_review')).toBe('rejected');
    expect(nextCaseStatus('save', 'rejected')).toBe('draft');
    expect(nextCaseStatus('withdraw', 'published')).toBe('withdrawn');
    expect(() => nextCaseStatus('save', 'published')).toThrow(/case_step_refused/);
    expect(() => nextCaseStatus('approve', 'draft')).toThrow(/case_step_refused/);
  });
  it('refuses a review by the proposer', () => {
    expect(() => assertNotOwnCase('agent', 'agent')).toThrow(/case_self_review/);
    expect(() => assertNotOwnCase('agent', 'supervisor')).not.toThrow();
  });
});

describe('anonymised texts', () => {
  it('marks the placeholders of earlier saves too, and not an ordinary 某', () => {
    const first = anonymiseCase({ title: 't', background: '王五先生电话13900001111', handling: '', outcome: '', lessons: '' }, known);
    expect(first.texts.background).toBe('某先生电话[电话]');
    const edited = anonymiseCase({ ...first.texts, background: `${first.texts.background}；又留了139 0000 1111，某些情况下` }, known);
    expect(edited.texts.background).toBe('某先生电话[电话]；又留了[电话]，某些情况下');
    expect(edited.redactions.background?.map((r) => [r.kind, edited.texts.background.slice(r.start, r.end)])).toEqual([
      ['name', '某'],
      ['phone', '[电话]'],
      ['phone', '[电话]'],
    ]);
    expect(placeholdersIn('某公司[地址]')).toEqual([{ kind: 'address', start: 3, end: 7 }]);
  });
  it('composes a draft from the complaint and its handling records', () => {
    const draft = composeCaseDraft(
      {
        description: '王五反映理赔少赔。联系13900001111。',
        requestedRemedy: '补足差额',
        records: [
          { kind: 'investigation', data: { plan: null } },
          { kind: 'findings', data: { findings: '保单P2026-8877定损偏低' } },
          { kind: 'analysis', data: { causes: ['process', 'process', 'staff'], strategy: '复核定损' } },
          { kind: 'closing', data: { summary: '补足500元' } },
        ],
        fileNames: ['王五_身份证.jpg', '定损单.pdf', '王五_身份证.jpg'],
      },
      known,
    );
    expect(draft.texts.title).toBe('某反映理赔少赔');
    expect(draft.texts.background).toBe('某反映理赔少赔。联系[电话]。\n\n【客户诉求】补足差额');
    expect(draft.texts.handling).toBe('【调查结论】保单[账号]定损偏低\n\n【处理策略】复核定损');
    expect(draft.texts.outcome).toBe('补足500元');
    expect(draft.causeCodes).toEqual(['process', 'staff']);
    expect(draft.attachmentNames).toEqual(['某_身份证.jpg', '定损单.pdf']);
    expect(draft.redactions.background?.map((r) => r.kind)).toEqual(['name', 'phone']);
  });
  it('cleans lesson tags and cuts a long default title', () => {
    expect(normaliseLessonTags([' 定损 ', '定损', '', 'A  b', 'a b'])).toEqual(['定损', 'A b']);
    expect(defaultCaseTitle('')).toBe('教学案例');
    expect(Array.from(defaultCaseTitle('长'.repeat(60))).length).toBe(41);
  });
});
