import type { FastifyServerOptions } from 'fastify';
import { databaseErrorIn } from './db/databaseError.ts';

/** 12 digits standing alone look like an IIN or BIN; logs must never carry one. */
const IDENTIFIER = /(?<!\d)\d{12}(?!\d)/g;

export function redactIdentifiers(text: string): string {
  return text.replace(IDENTIFIER, '[redacted]');
}

/**
 * E-mail addresses, also percent-encoded as they appear in addresses. The parts are bounded by
 * the lengths RFC 5321 allows (64 for the local part, 63 a label): unbounded, a long run of word
 * characters and percent escapes with no @ in it (a search for 5,000 Cyrillic letters, encoded)
 * made the engine try every start against every end, seconds of CPU for one request's log line.
 */
const EMAIL = /[\w.+%-]{1,64}(?:@|%40)[\w-]{1,63}(?:\.[\w-]{1,63})+/gi;
/** Kazakh phone numbers: +7 or 8, then ten digits, however they are grouped. */
const PHONE = /(?<![\w+])(?:\+|%2B)?[78][\s(-]{0,2}\d{3}[\s)-]{0,2}\d{3}[\s-]?\d{2}[\s-]?\d{2}(?!\d)/gi;

/** A text for the log with no IIN or BIN, e-mail address or phone number left in it. */
export function redactPersonalData(text: string): string {
  return redactIdentifiers(text).replace(EMAIL, '[e-mail]').replace(PHONE, '[phone]');
}

/** Only the call sites of a stack: its first line repeats the message. */
function stackFrames(error: { stack?: unknown }): string {
  return typeof error.stack === 'string' ? error.stack.split('\n').filter((line) => line.startsWith('    at ')).join('\n') : '';
}

export interface SerializedError {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
}

/**
 * Errors as the log keeps them. A database error is reduced to its code and the constraint,
 * table, column and routine it names: its message, detail and the failed query with its values
 * (drizzle puts them in the message) can carry a party's IIN, phone or address. Any other error
 * keeps its message and stack with personal data blanked.
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (error === null || typeof error !== 'object') return { type: typeof error, message: redactPersonalData(String(error)), stack: '' };
  const e = error as { name?: unknown; message?: unknown; code?: unknown; statusCode?: unknown; cause?: unknown; stack?: unknown };
  const type = error.constructor?.name && error.constructor.name !== 'Object' ? error.constructor.name : typeof e.name === 'string' ? e.name : 'Error';
  const database = databaseErrorIn(error);
  if (database) {
    const { code, constraint, table, column, routine } = database;
    return { type, message: `database error ${code}`, database: { code, constraint, table, column, routine }, stack: stackFrames(e) };
  }
  return {
    type,
    message: redactPersonalData(typeof e.message === 'string' ? e.message : ''),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    stack: typeof e.stack === 'string' ? redactPersonalData(e.stack) : '',
    ...(e.cause !== undefined && depth < 3 ? { cause: serializeError(e.cause, depth + 1) } : {}),
  };
}

/** Paths pino blanks wherever they occur in a log entry. */
export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'iin',
  'bin',
  '*.iin',
  '*.bin',
  '*.cms',
  '*.nonce',
  '*.password',
  '*.token',
];

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req(request: { method: string; url: string; id: string; ip?: string }) {
        return { id: request.id, method: request.method, url: redactPersonalData(request.url) };
      },
      err: serializeError,
    },
  };
}
