import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { COURT_HEARS, COURT_RESULTS_MAX, type RawCourtSearch } from '../../domain/courtFinder.ts';
import { SotError } from '../../errors.ts';
import { searchCourts, type CourtHit } from '../../queries/courts.ts';
import { urls } from '../../urls.ts';
import { CourtSearchQuery } from '../public/courts.tsx';
import { ApiError } from './schemas.ts';

const Names = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });

const CourtItem = Type.Object({
  code: Type.String({ examples: ['7517'] }),
  name: Names,
  level: Type.Integer({ minimum: 1, maximum: 4, description: '1 district and equivalent, 2 regional and equivalent, 3 cassation, 4 Supreme Court' }),
  type: Type.String({ description: 'district, specialised_economic, specialised_administrative, …, regional, cassation, supreme' }),
  region: Type.Object({ code: Type.String(), name: Names }),
  address: Names,
  hears: Type.Array(Type.Enum(COURT_HEARS), { description: 'What the court hears: a specialised court its specialisation, any other its kinds of proceedings' }),
  url: Type.String({ description: 'The court’s page' }),
});

const CourtList = Type.Object(
  {
    items: Type.Array(CourtItem, { maxItems: COURT_RESULTS_MAX }),
    total: Type.Integer({ description: `Courts matching; at most ${COURT_RESULTS_MAX} are listed, best first` }),
    didYouMean: Type.Array(CourtItem, { maxItems: 3, description: 'When nothing matched: the courts nearest to what was typed' }),
  },
  { $id: 'CourtList' },
);

const names = (c: { nameKk: string; nameRu: string; nameEn: string }) => ({ kk: c.nameKk, ru: c.nameRu, en: c.nameEn });

export const publicCourtsApi: FastifyPluginAsyncTypebox = async (app) => {
  const item = (hit: CourtHit) => ({
    code: hit.court.code,
    name: names(hit.court),
    level: hit.court.level,
    type: hit.court.type,
    region: { code: hit.region.code, name: names(hit.region) },
    address: { kk: hit.court.addressKk, ru: hit.court.addressRu, en: hit.court.addressEn },
    hears: hit.hears,
    url: `${app.config.publicUrl}${urls.court(hit.court.code)}`,
  });

  app.get(
    '/public/courts',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Find a court',
        description:
          'Courts by words of their name, city or region in Kazakh, Russian or English (Cyrillic or Latin letters, a typo or two forgiven; exact and prefix matches first), or by code, with filters: `level` 1–4, `region` (a region code), `hears` (civil, economic, administrative, criminal, juvenile, administrative_offence). A query over 200 characters or an unknown filter is refused with 400.',
        querystring: CourtSearchQuery,
        response: { 200: CourtList, 400: ApiError },
      },
    },
    async (request) => {
      const found = await searchCourts(app.readDb, request.query as RawCourtSearch);
      if ('refused' in found) throw new SotError(found.refused);
      return { items: found.items.map(item), total: found.total, didYouMean: found.nearest.map(item) };
    },
  );
};
