import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../../db/connection-errors.js';
import { isDomainError } from '../../domain/errors.js';
import { ValidationError } from '../../domain/validation.js';
import { pickLocale, type Locale } from '../i18n/locale.js';
import { hasMessage, translate } from '../i18n/messages.js';

export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

export interface ApiError {
  code: string;
  message: string;
  fields: ApiFieldError[];
}

/** Domain error codes that are not plain validation, and their HTTP status. */
const domainStatus: Record<string, number> = {
  not_found: 404,
  complaint_not_found: 404,
  saved_view_not_found: 404,
  export_too_large: 422,
  policy_version_not_found: 404,
  calendar_year_not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  idempotency_key_reused: 422,
  forbidden: 403,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  password_change_required: 403,
  too_many_attempts: 429,
  user_not_found: 404,
  org_unit_not_found: 404,
  username_taken: 409,
  code_taken: 409,
  cannot_lock_yourself_out: 409,
  // evidence upload (#9 item 8)
  file_too_large: 413,
  file_type_not_allowed: 415,
  multipart_required: 415,
};

/** Seconds a client waits before retrying while the database is unavailable (an embedded restart takes a few). */
export const DATABASE_RETRY_AFTER_S = 2;

export function apiError(locale: Locale, code: string, fields: ApiFieldError[] = [], params = {}): ApiError {
  return { code, message: translate(code, locale, params), fields };
}

function fieldError(locale: Locale, field: string, code: string, params: Record<string, unknown> = {}): ApiFieldError {
  return { field, code, message: `${field}: ${translate(code, locale, params)}` };
}

/** Our schemas put a message code in `message`; zod's own issues are named by their keyword. */
function zodIssueCode(keyword: string, message: string): string {
  if (keyword === 'invalid_type' && message.endsWith('received undefined')) return 'required';
  if (/^[a-z_]+$/.test(message) && hasMessage(message)) return message;
  return keyword;
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
      return [400, apiError(locale, 'invalid_json', [fieldError(locale, 'body', 'invalid_json')])];
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return [400, apiError(locale, 'empty_body', [fieldError(locale, 'body', 'required')])];
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH': {
      const contentType = request.headers['content-type'] ?? '';
      return [
        415,
        apiError(locale, 'unsupported_media_type', [fieldError(locale, 'Content-Type', 'unsupported_media_type', { contentType })], {
          contentType,
        }),
      ];
    }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return [413, apiError(locale, 'payload_too_large', [fieldError(locale, 'body', 'payload_too_large')])];
    default:
      break;
  }
  if (err instanceof SyntaxError && err.statusCode === 400) {
    return [400, apiError(locale, 'invalid_json', [fieldError(locale, 'body', 'invalid_json')])];
  }
  return null;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = pickLocale(request.headers['accept-language']);
    if (hasZodFastifySchemaValidationErrors(err)) return reply.status(400).send(fromSchemaValidation(err, locale));
    if (err instanceof ValidationError) {
      const fields = err.issues.map((i) => fieldError(locale, i.field, i.code, i.params));
      return reply.status(400).send(apiError(locale, 'validation_failed', fields));
    }
    if (isDomainError(err)) {
      const status = domainStatus[err.code] ?? 400;
      // a throttled answer says when to come back, in the header as well as in words
      if (typeof err.params.retryAfterSeconds === 'number') reply.header('retry-after', String(err.params.retryAfterSeconds));
      const fields = err.field ? [fieldError(locale, err.field, err.code, err.params)] : [];
      return reply.status(status).send(apiError(locale, err.code, fields, err.params));
    }
    const mapped = fromFastifyCode(err, request, locale);
    if (mapped) return reply.status(mapped[0]).send(mapped[1]);
    if (err.statusCode === 429) return reply.status(429).send(apiError(locale, 'too_many_requests'));
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(apiError(locale, 'validation_failed', [fieldError(locale, 'request', 'validation_failed')]));
    }
    if (isDatabaseUnavailable(err)) {
      // down, restarting or unreachable: a temporary state, so 503 and when to try again, not 500
      // one line, no stack: during an outage every request ends here
      request.log.warn(`database unavailable: ${err.message}`);
      return reply.status(503).header('retry-after', String(DATABASE_RETRY_AFTER_S)).send(apiError(locale, 'database_unavailable'));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(apiError(locale, 'internal'));
  });

  app.setNotFoundHandler((request, reply) => {
    const locale = pickLocale(request.headers['accept-language']);
    const route = `${request.method} ${request.url.split('?')[0]}`;
    return reply.status(404).send(apiError(locale, 'route_not_found', [], { route }));
  });
}
