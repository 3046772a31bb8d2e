import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { actDataOf } from '../../acts/actData.ts';
import { renderActPdf } from '../../acts/actPdf.ts';
import { isUuid } from '../../domain/ids.ts';
import { SotError } from '../../errors.ts';
import { caseDocument } from '../../queries/caseDocuments.ts';
import { issuedAct } from '../../queries/caseFile.ts';
import { logAccess } from '../../commands/accessLog.ts';
import { receiptOnRead } from '../../commands/courtOrders.ts';
import { readableCase } from './readableCase.ts';
import { contentDisposition } from '../contentDisposition.ts';

/**
 * The act's document page embeds the PDF in a frame: this answer, and only this one, may be framed
 * by our own pages. Every other answer keeps `frame-ancestors 'none'` (src/app.ts).
 */
function frameableBySelf(reply: FastifyReply) {
  const csp = reply.getHeader('content-security-policy');
  if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
  return reply.header('x-frame-options', 'SAMEORIGIN');
}

/** An issued court act's PDF, for everyone who may read the case; each opening and download is logged. */
export const courtActRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cabinet/cases/:caseId/acts/:documentId/pdf',
    {
      config: { access: 'signed-in' },
      schema: {
        hide: true,
        params: Type.Object({ caseId: Type.String({ maxLength: 40 }), documentId: Type.String({ maxLength: 40 }) }),
        querystring: Type.Object({ download: Type.Optional(Type.String({ maxLength: 1 })) }),
      },
    },
    async (request, reply) => {
      const { caseId, documentId } = request.params;
      const reader = await readableCase(app, request.principal!, caseId);
      // The same rule as the act's document page: issued, of this case, and shown to its readers.
      const visible = isUuid(documentId) ? await caseDocument(app.db, reader.id, documentId) : null;
      const act = visible ? await issuedAct(app.db, { documentId }) : null;
      if (!act || act.case.id !== reader.id) throw new SotError('not_found');
      const download = request.query.download === '1';
      await logAccess(app.db, { caseId: reader.id, target: { documentId }, userId: request.principal!.userId, capacity: reader.capacity, action: download ? 'download' : 'view', at: app.clock() });
      await receiptOnRead(app.db, request.principal!, { caseId: reader.id, kind: act.document.kind, issuedAt: act.document.issuedAt }, app.clock());
      const data = await actDataOf(act, { verifier: app.signatureVerifier, blobs: app.blobs, publicUrl: app.config.publicUrl }, request.lang, true);
      const pdf = await renderActPdf(data, request.lang);
      return frameableBySelf(reply)
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`${act.case.number ?? 'act'}.pdf`.replace(/\//g, '-'), download ? 'attachment' : 'inline'))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(pdf);
    },
  );
};
