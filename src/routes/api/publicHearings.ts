import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { courtDateIso } from '../../domain/courtTime.ts';
import { encodeHearingCursor, parseHearingList, type RawHearingList } from '../../domain/hearingList.ts';
import { SotError } from '../../errors.ts';
import { listHearings } from '../../queries/hearingList.ts';
import { HearingListQuery } from '../public/hearingLists.tsx';
import { ApiError } from './schemas.ts';

const Names = Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() });

const HearingItem = Type.Object({
  startsAt: Type.String({ format: 'date-time' }),
  day: Type.String({ format: 'date', description: 'The court’s day (Asia/Almaty)' }),
  court: Type.Object({ code: Type.String(), name: Names }),
  room: Type.Union([Type.String(), Type.Null()], { description: 'Null when the hearing is by video link' }),
  video: Type.Boolean(),
  caseNumber: Type.String({ examples: ['7517-26-00-2/1'] }),
  kind: Type.String({ description: 'Kind of proceedings: civil, administrative, criminal, administrative_offence' }),
  category: Type.String(),
  judge: Type.Union([Type.String(), Type.Null()]),
  status: Type.String({ description: 'scheduled, opened, held, adjourned, not_held, postponed or cancelled' }),
  partiesWithheld: Type.Union([Type.Literal('closed_hearing'), Type.Literal('private_matter'), Type.Null()], { description: 'Why no party is named (CPC Art. 19(2)); null when parties may be named' }),
  parties: Type.Array(Type.Object({ role: Type.String(), name: Type.String() }), { description: 'Parties who may be named: never a minor, never in a closed or private case' }),
  unnamedParties: Type.Integer({ description: 'Parties left out (minors, or persons whose age is unknown)' }),
});

const HearingList = Type.Object(
  {
    items: Type.Array(HearingItem),
    next: Type.Union([Type.String(), Type.Null()], { description: 'Opaque cursor of the next page; null on the last' }),
  },
  { $id: 'HearingList', description: 'Public hearings of every court, ordered by start. No IIN, address, phone or e-mail of anyone.' },
);

export const publicHearingsApi: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/public/hearings',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: 'Hearing lists of every court',
        description:
          'Hearings from `from` to `to` (court days, YYYY-MM-DD, at most 31 days; today when omitted), filtered by court code, region code, judge id, category and kind of proceedings. Pages of 50 by an opaque `cursor` taken from `next`.',
        querystring: HearingListQuery,
        response: { 200: HearingList, 400: ApiError },
      },
    },
    async (request) => {
      const parsed = parseHearingList(request.query as RawHearingList, courtDateIso(app.clock()));
      if ('refused' in parsed) throw new SotError(parsed.refused);
      const found = await listHearings(app.searchDb, parsed);
      return {
        items: found.items.map((h) => ({
          startsAt: h.startsAt.toISOString(),
          day: h.day,
          court: { code: h.court.code, name: { kk: h.court.nameKk, ru: h.court.nameRu, en: h.court.nameEn } },
          room: h.room,
          video: h.video,
          caseNumber: h.caseNumber,
          kind: h.kind,
          category: h.category,
          judge: h.judge,
          status: h.status,
          partiesWithheld: h.parties.withheld,
          parties: h.parties.withheld === null ? h.parties.named : [],
          unnamedParties: h.parties.withheld === null ? h.parties.unnamed : 0,
        })),
        next: found.next ? encodeHearingCursor(found.next) : null,
      };
    },
  );
};
