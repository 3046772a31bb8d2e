import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { openDevPki, type DevKey, type DevPkiIssuer } from '../../pki/devCa.ts';
import { demoPeople } from '../../seed/people.ts';
import { SotError } from '../../errors.ts';
import { latestOutboxMessages } from '../../queries/outbox.ts';
import { OutboxPage } from '../../views/pages/OutboxPage.tsx';

/**
 * Development and demo helpers, registered only in demo mode (never in production): the outbox
 * of messages Sot would have sent, and the demo PKCS#12 files for the in-browser signer.
 */
export const devRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Opened at the first request: the server has made the root by then, and a test app that never
  // asks for a key never makes one.
  let pki: Promise<DevPkiIssuer> | undefined;
  app.get('/dev/outbox', { config: { access: 'public' } }, async (request, reply) => {
    const messages = await latestOutboxMessages(app.db);
    return reply.page({ title: request.t('outbox.title') }, <OutboxPage messages={messages} />);
  });

  app.get(
    '/dev/pki/:file',
    { config: { access: 'public' }, schema: { hide: true, params: Type.Object({ file: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      // <handle>.auth.p12 signs in, <handle>.sign.p12 signs documents, as NCA's two key files do.
      const match = /^([a-z0-9-]+)\.(auth|sign)\.p12$/.exec(request.params.file);
      if (!match) throw new SotError('not_found');
      pki ??= openDevPki(app.config.devPkiDir, demoPeople()).catch((error: unknown) => {
        pki = undefined;
        throw error;
      });
      // A demo person's key is issued the first time the signer asks for it.
      const files = await (await pki).keyFiles(match[1]!, match[2] as DevKey);
      if (!files) throw new SotError('not_found');
      return reply.type('application/x-pkcs12').header('cache-control', 'no-store').send(createReadStream(files.p12Path));
    },
  );
};
