import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ERRORS, FASTIFY_ERROR_CODES, SotError, type ErrorCode } from '../errors.ts';
import { DEFAULT_LANG, isLang, langFromAcceptLanguage, translator, type MessageKey } from '../i18n/index.ts';
import { ErrorPage } from '../views/pages/ErrorPage.tsx';
import { isMalformedUpload } from './input.ts';
import { sendPage } from './views.tsx';

/** Callers of the JSON API get JSON errors; people get a page. */
export function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

const PAGE_TITLES: Partial<Record<ErrorCode, MessageKey>> = {
  not_found: 'error.notFound.title',
  case_not_found: 'error.notFound.title',
  court_not_found: 'error.notFound.title',
  internal: 'error.internal.title',
  service_unavailable: 'error.internal.title',
  database_unavailable: 'error.databaseUnavailable.title',
};

function statusToCode(status: number | undefined): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'too_many_requests';
    case 503:
      return 'service_unavailable';
    default:
      return status !== undefined && status >= 400 && status < 500 ? 'invalid_request' : 'internal';
  }
}

/** Connection-level database failures: the service is down for a moment, not broken. */
function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^(08|57P0)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code)) return true;
  if (typeof e?.message === 'string' && /pool after calling end|Connection terminated|timeout exceeded when trying to connect/i.test(e.message)) return true;
  return e?.cause !== undefined && e.cause !== error && isDatabaseUnavailable(e.cause);
}

/** Reduces any thrown value to a catalogued error; what people see never includes a stack or SQL. */
export function classify(error: unknown): { code: ErrorCode; params: Record<string, string | number>; status: number } {
  if (error instanceof SotError) return { code: error.code, params: error.params ?? {}, status: error.status };
  if (isDatabaseUnavailable(error)) return { code: 'database_unavailable', params: {}, status: 503 };
  if (isMalformedUpload(error)) return { code: 'multipart_malformed', params: {}, status: 400 };
  const fe = error as Partial<FastifyError>;
  if (fe.validation) {
    const detail = fe.validation.map((v) => `${v.instancePath || v.params?.['missingProperty'] || ''} ${v.message ?? ''}`.trim()).join('; ');
    return { code: 'invalid_request', params: { detail }, status: 400 };
  }
  const mapped = fe.code ? FASTIFY_ERROR_CODES[fe.code] : undefined;
  const code = mapped ?? statusToCode(fe.statusCode);
  const params: Record<string, string | number> = code === 'invalid_request' ? { detail: fe.statusCode && fe.statusCode < 500 ? (fe.message ?? '') : '' } : {};
  return { code, params, status: ERRORS[code].status };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, params: Record<string, string | number> = {}) {
  const { status, message } = ERRORS[code];
  const text = request.t(message, params);
  // A moment's outage: clients and proxies may try again without hammering.
  if (status === 503) void reply.header('retry-after', '30');
  if (wantsJson(request)) {
    return reply.status(status).type('application/json; charset=utf-8').send({ error: { code, message: text } });
  }
  const title = request.t(PAGE_TITLES[code] ?? (status >= 500 ? 'error.internal.title' : 'error.invalidRequest.title'));
  return sendPage(request, reply, { title, status }, <ErrorPage title={title} message={text} />);
}

function languageFromHeaders(request: FastifyRequest): void {
  const fromCookie = /(?:^|;\s*)lang=(\w+)/.exec(request.headers.cookie ?? '')?.[1];
  request.lang = isLang(fromCookie) ? fromCookie : (langFromAcceptLanguage(request.headers['accept-language']) ?? DEFAULT_LANG);
  request.t = translator(request.lang);
}

/**
 * Errors the router raises before any hook runs (a malformed URL, an over-long parameter):
 * the language is read from the raw headers, since the cookie and i18n hooks have not run.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  languageFromHeaders(request);
  const { code, params } = classify(error);
  return sendError(request, reply, code, code === 'invalid_request' ? { detail: '' } : params);
}

export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error, request, reply) => {
      // The session is read before the language: a database outage can fail a request before
      // it has a translator, and the page saying so must still be in the person's language.
      if (!request.t) languageFromHeaders(request);
      const { code, params, status } = classify(error);
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code }, 'request refused');
      return sendError(request, reply, code, params);
    });
    app.setNotFoundHandler((request, reply) => sendError(request, reply, 'not_found'));
  },
  { name: 'sot-errors', dependencies: ['sot-views'] },
);
