import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { issueNonce } from '../../auth/nonces.ts';
import { signIn, signOut } from '../../commands/signIn.ts';
import { findSession } from '../../auth/sessions.ts';
import { ENTITY_STANDINGS } from '../../domain/ncaRoles.ts';
import { roleNames, type Principal } from '../../policies/principal.ts';
import { ApiError } from './schemas.ts';

/** Challenges and sign-in attempts per client address per minute. */
const AUTH_RATE_LIMIT = { max: 30, timeWindow: 60_000 };

const User = Type.Object(
  {
    iin: Type.String({ pattern: '^\\d{12}$' }),
    bin: Type.Optional(Type.String({ pattern: '^\\d{12}$', description: 'The legal entity the person acts for without a power of attorney' })),
    entity: Type.Optional(
      Type.Object(
        {
          bin: Type.String({ pattern: '^\\d{12}$' }),
          standing: Type.Enum(ENTITY_STANDINGS, { description: 'head or signatory act for the entity directly; an employee only by a power of attorney the court accepted' }),
        },
        { description: 'The legal entity the certificate names' },
      ),
    ),
    name: Type.String(),
    roles: Type.Array(Type.String()),
  },
  { $id: 'User' },
);

function userView(principal: Principal) {
  const entity = principal.entity;
  return { iin: principal.iin, ...(principal.bin ? { bin: principal.bin } : {}), ...(entity ? { entity: { bin: entity.bin, standing: entity.standing } } : {}), name: principal.fullName, roles: roleNames(principal) };
}

export const authApi: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/auth/challenge',
    {
      config: { access: 'public', rateLimit: AUTH_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'A single-use nonce to sign with the EDS; valid for 5 minutes',
        response: { 200: Type.Object({ nonce: Type.String({ description: 'Base64 of 32 random bytes' }), expiresAt: Type.String({ format: 'date-time' }) }), 429: ApiError },
      },
    },
    async () => {
      const { nonce, expiresAt } = await issueNonce(app.db, app.clock());
      return { nonce, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: AUTH_RATE_LIMIT },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a CMS signature over the nonce',
        description:
          'The CMS SignedData (base64 DER) must carry the signer certificate and either encapsulate the nonce bytes or be detached over them. ' +
          'The key must be an authentication key (keyUsage digitalSignature without nonRepudiation; extKeyUsage clientAuth). ' +
          'On success a session cookie is set. Failures are 401 with a code: nonce_unknown, nonce_expired, nonce_used, malformed_cms, bad_signature, ' +
          'untrusted_certificate, certificate_expired, certificate_not_yet_valid, key_usage_not_allowed, key_usage_missing, signing_key_at_sign_in, ' +
          'certificate_revoked, certificate_status_unknown, invalid_identity, unsupported_algorithm, verifier_certificate_mismatch; 503 verifier_unavailable.',
        body: Type.Object({ nonce: Type.String({ minLength: 1, maxLength: 200 }), cms: Type.String({ minLength: 1, maxLength: 200_000 }) }),
        response: { 200: Type.Object({ user: User }), 400: ApiError, 401: ApiError, 429: ApiError, 503: ApiError },
      },
    },
    async (request, reply) => {
      const now = app.clock();
      const signedIn = await signIn(app.db, app.signatureVerifier, request.body, now, request.sessionIdHash);
      reply.setSessionCookie(signedIn.sessionId);
      const session = await findSession(app.db, signedIn.sessionId, now);
      return { user: userView(session!.principal) };
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: 'End the session', response: { 204: Type.Null(), 401: ApiError } } },
    async (request, reply) => {
      await signOut(app.db, request.sessionIdHash!, request.principal!.userId, app.clock());
      reply.clearSessionCookie();
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: 'The signed-in person', response: { 200: Type.Object({ user: User }), 401: ApiError } } },
    async (request) => {
      return { user: userView(request.principal!) };
    },
  );
};
