/**
 * Errors raised by domain code. They carry a catalogued code (src/domain/errors/error-codes.ts),
 * the parameters its message takes and optionally the offending field; the HTTP layer maps them to
 * responses (never the other way round).
 */
import type { ErrorCode, ErrorParamArgs, ErrorParams } from './errors/error-codes.js';

export { errorCatalogue, errorStatus, isErrorCode } from './errors/error-codes.js';
export type { ErrorCode, ErrorParamArgs, ErrorParams, ErrorStatus, TransitionReason } from './errors/error-codes.js';

/** Common codes; domain modules use their own more specific codes as well (all in the catalogue). */
export const DomainErrorCode = {
  validation: 'validation',
  notFound: 'not_found',
  conflict: 'conflict',
  invalidTransition: 'invalid_transition',
  forbidden: 'forbidden',
} as const satisfies Record<string, ErrorCode>;

export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

/** What any code's parameters look like when the code is not known statically. */
export type DomainErrorParams = Readonly<Record<string, unknown>>;

/**
 * `new DomainError('not_found', {}, 'id')`: a code outside the catalogue, or a code without the
 * parameters its message needs, does not compile.
 */
export class DomainError<C extends ErrorCode = ErrorCode> extends Error {
  public readonly params: ErrorParams<C>;
  public readonly field: string | undefined;

  constructor(
    public readonly code: C,
    ...args: [...ErrorParamArgs<C>, field?: string]
  ) {
    // the tuple's type depends on C, so its elements are read back by position
    const given = (args[0] ?? {}) as ErrorParams<C>;
    const field = args[1] as string | undefined;
    super(describe(code, given, field));
    this.name = 'DomainError';
    this.params = given;
    this.field = field;
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
