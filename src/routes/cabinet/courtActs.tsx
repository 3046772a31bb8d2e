import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { actDataOf } from '../../acts/actData.ts';
import { renderActPdf } from '../../acts/actPdf.ts';
import { isUuid } from '../../domain/ids.ts';
import { SotError } from '../../errors.ts';
import { issuedAct } from '../../queries/caseFile.ts';
import { logAccess } from '../../commands/accessLog.ts';
import { receiptOnRead } from '../../commands/courtOrders.ts';
import { readableCase } from './readableCase.ts';
import { contentDisposition } from '../contentDisposition.ts';

/** An issued court act's PDF, for everyone who may read the case. */
export const courtActRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cabinet/cases/:caseId/acts/:documentId/pdf',
    { config: { access: 'signed-in' }, schema: { hide: true, params: Type.Object({ caseId: Type.String({ maxLength: 40 }), documentId: Type.String({ maxLength: 40 }) }) } },
    async (request, reply) => {
      const { caseId, documentId } = request.params;
      const reader = await readableCase(app, request.principal!, caseId);
      const act = isUuid(documentId) ? await issuedAct(app.db, { documentId }) : null;
      if (!act || act.case.id !== caseId) throw new SotError('not_found');
      await logAccess(app.db, { caseId, target: { documentId }, userId: request.principal!.userId, capacity: reader.capacity, action: 'view', at: app.clock() });
      await receiptOnRead(app.db, request.principal!, { caseId, kind: act.document.kind, issuedAt: act.document.issuedAt }, app.clock());
      const data = await actDataOf(act, { verifier: app.signatureVerifier, blobs: app.blobs, publicUrl: app.config.publicUrl }, request.lang, true);
      const pdf = await renderActPdf(data, request.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`${act.case.number ?? 'act'}.pdf`.replace(/\//g, '-'), 'inline'))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
};
