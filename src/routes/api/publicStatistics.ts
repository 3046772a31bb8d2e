import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SotError } from '../../errors.ts';
import { answerStatistics, statisticsDocument, StatisticsDocument, StatisticsQueryString } from '../statisticsRequest.ts';
import { ApiError } from './schemas.ts';

export const publicStatisticsApi: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/public/statistics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Court statistics per month',
        description:
          'Cases received and decided, the share filed electronically, the median days from registration to decision and appeal outcomes, per month, for one court (`court`) or the whole country. Counted every night; a period covers at most 24 months. The same document as `/statistics.json`.',
        querystring: StatisticsQueryString,
        response: { 200: StatisticsDocument, 400: ApiError },
      },
    },
    async (request) => {
      const answer = await answerStatistics(app, request.query);
      if ('refused' in answer) throw new SotError(answer.refused);
      return statisticsDocument(answer);
    },
  );
};
