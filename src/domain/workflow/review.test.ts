import { describe, expect, it } from 'vitest';
import { chooseReviewer, mayConclude } from './review.js';

describe('formal review reviewer (#14 item 3)', () => {
  it('a department head who is not the handler, first by username; else the leadership group', () => {
    expect(chooseReviewer('department_head', ['zhang', 'li'], ['agent', 'agent'])).toEqual({ by: 'department_head', reviewer: 'li' });
    expect(chooseReviewer('department_head', ['agent'], ['agent', null])).toEqual({ by: 'leadership', reviewer: null });
    expect(chooseReviewer('department_head', [], [null, null])).toEqual({ by: 'leadership', reviewer: null });
    expect(chooseReviewer('leadership', ['zhang'], ['agent'])).toEqual({ by: 'leadership', reviewer: null });
  });

  it('who may conclude: the named head, or any leadership member', () => {
    expect(mayConclude({ by: 'department_head', reviewer: 'zhang' }, 'zhang', ['supervisor'])).toBe(true);
    expect(mayConclude({ by: 'department_head', reviewer: 'zhang' }, 'leader', ['leadership_member'])).toBe(false);
    expect(mayConclude({ by: 'leadership', reviewer: null }, 'leader', ['leadership_member'])).toBe(true);
    expect(mayConclude({ by: 'leadership', reviewer: null }, 'zhang', ['supervisor'])).toBe(false);
    expect(mayConclude({ by: 'leadership', reviewer: null }, undefined, ['leadership_member'])).toBe(false);
  });
});
