import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { requestFamiliarisation } from '../../commands/familiarisation.ts';
import { FAMILIARISATION_TEXT_MAX } from '../../domain/familiarisation.ts';
import { urls } from '../../urls.ts';
import { readableCase } from './readableCase.ts';

/**
 * A party's request to read the case materials kept for the court, from their case page. The
 * parties and their accepted representatives ask; the judge answers on the e-case file.
 */
export const familiarisationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/cabinet/cases/:caseId/familiarisation',
    {
      config: { access: 'signed-in' },
      schema: {
        hide: true,
        params: Type.Object({ caseId: Type.String({ maxLength: 40 }) }),
        body: Type.Object({ _csrf: Type.Optional(Type.String()), note: Type.Optional(Type.String({ maxLength: FAMILIARISATION_TEXT_MAX })) }),
      },
    },
    async (request, reply) => {
      // Those who file in the case ask; the court reads its file without asking.
      const reader = await readableCase(app, request.principal!, request.params.caseId, 'file_in');
      await requestFamiliarisation(app.db, request.principal!, reader.id, request.body.note ?? '', app.clock());
      return reply.redirect(`${urls.cabinetCase(reader.id)}?familiarisation=sent#familiarisation`, 303);
    },
  );
};
