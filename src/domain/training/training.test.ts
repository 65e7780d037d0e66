import { describe, expect, it } from 'vitest';
import { passingScore, scoreFits, sessionResult, trainingCompletion } from './training.js';

describe('training results (#15, R-G1)', () => {
  const assessed = { maxScore: 100, passMark: 60 };
  const plain = { maxScore: null, passMark: null };
  it('passes an assessed session at the pass mark, fails below it, waits for the score', () => {
    expect(sessionResult(assessed, { status: 'present', score: 60 })).toBe('passed');
    expect(sessionResult(assessed, { status: 'present', score: 59.5 })).toBe('failed');
    expect(sessionResult(assessed, { status: 'present', score: null })).toBe('pending');
    expect(sessionResult(assessed, { status: 'absent', score: null })).toBe('absent');
    expect(sessionResult(assessed, null)).toBe('pending');
  });
  it('passes a session without an assessment by attending', () => {
    expect(sessionResult(plain, { status: 'present', score: null })).toBe('passed');
    expect(sessionResult(plain, { status: 'excused', score: null })).toBe('excused');
    expect(passingScore({ maxScore: 10, passMark: null })).toBe(10);
  });
  it('checks a score against the maximum', () => {
    expect(scoreFits(assessed, 100)).toBe(true);
    expect(scoreFits(assessed, 100.5)).toBe(false);
    expect(scoreFits(plain, 1)).toBe(false);
    expect(scoreFits(plain, null)).toBe(true);
  });
  it('counts a person complete when every session of the period is passed', () => {
    const r = trainingCompletion(
      [
        { username: 'a', sessionId: 's1', endedOn: '2026-11-02', passed: true },
        { username: 'a', sessionId: 's2', endedOn: '2026-11-20', passed: false },
        { username: 'b', sessionId: 's1', endedOn: '2026-11-02', passed: true },
        { username: 'c', sessionId: 's3', endedOn: '2026-10-30', passed: false },
      ],
      { from: '2026-11-01', to: '2026-11-30' },
    );
    expect(r).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, completed: ['b'] });
    expect(trainingCompletion([], { from: '2026-11-01', to: '2026-11-30' }).value).toBeNull();
  });
});
