import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Readable } from 'node:stream';
import Type from 'typebox';
import { capacityOf } from '../../commands/accessLog.ts';
import { logRecordingAccess } from '../../commands/recordings.ts';
import { readRange, type ByteRange } from '../../domain/recordings.ts';
import { SotError } from '../../errors.ts';
import { hearingForViewer, recordingForViewer } from '../../queries/recordings.ts';
import { HearingRecordingsViewerPage } from '../../views/pages/HearingRecordingsViewerPage.tsx';

const signedIn = { access: 'signed-in' } as const;

/**
 * HEAD's body: an empty stream keeps the Content-Length set here (Fastify's HEAD handling writes 0
 * for no body at all) without reading the file.
 */
const nothing = () => Readable.from([]);

/**
 * A hearing's recordings as the case's participants watch them. The media route answers the
 * player's range requests (RFC 9110 §14): each one checks access again, since a session can end
 * or a right be taken away while a long recording plays.
 */
export const recordingViewerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cabinet/cases/:caseId/hearings/:hearingId/recordings',
    { config: signedIn, schema: { hide: true, params: Type.Object({ caseId: Type.String({ maxLength: 40 }), hearingId: Type.String({ maxLength: 40 }) }) } },
    async (request, reply) => {
      const principal = request.principal!;
      const found = await hearingForViewer(app.db, principal, request.params.caseId, request.params.hearingId);
      return reply.page(
        { title: `${request.t('recordings.viewer.title')} — ${found.caseNumber ?? ''}`, nav: 'cabinet' },
        <HearingRecordingsViewerPage view={{ caseId: found.caseId, caseNumber: found.caseNumber, hearing: found.hearing, recordings: found.recordings, watermark: principal.fullName }} />,
      );
    },
  );

  app.get(
    '/cabinet/cases/:caseId/recordings/:recordingId/media',
    {
      config: signedIn,
      // A compressed body would no longer match the byte offsets in Content-Range.
      compress: false,
      schema: { hide: true, params: Type.Object({ caseId: Type.String({ maxLength: 40 }), recordingId: Type.String({ maxLength: 40 }) }) },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const { recording, relations, courtId, caseId } = await recordingForViewer(app.db, principal, request.params.caseId, request.params.recordingId);
      const size = recording.sizeBytes;
      const etag = `"${recording.sha256}"`;
      reply
        .header('accept-ranges', 'bytes')
        .header('etag', etag)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff');

      let range: ByteRange = readRange(request.headers.range, size);
      // If-Range (§13.1.5): the range only if the file is still the one the client has part of.
      // The content address is a strong validator; a date or another tag means "send it all".
      const ifRange = request.headers['if-range'];
      if (range.kind !== 'whole' && typeof ifRange === 'string' && ifRange.trim() !== etag) range = { kind: 'whole', reason: 'stale' };
      if (range.kind === 'unsatisfiable') {
        reply.header('content-range', `bytes */${size}`);
        throw new SotError('range_not_satisfiable');
      }

      if (request.method !== 'HEAD') {
        await logRecordingAccess(
          app.db,
          { caseId, recordingId: recording.id, userId: principal.userId, capacity: capacityOf(principal, relations, courtId), action: request.headers.range === undefined ? 'download' : 'stream' },
          app.clock(),
        );
      }
      reply.type(recording.mediaType);
      if (range.kind === 'partial') {
        reply
          .code(206)
          .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
          .header('content-length', String(range.end - range.start + 1));
        return reply.send(request.method === 'HEAD' ? nothing() : app.blobs.open(recording.sha256, range));
      }
      reply.header('content-length', String(size));
      return reply.send(request.method === 'HEAD' ? nothing() : app.blobs.open(recording.sha256));
    },
  );
};
