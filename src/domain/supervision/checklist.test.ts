import { describe, expect, it } from 'vitest';
import { scoreChecklist, type ChecklistItem } from './checklist.js';

const ITEMS: ChecklistItem[] = [
  { code: 'registered_in_time', weight: 10 },
  { code: 'graded_correctly', weight: 20 },
  { code: 'feedback_in_time', weight: 30 },
  { code: 'meeting_held', weight: 40 },
];

describe('inspection checklist score (#14 item 1, R-E4)', () => {
  it('weights each item, a partial earns half, and an item that does not apply leaves the total', () => {
    const s = scoreChecklist(ITEMS, [
      { code: 'registered_in_time', result: 'pass' },
      { code: 'graded_correctly', result: 'partial' },
      { code: 'feedback_in_time', result: 'fail' },
      { code: 'meeting_held', result: 'not_applicable' },
    ]);
    expect(s).toEqual({ score: 33.3, earned: 20, possible: 60, unanswered: [], shortfalls: ['graded_correctly', 'feedback_in_time'] });
  });

  it('names the items not answered yet, and has no score while nothing applies', () => {
    expect(scoreChecklist(ITEMS, [{ code: 'meeting_held', result: 'pass' }])).toMatchObject({
      score: 100,
      unanswered: ['registered_in_time', 'graded_correctly', 'feedback_in_time'],
    });
    expect(scoreChecklist(ITEMS, [{ code: 'meeting_held', result: 'not_applicable' }]).score).toBeNull();
    expect(scoreChecklist([], []).score).toBeNull();
  });
});
