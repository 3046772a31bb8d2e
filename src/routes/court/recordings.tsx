import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import Type from 'typebox';
import { addRecording, appendRecordingChunk, hearingForStaff, recordingUploadDir, startRecordingUpload, uploadForStaff, type RecordingUpload } from '../../commands/recordings.ts';
import { MAX_FORM_RECORDING_BYTES, readUploadOffset, RECORDING_KINDS } from '../../domain/recordings.ts';
import { ERRORS, SotError, type ErrorCode } from '../../errors.ts';
import { recordingsOfHearing } from '../../queries/recordings.ts';
import { urls } from '../../urls.ts';
import { HearingRecordingsPage } from '../../views/pages/court/HearingRecordingsPage.tsx';
import { ApiError } from '../api/schemas.ts';

const staff = { access: ['clerk', 'judge', 'court_chair'] } as const;
const HearingParams = Type.Object({ hearingId: Type.String({ maxLength: 40 }) });
const UploadParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

function fieldOf(code: ErrorCode): string {
  if (code === 'recording_kind_invalid') return 'kind';
  if (code.startsWith('recording_title')) return 'title';
  return 'file';
}

const UploadState = Type.Object({
  id: Type.String({ format: 'uuid' }),
  uploadUrl: Type.String({ description: 'Where the pieces go: PUT with the header Upload-Offset' }),
  receivedBytes: Type.Integer(),
  totalBytes: Type.Integer(),
  recordingId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'Set once the last piece is in and the file was accepted' }),
});

const stateOf = (upload: RecordingUpload) => ({
  id: upload.id,
  uploadUrl: urls.recordingUpload(upload.id),
  receivedBytes: upload.receivedBytes,
  totalBytes: upload.totalBytes,
  recordingId: upload.recordingId,
});

/**
 * The court's side of hearing recordings: a page with the hearing's recordings and a form for
 * small files, and the resumable upload API for long ones.
 */
export const courtRecordingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const uploadDir = recordingUploadDir(app.config.dataDir);

  async function render(request: FastifyRequest, reply: FastifyReply, hearingId: string, options: { done?: boolean; errors?: { field: string; message: string }[]; status?: number; values?: { kind?: string; title?: string } }) {
    const hearing = await hearingForStaff(app.db, request.principal!, hearingId);
    const recordings = await recordingsOfHearing(app.db, hearing.hearingId);
    return reply.page(
      { title: `${request.t('recordings.court.title')} — ${hearing.caseNumber ?? ''}`, nav: 'court', ...(options.status ? { status: options.status } : {}) },
      <HearingRecordingsPage view={{ hearing, recordings, done: options.done ?? false, values: options.values ?? {} }} errors={options.errors ?? []} />,
    );
  }

  app.get(
    '/court/hearings/:hearingId/recordings',
    { config: staff, schema: { hide: true, params: HearingParams, querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }) } },
    async (request, reply) => render(request, reply, request.params.hearingId, { done: request.query.done === 'added' }),
  );

  app.post(
    '/court/hearings/:hearingId/recordings',
    { config: { ...staff, uploads: { fileSize: MAX_FORM_RECORDING_BYTES, files: 1, fields: 5 } }, schema: { hide: true, params: HearingParams } },
    async (request, reply) => {
      const { hearingId } = request.params;
      // Whether the hearing exists for this person comes first, before anything about the form.
      await hearingForStaff(app.db, request.principal!, hearingId);
      if (!request.isMultipart()) throw new SotError('unsupported_media_type');
      const values: { kind?: string; title?: string } = {};
      let outcome: { recordingId: string } | { error: SotError } | null = null;
      try {
        // The form's order puts kind and title before the file, which streams on to storage.
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if ((part.fieldname === 'kind' || part.fieldname === 'title') && typeof part.value === 'string') values[part.fieldname] = part.value;
            continue;
          }
          if (outcome !== null || part.fieldname !== 'file' || !part.filename) {
            part.file.resume();
            continue;
          }
          try {
            outcome = { recordingId: await addRecording(app.db, app.blobs, request.principal!, hearingId, { kind: values.kind ?? '', title: values.title ?? '', stream: part.file }, app.clock()) };
          } catch (error) {
            if (!(error instanceof SotError) || error.code === 'not_found') throw error;
            outcome = { error };
          }
          part.file.resume();
        }
      } catch (error) {
        if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        outcome = { error: new SotError('recording_too_large') };
      }
      if (outcome && 'recordingId' in outcome) return reply.redirect(urls.courtRecordings(hearingId, 'added'), 303);
      const errors: { field: string; message: string }[] = [];
      if (!(RECORDING_KINDS as readonly string[]).includes(values.kind ?? '')) errors.push({ field: 'kind', message: request.t(ERRORS.recording_kind_invalid.message) });
      if (!values.title?.trim()) errors.push({ field: 'title', message: request.t(ERRORS.recording_title_required.message) });
      const failure = outcome?.error ?? (errors.length === 0 ? new SotError('file_missing') : null);
      if (failure && !errors.some((e) => e.field === fieldOf(failure.code))) errors.push({ field: fieldOf(failure.code), message: request.t(ERRORS[failure.code].message) });
      return render(request, reply, hearingId, { errors, status: failure?.status ?? 400, values });
    },
  );

  app.post(
    '/api/v1/hearings/:hearingId/recording-uploads',
    {
      config: staff,
      schema: {
        tags: ['recordings'],
        summary: 'Start a resumable upload of a hearing recording',
        description:
          'Declares the file; its bytes follow as PUT requests to `uploadUrl`, each with `Upload-Offset` (or `Content-Range: bytes a-b/total`) saying where the piece starts. Audio and video: mp4, m4a, webm, ogg, mp3, wav; the hearing record: PDF or UTF-8 text. Recognised by content once complete.',
        params: HearingParams,
        body: Type.Object(
          {
            kind: Type.Enum([...RECORDING_KINDS]),
            title: Type.String({ minLength: 1, maxLength: 300 }),
            fileName: Type.String({ minLength: 1, maxLength: 300 }),
            totalBytes: Type.Integer({ minimum: 1 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: UploadState, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 413: ApiError, 415: ApiError },
      },
    },
    async (request, reply) => {
      const upload = await startRecordingUpload(app.db, uploadDir, request.principal!, request.params.hearingId, request.body, app.config.recordingMaxBytes, app.clock());
      return reply.code(201).header('location', urls.recordingUpload(upload.id)).header('upload-offset', String(upload.receivedBytes)).send(stateOf(upload));
    },
  );

  app.get(
    '/api/v1/recording-uploads/:id',
    {
      config: staff,
      schema: {
        tags: ['recordings'],
        summary: 'Where a resumable upload stands (HEAD: the Upload-Offset header alone)',
        params: UploadParams,
        response: { 200: UploadState, 401: ApiError, 403: ApiError, 404: ApiError },
      },
    },
    async (request, reply) => {
      const { upload } = await uploadForStaff(app.db, request.principal!, request.params.id);
      return reply.header('upload-offset', String(upload.receivedBytes)).header('upload-length', String(upload.totalBytes)).header('cache-control', 'no-store').send(stateOf(upload));
    },
  );

  // Raw bytes are read only by this route: its own scope, so the rest of the API keeps refusing them.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
    scope.put(
      '/api/v1/recording-uploads/:id',
      {
        config: staff,
        schema: {
          tags: ['recordings'],
          summary: 'Send one piece of a resumable upload',
          description:
            'The body is the raw bytes (application/octet-stream) of the piece starting at `Upload-Offset`, which must equal the bytes received so far; otherwise 409 with the offset to resume from (also in the Upload-Offset header). The last piece completes the upload: 201 with `recordingId`.',
          params: UploadParams,
          headers: Type.Object({ 'upload-offset': Type.Optional(Type.String({ maxLength: 20 })), 'content-range': Type.Optional(Type.String({ maxLength: 100 })) }),
          consumes: ['application/octet-stream'],
          response: { 200: UploadState, 201: UploadState, 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 413: ApiError, 415: ApiError },
        },
      },
      async (request, reply) => {
        const { upload } = await uploadForStaff(app.db, request.principal!, request.params.id);
        const body = request.body;
        if (!(body instanceof Readable)) throw new SotError('unsupported_media_type');
        const place = readUploadOffset(request.headers, upload.totalBytes);
        if (!place) {
          body.resume();
          throw new SotError('upload_offset_required');
        }
        try {
          const result = await appendRecordingChunk(app.db, app.blobs, uploadDir, request.principal!, upload.id, { ...place, stream: body }, app.clock());
          return reply
            .code(result.recordingId ? 201 : 200)
            .header('upload-offset', String(result.upload.receivedBytes))
            .send(stateOf({ ...result.upload, recordingId: result.recordingId }));
        } catch (error) {
          body.resume();
          if (error instanceof SotError && error.code === 'upload_offset_mismatch') reply.header('upload-offset', String(error.params?.['offset'] ?? ''));
          throw error;
        }
      },
    );
  });
};
