import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { attachFiles, createFiling, ownFiling, removeAttachment, updateFiling, type IncomingFile } from '../../commands/filings.ts';
import { filingAttachmentsOf, manifestOf, submitFiling } from '../../commands/submitFiling.ts';
import { FilingFields } from '../../domain/filingFields.ts';
import { ATTACHMENT_PURPOSES, DUTY_STATUSES, FILING_TYPES } from '../../domain/filingTypes.ts';
import { SotError } from '../../errors.ts';
import { filingView } from '../../queries/filings.ts';
import { urls } from '../../urls.ts';
import type { Lang } from '../../i18n/index.ts';
import { ApiError, LegalBasis } from './schemas.ts';

const Id = Type.String({ format: 'uuid', description: 'Filing id' });

const Attachment = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  size: Type.Integer({ description: 'Bytes' }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  mediaType: Type.String(),
  purpose: Type.Enum(ATTACHMENT_PURPOSES),
});

const Filing = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    type: Type.Enum(FILING_TYPES),
    status: Type.Enum(['draft', 'submitted']),
    version: Type.Integer({ description: 'Send it back with every change; a stale one gets 409' }),
    court: Type.Union([Type.Object({ id: Type.String({ format: 'uuid' }), code: Type.String() }), Type.Null()]),
    caseNumber: Type.Union([Type.String(), Type.Null()]),
    fields: FilingFields,
    attachments: Type.Array(Attachment),
    talon: Type.Union([
      Type.Object({ number: Type.String(), submittedAt: Type.String({ format: 'date-time' }), verifyUrl: Type.String(), pdfUrl: Type.String() }),
      Type.Null(),
    ]),
    duty: Type.Object({
      status: Type.Enum(DUTY_STATUSES),
      amountKzt: Type.Union([Type.String({ description: 'Tenge with two decimals' }), Type.Null()]),
      basis: Type.Union([Type.String(), Type.Null()], { description: 'The article the duty was computed by, in the compact English form; kept for existing clients, read `legalBasis`', deprecated: true }),
      legalBasis: Type.Union([LegalBasis, Type.Null()]),
      flaggedForJudge: Type.Boolean(),
    }),
    payments: Type.Array(
      Type.Object({ id: Type.String({ format: 'uuid' }), method: Type.Enum(['card', 'document']), status: Type.String(), amountKzt: Type.String(), createdAt: Type.String({ format: 'date-time' }) }),
    ),
  },
  { $id: 'Filing' },
);

const NewFiling = Type.Object(
  {
    type: Type.Enum(FILING_TYPES),
    courtId: Type.Optional(Type.String({ format: 'uuid', description: 'For claims and court-order applications: a first-instance court' })),
    caseNumber: Type.Optional(Type.String({ maxLength: 40, description: 'For filings in an existing case' })),
    ...FilingFields.properties,
  },
  { additionalProperties: false },
);

/** Files of a multipart request, one per part; other parts are refused. */
async function* incomingFiles(request: FastifyRequest, purpose: IncomingFile['purpose']): AsyncIterable<IncomingFile> {
  if (!request.isMultipart()) throw new SotError('unsupported_media_type');
  for await (const part of request.parts()) {
    if (part.type !== 'file') continue;
    yield { stream: part.file, fileName: part.filename, ...(purpose ? { purpose } : {}) };
  }
}

export const filingsApi: FastifyPluginAsyncTypebox = async (app) => {
  const signedIn = { access: 'signed-in' } as const;
  const view = async (id: string, lang: Lang) => filingView(app.db, id, app.config.publicUrl, lang);

  app.post(
    '/filings',
    {
      config: signedIn,
      schema: { tags: ['filings'], summary: 'Start a filing (a draft)', body: NewFiling, response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }), status: Type.Literal('draft') }), 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError } },
    },
    async (request, reply) => {
      const { type, courtId, caseNumber, ...fields } = request.body;
      const filing = await createFiling(app.db, request.principal!, { type, courtId, caseNumber, fields }, app.clock());
      return reply.code(201).send({ id: filing.id, status: 'draft' as const });
    },
  );

  app.get(
    '/filings/:id',
    { config: signedIn, schema: { tags: ['filings'], summary: 'A filing with its talon and payment state; only for its filer', params: Type.Object({ id: Id }), response: { 200: Filing, 404: ApiError } } },
    async (request) => {
      await ownFiling(app.db, request.principal!, request.params.id);
      return view(request.params.id, request.lang);
    },
  );

  app.put(
    '/filings/:id',
    {
      config: signedIn,
      schema: {
        tags: ['filings'],
        summary: 'Save a draft: the fields given replace the stored ones',
        params: Type.Object({ id: Id }),
        body: Type.Object({ version: Type.Integer({ minimum: 1 }), courtId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])), fields: FilingFields }, { additionalProperties: false }),
        response: { 200: Filing, 400: ApiError, 404: ApiError, 409: ApiError },
      },
    },
    async (request) => {
      const { version, courtId, fields } = request.body;
      await updateFiling(app.db, request.principal!, request.params.id, { version, fields, ...(courtId !== undefined ? { courtId } : {}) }, app.clock());
      return view(request.params.id, request.lang);
    },
  );

  app.post(
    '/filings/:id/attachments',
    {
      config: { ...signedIn, uploads: true },
      schema: {
        tags: ['filings'],
        summary: 'Attach files (multipart/form-data, one file per part, up to 20 MB each)',
        description: 'PDF, DOC/DOCX, XLS/XLSX, JPG or PNG, recognised by content. All files of a request are kept, or none.',
        consumes: ['multipart/form-data'],
        params: Type.Object({ id: Id }),
        querystring: Type.Object({ purpose: Type.Optional(Type.Enum(ATTACHMENT_PURPOSES)) }),
        response: { 201: Type.Object({ attachments: Type.Array(Attachment) }), 400: ApiError, 404: ApiError, 409: ApiError, 413: ApiError, 415: ApiError },
      },
    },
    async (request, reply) => {
      const rows = await attachFiles(app.db, app.blobs, request.principal!, request.params.id, incomingFiles(request, request.query.purpose), app.clock());
      return reply.code(201).send({ attachments: rows.map((a) => ({ id: a.id, name: a.name, size: a.sizeBytes, sha256: a.sha256, mediaType: a.mediaType, purpose: a.purpose })) });
    },
  );

  app.delete(
    '/filings/:id/attachments/:attachmentId',
    { config: signedIn, schema: { tags: ['filings'], summary: 'Remove an attachment from a draft', params: Type.Object({ id: Id, attachmentId: Type.String({ maxLength: 40 }) }), response: { 204: Type.Null(), 404: ApiError, 409: ApiError } } },
    async (request, reply) => {
      await removeAttachment(app.db, request.principal!, request.params.id, request.params.attachmentId, app.clock());
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/filings/:id/manifest',
    {
      config: signedIn,
      schema: {
        tags: ['filings'],
        summary: 'The exact bytes to sign: canonical JSON of the fields and the sha256 of every attachment',
        description: 'Sign these bytes (CMS, attached or detached) with the EDS you signed in with and send the CMS to /submit. Any change to the draft changes them.',
        params: Type.Object({ id: Id }),
        response: { 200: Type.Unknown({ description: 'The manifest (canonical JSON, UTF-8)' }), 404: ApiError },
      },
    },
    async (request, reply) => {
      const filing = await ownFiling(app.db, request.principal!, request.params.id);
      // Once submitted, the manifest is the one signed, whatever came later (a payment scan).
      if (filing.status === 'submitted' && filing.manifestSha256) return reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').send(app.blobs.open(filing.manifestSha256));
      const manifest = manifestOf(filing, await filingAttachmentsOf(app.db, filing.id), request.principal!);
      return reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').send(Buffer.from(manifest));
    },
  );

  app.post(
    '/filings/:id/submit',
    {
      config: signedIn,
      schema: {
        tags: ['filings'],
        summary: 'Submit with the signature over the manifest; returns the registration talon',
        description: 'Submitting an already submitted filing returns the same talon.',
        params: Type.Object({ id: Id }),
        body: Type.Object({ cms: Type.String({ maxLength: 200_000, description: 'Base64 DER CMS SignedData over the manifest bytes' }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ talonNumber: Type.String(), verifyUrl: Type.String(), talonPdfUrl: Type.String() }), 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 503: ApiError },
      },
    },
    async (request, reply) => {
      const talon = await submitFiling(app.db, app.blobs, app.signatureVerifier, request.principal!, request.params.id, request.body.cms, app.clock());
      return reply.code(201).send({
        talonNumber: talon.talonNumber,
        verifyUrl: `${app.config.publicUrl}${urls.verifyTalon(talon.verifyCode)}`,
        talonPdfUrl: `${app.config.publicUrl}${urls.talonPdf(request.params.id)}`,
      });
    },
  );
};
