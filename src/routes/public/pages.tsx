import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DEV_PKCS12_PASSWORD } from '../../pki/devCa.ts';
import { demoPeople } from '../../seed/people.ts';
import { HomePage } from '../../views/pages/HomePage.tsx';
import { LoginPage, type DemoSigner } from '../../views/pages/LoginPage.tsx';
import { safeReturnPath } from '../../auth/returnPath.ts';

/**
 * The demo certificates offered on the sign-in page: one person of each kind, and every judge of
 * the Medeu district court and the Almaty City Court, so whoever the draw picks there can sign in.
 */
function demoSigners(): DemoSigner[] {
  return demoPeople()
    .filter((p) => !p.handle.startsWith('judge-') || p.handle.endsWith('-1') || p.handle.startsWith('judge-7517-') || p.handle.startsWith('judge-7599-'))
    .map((p) => ({
      handle: p.handle,
      fullName: p.fullName,
      role: p.roles.find((r) => r.role !== 'court_chair')?.role ?? (p.bin ? 'legal_representative' : 'citizen'),
    }));
}

export const staticPages: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { access: 'public' } }, (request, reply) => reply.page({ title: request.t('home.title'), nav: 'home' }, <HomePage />));

  app.get(
    '/login',
    { config: { access: 'public' }, schema: { hide: true, querystring: Type.Object({ return: Type.Optional(Type.String({ maxLength: 2000 })) }) } },
    (request, reply) => {
      // After signing in a person goes back where they were, or to their cabinet; never off this site.
      const asked = safeReturnPath(request.query.return, '/cabinet');
      const returnTo = asked === '/' ? '/cabinet' : asked;
      if (request.principal) return reply.redirect(returnTo, 303);
      return reply.page(
        { title: request.t('login.title'), nav: 'signIn', scripts: ['/public/build/signin.js'] },
        <LoginPage returnTo={returnTo} demoSigners={app.config.demo ? demoSigners() : null} demoPassword={DEV_PKCS12_PASSWORD} />,
      );
    },
  );
};
