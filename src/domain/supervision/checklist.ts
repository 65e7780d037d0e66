/**
 * Inspection checklists (#14 item 1, R-E4): items with weights, each answered pass, partial, fail
 * or not applicable for one sampled complaint, and the complaint's score. Pure.
 *
 * A partial earns half the item's weight; an item that does not apply leaves the total it is
 * scored against, so a complaint is not marked down for a step it never needed (a level-3
 * complaint has no leadership meeting). The score is 0-100 with one decimal; with nothing
 * applicable it is null.
 */

export const CHECKLIST_RESULTS = ['pass', 'partial', 'fail', 'not_applicable'] as const;
export type ChecklistResult = (typeof CHECKLIST_RESULTS)[number];

export interface ChecklistItem {
  code: string;
  /** a positive weight; items are compared by their share of the total */
  weight: number;
}

export interface ChecklistAnswer {
  code: string;
  result: ChecklistResult;
}

export interface ChecklistScore {
  /** 0-100, one decimal; null when no item applies */
  score: number | null;
  earned: number;
  possible: number;
  /** items not answered yet (the score counts only what is answered) */
  unanswered: string[];
  /** items answered fail or partial: the findings a rectification may follow */
  shortfalls: string[];
}

const EARNED: Record<ChecklistResult, number> = { pass: 1, partial: 0.5, fail: 0, not_applicable: 0 };

export function scoreChecklist(items: readonly ChecklistItem[], answers: readonly ChecklistAnswer[]): ChecklistScore {
  const byCode = new Map(answers.map((a) => [a.code, a.result]));
  let earned = 0;
  let possible = 0;
  const unanswered: string[] = [];
  const shortfalls: string[] = [];
  for (const item of items) {
    const result = byCode.get(item.code);
    if (result === undefined) {
      unanswered.push(item.code);
      continue;
    }
    if (result === 'not_applicable') continue;
    possible += item.weight;
    earned += item.weight * EARNED[result];
    if (result !== 'pass') shortfalls.push(item.code);
  }
  const score = possible === 0 ? null : Math.round((earned / possible) * 1000) / 10;
  return { score, earned, possible, unanswered, shortfalls };
}
