import type { FastifyRequest, FastifySchema } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the schemas of what it takes: what the input fuzzing test generates requests from. */
    routeInputs(): RouteInput[];
  }
}

export interface RouteInput {
  method: string;
  url: string;
  body?: unknown;
  querystring?: unknown;
}
import fp from 'fastify-plugin';
import { SotError } from '../errors.ts';
import { isUuid } from '../domain/ids.ts';

/**
 * Path parameters that name a row by its id, whatever the route. A value that cannot be an id
 * names nothing: a page answers as for a row that does not exist (404), the API says the
 * identifier is malformed (400). Either way no query runs with it.
 */
export const ID_PARAMS: ReadonlySet<string> = new Set([
  'absenceId',
  'attachmentId',
  'caseId',
  'documentId',
  // Not `fileId`: a filing's files are its attachments by id and its signed manifest by name.
  'filingId',
  'grantId',
  'hearingId',
  'id',
  'judgeId',
  'partyId',
  'paymentId',
  'recordingId',
]);

/** C0 controls other than TAB, LF and CR: PostgreSQL refuses NUL in text, and none of them belongs in a court's records. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** An address has no line breaks or tabs either. */
const CONTROL_IN_ADDRESS = /[\u0000-\u001F]/;
/** Half of a surrogate pair: not Unicode text, and PostgreSQL refuses it in JSON. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isStorableText(text: string, control: RegExp): boolean {
  return !control.test(text) && !LONE_SURROGATE.test(text);
}

/**
 * Whether every string in a parsed body or query (keys included) can be stored. Iterative, so a
 * body nested ten thousand levels deep costs a loop, not the stack.
 */
export function holdsOnlyStorableText(value: unknown, control: RegExp = CONTROL_IN_TEXT): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (!isStorableText(next, control)) return false;
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
    } else if (next !== null && typeof next === 'object' && !ArrayBuffer.isView(next) && typeof (next as { pipe?: unknown }).pipe !== 'function') {
      // Parsed bodies and queries (fast-querystring's have a prototype of their own); bytes and streams are not text.
      for (const [key, item] of Object.entries(next)) {
        if (!isStorableText(key, control)) return false;
        pending.push(item);
      }
    }
  }
  return true;
}

/** Errors of a multipart body that did not parse (cut short, no boundary, a broken part header). */
const malformedUploads = new WeakSet<object>();

/** Whether a thrown value, or what it wraps, is a multipart body that did not parse. */
export function isMalformedUpload(error: unknown): boolean {
  for (let e = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (malformedUploads.has(e)) return true;
  }
  return false;
}

/** The parser's own refusals (limits, prototype keys) keep their codes; anything else it throws is a body that did not parse. */
function asUploadError(error: unknown): unknown {
  if (error instanceof SotError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('FST_')) return error;
  return new SotError('multipart_malformed');
}

type PartsIterator = FastifyRequest['parts'];

/**
 * The multipart iterator every upload route reads, checked part by part: names and field values
 * as text, and a body that stops parsing turned into a 400 (also when the break surfaces inside
 * a file's stream, where a command reading it sees it).
 */
function checkedParts(original: PartsIterator): PartsIterator {
  return function (this: FastifyRequest, options) {
    const parts = original.call(this, options)[Symbol.asyncIterator]();
    return {
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        let result: Awaited<ReturnType<typeof parts.next>>;
        try {
          result = await parts.next();
        } catch (error) {
          throw asUploadError(error);
        }
        if (result.done) return result;
        const part = result.value;
        if (!isStorableText(part.fieldname, CONTROL_IN_ADDRESS)) throw new SotError('invalid_characters');
        if (part.type === 'field') {
          if (typeof part.value === 'string' && !isStorableText(part.value, CONTROL_IN_TEXT)) throw new SotError('invalid_characters');
        } else {
          if (!isStorableText(part.filename, CONTROL_IN_ADDRESS)) {
            part.file.resume();
            throw new SotError('invalid_characters');
          }
          const remember = (error: unknown) => {
            if (asUploadError(error) !== error && error !== null && typeof error === 'object') malformedUploads.add(error);
          };
          // A body parsed in one go may have broken before this part reached us.
          if (part.file.errored) {
            remember(part.file.errored);
            throw asUploadError(part.file.errored);
          }
          part.file.on('error', remember);
        }
        return result;
      },
      async return(value?: unknown) {
        return (await parts.return?.(value)) ?? { done: true, value: undefined };
      },
    } as ReturnType<PartsIterator>;
  };
}

/**
 * What a request carries is checked before any handler, schema or query sees it: ids in the
 * path, and text (no control characters, no broken Unicode) in the path, the query, the body
 * and every part of an upload.
 */
export const inputPlugin = fp(
  async (app) => {
    const inputs: RouteInput[] = [];
    app.addHook('onRoute', (route) => {
      const schema: FastifySchema = route.schema ?? {};
      for (const method of [route.method].flat()) if (method !== 'HEAD') inputs.push({ method: String(method), url: route.url, body: schema.body, querystring: schema.querystring });
    });
    app.decorate('routeInputs', () => inputs.slice());
    app.addHook('preValidation', async (request) => {
      const isApi = request.url.startsWith('/api/');
      const params = (request.params ?? {}) as Record<string, unknown>;
      for (const [name, value] of Object.entries(params)) {
        if (typeof value !== 'string') continue;
        if (ID_PARAMS.has(name) && !isUuid(value)) throw new SotError(isApi ? 'invalid_id' : 'not_found');
        if (!isStorableText(value, CONTROL_IN_ADDRESS)) throw new SotError(isApi ? 'invalid_characters' : 'not_found');
      }
      if (!holdsOnlyStorableText(request.query)) throw new SotError('invalid_characters');
      if (!holdsOnlyStorableText(request.body)) throw new SotError('invalid_characters');
      if (request.isMultipart()) request.parts = checkedParts(request.parts);
    });
  },
  { name: 'sot-input', dependencies: ['@fastify/multipart'] },
);
