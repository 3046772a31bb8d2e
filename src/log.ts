import type { FastifyServerOptions } from 'fastify';

/** 12 digits standing alone look like an IIN or BIN; logs must never carry one. */
const IDENTIFIER = /(?<!\d)\d{12}(?!\d)/g;

export function redactIdentifiers(text: string): string {
  return text.replace(IDENTIFIER, '[redacted]');
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
        return { id: request.id, method: request.method, url: redactIdentifiers(request.url) };
      },
    },
  };
}
