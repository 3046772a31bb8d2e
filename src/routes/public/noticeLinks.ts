import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { openNoticeLink } from '../../auth/noticeLinks.ts';
import { SotError } from '../../errors.ts';
import { urls } from '../../urls.ts';

/**
 * The short links in SMS and e-mail notices. The page they lead to asks for sign-in and checks
 * access as always; the link only says where to go, and for how long.
 */
export const noticeLinkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/n/:token', { config: { access: 'public' }, schema: { hide: true, params: Type.Object({ token: Type.String({ maxLength: 1000 }) }) } }, async (request, reply) => {
    const opened = await openNoticeLink(app.db, request.params.token, app.clock(), app.config.sessionSecret);
    if (!opened.ok) throw new SotError(opened.reason === 'expired' ? 'link_expired' : 'not_found');
    // Signed out, the sign-in page says why it asks: a link from a notice, to a document or a case.
    return reply.redirect(request.principal ? opened.path : urls.loginFromNotice(opened.path), 303);
  });
};
