import { DomainError, type ErrorCode, type ErrorParams } from './errors.js';

/** A field issue's parameters: optional when its code takes none. */
type IssueParams<C extends ErrorCode> =
  Record<never, never> extends ErrorParams<C> ? { params?: ErrorParams<C> } : { params: ErrorParams<C> };

/**
 * One problem with one field, named by its dotted path (e.g. `complainant.phone`): a catalogued
 * code with the parameters its message takes.
 */
export type FieldIssue = { [C in ErrorCode]: { field: string; code: C } & IssueParams<C> }[ErrorCode];

/** Input that passed the schema but breaks a rule (future receipt time, unknown category…). */
export class ValidationError extends DomainError<'validation'> {
  constructor(public readonly issues: readonly FieldIssue[]) {
    super('validation', {}, issues[0]?.field);
    this.name = 'ValidationError';
  }
}

/** Throws one ValidationError listing every issue, or returns when there is none. */
export function assertNoIssues(issues: readonly FieldIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues);
}
