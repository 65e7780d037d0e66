/**
 * Errors raised by domain code. They carry a stable code, parameters for a localised message and
 * optionally the offending field; the HTTP layer maps them to responses (never the other way round).
 */

/** Common codes; domain modules may use their own more specific codes as well. */
export const DomainErrorCode = {
  validation: 'validation',
  notFound: 'not_found',
  conflict: 'conflict',
  invalidTransition: 'invalid_transition',
  forbidden: 'forbidden',
} as const;

export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

export type DomainErrorParams = Record<string, string | number>;

export class DomainError extends Error {
  constructor(
    public readonly code: string,
    public readonly params: DomainErrorParams = {},
    public readonly field?: string,
  ) {
    super(describe(code, params, field));
    this.name = 'DomainError';
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

function describe(code: string, params: DomainErrorParams, field: string | undefined): string {
  const where = field === undefined ? '' : ` (${field})`;
  const details = Object.keys(params).length === 0 ? '' : ` ${JSON.stringify(params)}`;
  return `${code}${where}${details}`;
}
