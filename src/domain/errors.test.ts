import { describe, expect, it } from 'vitest';
import { DomainError, DomainErrorCode, isDomainError } from './errors.js';

describe('DomainError', () => {
  it('carries code, params and field', () => {
    const error = new DomainError(DomainErrorCode.notFound, { id: 'TS202611250001' }, 'number');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('not_found');
    expect(error.params).toEqual({ id: 'TS202611250001' });
    expect(error.field).toBe('number');
    expect(error.message).toBe('not_found (number) {"id":"TS202611250001"}');
    expect(isDomainError(error)).toBe(true);
  });

  it('defaults params to empty and field to undefined', () => {
    const error = new DomainError(DomainErrorCode.conflict);
    expect(error.params).toEqual({});
    expect(error.field).toBeUndefined();
    expect(error.message).toBe('conflict');
    expect(isDomainError(new Error('x'))).toBe(false);
  });
});
