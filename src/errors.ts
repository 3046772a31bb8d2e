import type { MessageKey, Params } from './i18n/index.ts';

/**
 * Every error a person or a program can meet, with its HTTP status and message. Routes throw
 * these by name and never pick status codes themselves.
 */
export const ERRORS = {
  not_found: { status: 404, message: 'error.notFound' },
  case_not_found: { status: 404, message: 'error.caseNotFound' },
  court_not_found: { status: 404, message: 'error.courtNotFound' },
  invalid_request: { status: 400, message: 'error.invalidRequest' },
  invalid_case_number: { status: 400, message: 'error.invalidCaseNumber' },
  unsupported_language: { status: 400, message: 'error.unsupportedLanguage' },
  unauthorized: { status: 401, message: 'error.unauthorized' },
  forbidden: { status: 403, message: 'error.forbidden' },
  method_not_allowed: { status: 405, message: 'error.methodNotAllowed' },
  payload_too_large: { status: 413, message: 'error.payloadTooLarge' },
  uri_too_long: { status: 414, message: 'error.uriTooLong' },
  unsupported_media_type: { status: 415, message: 'error.unsupportedMediaType' },
  too_many_requests: { status: 429, message: 'error.tooManyRequests' },
  internal: { status: 500, message: 'error.internal' },
  service_unavailable: { status: 503, message: 'error.serviceUnavailable' },
} as const satisfies Record<string, { status: number; message: MessageKey }>;

export type ErrorCode = keyof typeof ERRORS;

export class SotError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params?: Params,
  ) {
    super(code);
    this.name = 'SotError';
    this.status = ERRORS[code].status;
  }
}

/** Fastify's own error codes mapped to ours, so framework errors reach people translated. */
export const FASTIFY_ERROR_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_request',
  FST_ERR_VALIDATION: 'invalid_request',
  FST_ERR_BAD_URL: 'invalid_request',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
  FST_ERR_ASYNC_CONSTRAINT: 'invalid_request',
  FST_ERR_NOT_FOUND: 'not_found',
};
