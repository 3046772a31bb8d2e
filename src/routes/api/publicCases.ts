import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { CASE_KINDS } from '../../domain/caseKinds.ts';
import { CASE_STATUSES } from '../../domain/caseStatus.ts';
import { parseCaseNumber } from '../../domain/caseNumber.ts';
import { SotError } from '../../errors.ts';
import { findPublicCase } from '../../queries/publicCase.ts';
import { ApiError } from './schemas.ts';

const Names = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });

const PublicCase = Type.Object(
  {
    number: Type.String({ examples: ['7517-26-00-2/1'] }),
    court: Type.Object({ code: Type.String(), name: Names }),
    kind: Type.Enum(CASE_KINDS),
    category: Type.String(),
    instance: Type.Integer({ minimum: 1, maximum: 4 }),
    status: Type.Enum(CASE_STATUSES),
    stage: Type.String(),
    judge: Type.Union([Type.String(), Type.Null()]),
    registeredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    statusChangedAt: Type.String({ format: 'date-time' }),
    closedProceedings: Type.Boolean(),
    reviewOf: Type.Union([Type.String(), Type.Null()], { description: 'Number of the lower-instance case under review' }),
    nextHearing: Type.Union([Type.Object({ startsAt: Type.String({ format: 'date-time' }), room: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  },
  { $id: 'PublicCase', description: 'What anyone may know about a registered case. No personal data of private persons.' },
);

export const publicCaseApi: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/public/cases/:number',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Status of a registered case by its number',
        description: 'The number as printed on court acts, URL-encoded (`7517-26-00-2%2F1`); a suffix such as `(2)` is part of the number (`6003-25-00-4%D0%BA%2F1454(2)`).',
        params: Type.Object({ number: Type.String({ maxLength: 100 }) }),
        response: { 200: PublicCase, 400: ApiError, 404: ApiError },
      },
    },
    async (request) => {
      const parsed = parseCaseNumber(request.params.number);
      if (!parsed) throw new SotError('invalid_case_number');
      const found = await findPublicCase(app.readDb, parsed.canonical, app.clock());
      if (!found) throw new SotError('case_not_found');
      return {
        number: found.number,
        court: { code: found.court.code, name: { kk: found.court.nameKk, ru: found.court.nameRu, en: found.court.nameEn } },
        kind: found.kind,
        category: found.category,
        instance: found.instance,
        status: found.status,
        stage: found.stage,
        judge: found.judgeName,
        registeredAt: found.registeredAt?.toISOString() ?? null,
        statusChangedAt: found.statusChangedAt.toISOString(),
        closedProceedings: found.closed,
        reviewOf: found.parentCaseNumber,
        nextHearing: found.nextHearing ? { startsAt: found.nextHearing.startsAt.toISOString(), room: found.nextHearing.room } : null,
      };
    },
  );
};
