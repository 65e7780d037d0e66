import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../../db/connection-errors.js';
import {
  errorStatus,
  isDomainError,
  isErrorCode,
  type DomainErrorParams,
  type ErrorCode,
  type ErrorParamArgs,
} from '../../domain/errors.js';
import type { ZodIssueParams } from '../../domain/errors/error-codes.js';
import { ValidationError } from '../../domain/validation.js';
import { pickLocale, type Locale } from '../i18n/locale.js';
import { translate, translateIssue } from '../i18n/messages.js';

export interface ApiFieldError {
  field: string;
  code: ErrorCode;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  fields: ApiFieldError[];
}

/** Seconds a client waits before retrying while the database is unavailable (an embedded restart takes a few). */
export const DATABASE_RETRY_AFTER_S = 2;

export function apiError<C extends ErrorCode>(
  locale: Locale,
  code: C,
  fields: ApiFieldError[] = [],
  ...params: ErrorParamArgs<C>
): ApiError {
  return { code, message: translate(code, locale, ...params), fields };
}

function fieldError(locale: Locale, field: string, code: ErrorCode, params: ZodIssueParams = {}): ApiFieldError {
  return { field, code, message: `${field}: ${translateIssue(code, locale, params)}` };
}

/** An answer with the catalogue's status for its code. */
function answer<C extends ErrorCode>(locale: Locale, code: C, fields: ApiFieldError[], ...params: ErrorParamArgs<C>): [number, ApiError] {
  return [errorStatus(code), apiError(locale, code, fields, ...params)];
}

/**
 * Our schemas put a catalogued code in `message`; zod's own issues are named by their keyword (every
 * zod issue code is catalogued, see ZodCodesCatalogued).
 */
function zodIssueCode(keyword: string, message: string): ErrorCode {
  if (keyword === 'invalid_type' && message.endsWith('received undefined')) return 'required';
  if (/^[a-z_]+$/.test(message) && isErrorCode(message)) return message;
  return isErrorCode(keyword) ? keyword : 'custom';
}

function fromSchemaValidation(err: FastifyError, locale: Locale): ApiError {
  const context = err.validationContext ?? 'body';
  const fields = (err.validation ?? []).map((v) => {
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const field = path === '' ? context : context === 'body' ? path : `${context}.${path}`;
    const params = (v.params ?? {}) as Record<string, unknown>;
    return fieldError(locale, field, zodIssueCode(v.keyword, v.message ?? ''), params);
  });
  return apiError(locale, 'validation_failed', fields);
}

/** Fastify's own request errors (body parsing, media type, size) mapped to our shape. */
function fromFastifyCode(err: FastifyError, request: FastifyRequest, locale: Locale): [number, ApiError] | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return answer(locale, 'invalid_json', [fieldError(locale, 'body', 'invalid_json')]);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return answer(locale, 'empty_body', [fieldError(locale, 'body', 'required')]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH': {
      const contentType = request.headers['content-type'] ?? '';
      return answer(locale, 'unsupported_media_type', [fieldError(locale, 'Content-Type', 'unsupported_media_type', { contentType })], {
        contentType,
      });
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return answer(locale, 'payload_too_large', [fieldError(locale, 'body', 'payload_too_large')]);
    default:
      break;
  }
  if (err instanceof SyntaxError && err.statusCode === 400) {
    return answer(locale, 'invalid_json', [fieldError(locale, 'body', 'invalid_json')]);
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = pickLocale(request.headers['accept-language']);
    if (hasZodFastifySchemaValidationErrors(err))
      return reply.status(errorStatus('validation_failed')).send(fromSchemaValidation(err, locale));
    if (err instanceof ValidationError) {
      const fields = err.issues.map((i) => fieldError(locale, i.field, i.code, i.params));
      return reply.status(errorStatus('validation_failed')).send(apiError(locale, 'validation_failed', fields));
    }
    if (isDomainError(err)) {
      // a throttled answer says when to come back, in the header as well as in words
      const params: DomainErrorParams = err.params;
      if (typeof params.retryAfterSeconds === 'number') reply.header('retry-after', String(params.retryAfterSeconds));
      const fields = err.field ? [fieldError(locale, err.field, err.code, err.params)] : [];
      return reply.status(errorStatus(err.code)).send(apiError(locale, err.code, fields, err.params));
    }
    const mapped = fromFastifyCode(err, request, locale) ?? (err.statusCode === 429 ? answer(locale, 'too_many_requests', []) : null);
    if (mapped) return reply.status(mapped[0]).send(mapped[1]);
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(apiError(locale, 'validation_failed', [fieldError(locale, 'request', 'validation_failed')]));
    }
    if (isDatabaseUnavailable(err)) {
      // down, restarting or unreachable: a temporary state, so 503 and when to try again, not 500
      // one line, no stack: during an outage every request ends here
      request.log.warn(`database unavailable: ${err.message}`);
      const [status, body] = answer(locale, 'database_unavailable', []);
      return reply.status(status).header('retry-after', String(DATABASE_RETRY_AFTER_S)).send(body);
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(errorStatus('internal')).send(apiError(locale, 'internal'));
  });

  app.setNotFoundHandler((request, reply) => {
    const locale = pickLocale(request.headers['accept-language']);
    const route = `${request.method} ${request.url.split('?')[0]}`;
    return reply.status(errorStatus('route_not_found')).send(apiError(locale, 'route_not_found', [], { route }));
  });
}
