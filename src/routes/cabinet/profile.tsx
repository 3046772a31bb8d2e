import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { confirmContact, requestContactVerification, updatePreferences, type ContactChannel } from '../../commands/profile.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { isLang } from '../../i18n/index.ts';
import { LANG_COOKIE } from '../../plugins/i18n.ts';
import { roleNames } from '../../policies/principal.ts';
import { pendingContactAddress, profileOf } from '../../queries/profile.ts';
import { ProfilePage, VerifyContactPage } from '../../views/pages/ProfilePage.tsx';
import { urls } from '../../urls.ts';

const Channel = Type.Object({ channel: Type.Enum(['sms', 'email']) });

export const profileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const loadUser = (userId: string) => profileOf(app.db, userId);

  app.get(
    '/profile',
    { config: { access: 'signed-in' }, schema: { hide: true, querystring: Type.Object({ notice: Type.Optional(Type.String({ maxLength: 20 })) }) } },
    async (request, reply) => {
      const principal = request.principal!;
      const notice = request.query.notice;
      return reply.page(
        { title: request.t('profile.title'), nav: 'profile' },
        <ProfilePage user={await loadUser(principal.userId)} bin={principal.bin} entity={principal.entity} roles={roleNames(principal)} notice={notice === 'saved' || notice === 'sms' || notice === 'email' ? notice : undefined} />,
      );
    },
  );

  app.post(
    '/profile',
    {
      config: { access: 'signed-in' },
      schema: {
        hide: true,
        body: Type.Object({ _csrf: Type.Optional(Type.String()), language: Type.String({ maxLength: 5 }), notifyBySms: Type.Optional(Type.String()), notifyByEmail: Type.Optional(Type.String()) }),
      },
    },
    async (request, reply) => {
      const { language } = request.body;
      if (!isLang(language)) throw new SotError('unsupported_language');
      await updatePreferences(app.db, request.principal!.userId, { language, notifyBySms: request.body.notifyBySms === 'on', notifyByEmail: request.body.notifyByEmail === 'on' }, app.clock());
      reply.setCookie(LANG_COOKIE, language, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true, secure: app.config.isProduction });
      return reply.redirect(`${urls.profile()}?notice=saved`, 303);
    },
  );

  app.post(
    '/profile/contact/:channel',
    { config: { access: 'signed-in' }, schema: { hide: true, params: Channel, body: Type.Object({ _csrf: Type.Optional(Type.String()), address: Type.String({ maxLength: 300 }) }) } },
    async (request, reply) => {
      const principal = request.principal!;
      const channel = request.params.channel as ContactChannel;
      try {
        await requestContactVerification(app.db, principal.userId, channel, request.body.address, request.lang, app.clock());
      } catch (error) {
        if (!(error instanceof SotError)) throw error;
        const field = channel === 'sms' ? 'phone' : 'email';
        return reply.page(
          { title: `${request.t('error.title')}: ${request.t('profile.title')}`, nav: 'profile', status: error.status },
          <ProfilePage
            user={await loadUser(principal.userId)}
            bin={principal.bin}
            entity={principal.entity}
            roles={roleNames(principal)}
            errors={[{ field, message: request.t(ERRORS[error.code].message) }]}
            values={{ [field]: request.body.address }}
          />,
        );
      }
      return reply.redirect(urls.profileVerify(channel), 303);
    },
  );

  const pendingAddress = (userId: string, channel: ContactChannel) => pendingContactAddress(app.db, userId, channel);

  app.get('/profile/verify/:channel', { config: { access: 'signed-in' }, schema: { hide: true, params: Channel } }, async (request, reply) => {
    const channel = request.params.channel as ContactChannel;
    return reply.page({ title: request.t('profile.verify.title'), nav: 'profile' }, <VerifyContactPage channel={channel} address={await pendingAddress(request.principal!.userId, channel)} />);
  });

  app.post(
    '/profile/verify/:channel',
    { config: { access: 'signed-in' }, schema: { hide: true, params: Channel, body: Type.Object({ _csrf: Type.Optional(Type.String()), code: Type.String({ maxLength: 20 }) }) } },
    async (request, reply) => {
      const channel = request.params.channel as ContactChannel;
      const userId = request.principal!.userId;
      try {
        await confirmContact(app.db, userId, channel, request.body.code.trim(), app.clock());
      } catch (error) {
        if (!(error instanceof SotError)) throw error;
        return reply.page(
          { title: `${request.t('error.title')}: ${request.t('profile.verify.title')}`, nav: 'profile', status: error.status },
          <VerifyContactPage channel={channel} address={await pendingAddress(userId, channel)} error={request.t(ERRORS[error.code].message)} />,
        );
      }
      return reply.redirect(`${urls.profile()}?notice=${channel}`, 303);
    },
  );
};
