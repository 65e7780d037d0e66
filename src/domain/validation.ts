import { DomainError } from './errors.js';

/** One problem with one field, named by its dotted path (e.g. `complainant.phone`). */
export interface FieldIssue {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/** Input that passed the schema but breaks a rule (future receipt time, unknown category…). */
export class ValidationError extends DomainError {
  constructor(public readonly issues: readonly FieldIssue[]) {
    super('validation', {}, issues[0]?.field);
    this.name = 'ValidationError';
  }
}

/** Throws one ValidationError listing every issue, or returns when there is none. */
export function assertNoIssues(issues: readonly FieldIssue[]): void {
  if (issues.length > 0) throw new ValidationError(issues);
}
