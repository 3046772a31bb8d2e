import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { safeReturnPath } from '../../auth/returnPath.ts';
import { homeOf } from '../../policies/home.ts';
import { SotError } from '../../errors.ts';
import { isLang } from '../../i18n/index.ts';
import { LANG_COOKIE } from '../../plugins/i18n.ts';

export const languageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/language/:lang',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        params: Type.Object({ lang: Type.String({ maxLength: 20 }) }),
        querystring: Type.Object({ return: Type.Optional(Type.String({ maxLength: 2000 })) }),
      },
    },
    async (request, reply) => {
      const { lang } = request.params;
      if (!isLang(lang)) throw new SotError('unsupported_language');
      reply.setCookie(LANG_COOKIE, lang, {
        path: '/',
        maxAge: 365 * 24 * 3600,
        sameSite: 'lax',
        httpOnly: true,
        secure: app.config.isProduction,
      });
      return reply.redirect(safeReturnPath(request.query.return, request.principal ? homeOf(request.principal) : '/'), 303);
    },
  );
};
