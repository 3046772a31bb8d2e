import type { FastifyPluginAsync } from 'fastify';
import { HomePage } from '../../views/pages/HomePage.tsx';
import { LoginPage } from '../../views/pages/LoginPage.tsx';

export const staticPages: FastifyPluginAsync = async (app) => {
  app.get('/', { config: { access: 'public' } }, (request, reply) =>
    reply.page({ title: request.t('home.title'), nav: 'home' }, <HomePage />),
  );
  app.get('/login', { config: { access: 'public' } }, (request, reply) =>
    reply.page({ title: request.t('login.title'), nav: 'signIn' }, <LoginPage />),
  );
};
