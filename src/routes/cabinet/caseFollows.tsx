import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { chooseCaseAlerts } from '../../commands/caseFollows.ts';
import { parseCaseNumber } from '../../domain/caseNumber.ts';
import { publiclyFollowable } from '../../domain/caseAlerts.ts';
import { SotError } from '../../errors.ts';
import { followedCases, followTarget } from '../../queries/caseFollows.ts';
import { urls } from '../../urls.ts';
import { FollowCasePage, FollowedCasesPage } from '../../views/pages/FollowedCasesPage.tsx';

const Checkbox = Type.Optional(Type.Literal('on'));
const Csrf = Type.Optional(Type.String());

/**
 * Case alerts in the cabinet: the cases a person follows with the channels of each, and following
 * a case by its number from the public status page. A case someone may not follow (a closed
 * hearing, a secret matter, a number that names no case) is a 404, as for any case they may not see.
 */
export const caseFollowRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/cabinet/follows',
    { config: { access: 'signed-in' }, schema: { hide: true, querystring: Type.Object({ done: Type.Optional(Type.Union([Type.Literal('followed'), Type.Literal('saved'), Type.Literal('stopped')])) }) } },
    async (request, reply) => {
      const found = await followedCases(app.db, request.principal!.userId);
      return reply.page({ title: request.t('follows.title'), nav: 'notifications' }, <FollowedCasesPage cases={found.cases} truncated={found.truncated} done={request.query.done} />);
    },
  );

  app.get('/cabinet/follows/new', { config: { access: 'signed-in' }, schema: { hide: true, querystring: Type.Object({ number: Type.String({ maxLength: 100 }) }) } }, async (request, reply) => {
    const parsed = parseCaseNumber(request.query.number.trim());
    if (!parsed) throw new SotError('invalid_case_number');
    const target = await followTarget(app.db, request.principal!, { number: parsed.canonical });
    if (!target || (!target.takesPart && !publiclyFollowable(target))) throw new SotError('case_not_found');
    // A participant follows the case already; their choices are on the list.
    if (target.participant) return reply.redirect(urls.followedCases(), 303);
    return reply.page(
      { title: request.t('follows.new.title', { number: target.number }), nav: 'notifications' },
      <FollowCasePage number={target.number} forEntity={target.entityBin !== null} byEmail={target.follow?.byEmail ?? false} bySms={target.follow?.bySms ?? false} />,
    );
  });

  app.post(
    '/cabinet/follows',
    { config: { access: 'signed-in' }, schema: { hide: true, body: Type.Object({ _csrf: Csrf, number: Type.String({ maxLength: 100 }), byEmail: Checkbox, bySms: Checkbox }) } },
    async (request, reply) => {
      const parsed = parseCaseNumber(request.body.number.trim());
      if (!parsed) throw new SotError('invalid_case_number');
      const userId = request.principal!.userId;
      const target = await followTarget(app.db, request.principal!, { number: parsed.canonical });
      if (!target) throw new SotError('case_not_found');
      const done = await chooseCaseAlerts(app.db, userId, target, { following: true, byEmail: request.body.byEmail === 'on', bySms: request.body.bySms === 'on' }, app.clock());
      return reply.redirect(urls.followedCases(done), 303);
    },
  );

  app.post(
    '/cabinet/follows/:caseId',
    {
      config: { access: 'signed-in' },
      schema: {
        hide: true,
        params: Type.Object({ caseId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ _csrf: Csrf, following: Type.Union([Type.Literal('yes'), Type.Literal('no')]), byEmail: Checkbox, bySms: Checkbox }),
      },
    },
    async (request, reply) => {
      const userId = request.principal!.userId;
      const target = await followTarget(app.db, request.principal!, { caseId: request.params.caseId });
      // Neither taking part (nor acting for a party) nor following: nothing of this case is the person's to choose.
      if (!target || (!target.takesPart && !target.follow)) throw new SotError('case_not_found');
      const { following, byEmail, bySms } = request.body;
      const done = await chooseCaseAlerts(app.db, userId, target, { following: following === 'yes', byEmail: byEmail === 'on', bySms: bySms === 'on' }, app.clock());
      return reply.redirect(urls.followedCases(done), 303);
    },
  );
};
