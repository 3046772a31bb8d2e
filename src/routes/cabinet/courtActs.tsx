import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { actDataOf } from '../../acts/actData.ts';
import { renderActPdf } from '../../acts/actPdf.ts';
import { isUuid } from '../../domain/ids.ts';
import { SotError } from '../../errors.ts';
import { can } from '../../policies/rules.ts';
import { issuedAct } from '../../queries/caseFile.ts';
import { caseRelations } from '../../queries/caseRelations.ts';

/** An issued court act's PDF, for everyone who may read the case. */
export const courtActRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cabinet/cases/:caseId/acts/:documentId/pdf',
    { config: { access: 'signed-in' }, schema: { hide: true, params: Type.Object({ caseId: Type.String({ maxLength: 40 }), documentId: Type.String({ maxLength: 40 }) }) } },
    async (request, reply) => {
      const { caseId, documentId } = request.params;
      if (!isUuid(caseId) || !isUuid(documentId)) throw new SotError('not_found');
      if (!can(request.principal, { action: 'read', resource: 'case', relations: await caseRelations(app.db, request.principal!, caseId) })) throw new SotError('not_found');
      const act = await issuedAct(app.db, { documentId });
      if (!act || act.case.id !== caseId) throw new SotError('not_found');
      const data = await actDataOf(act, { verifier: app.signatureVerifier, blobs: app.blobs, publicUrl: app.config.publicUrl }, request.lang, true);
      const pdf = await renderActPdf(data, request.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="act-${act.case.number?.replace(/[^0-9A-Za-zА-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі-]/g, '_') ?? 'case'}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
};
