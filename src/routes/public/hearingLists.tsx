import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { courtDateIso } from '../../domain/courtTime.ts';
import { encodeHearingCursor, parseHearingList, type HearingListRefusal, type RawHearingList } from '../../domain/hearingList.ts';
import { ERRORS, SotError } from '../../errors.ts';
import { listCourts } from '../../queries/courts.ts';
import { HEARING_PRINT_LIMIT, judgesOfCourt, listHearings, listRegions, type CourtNames } from '../../queries/hearingList.ts';
import { urls } from '../../urls.ts';
import { HearingListPrintPage, HearingListsPage } from '../../views/pages/HearingListsPage.tsx';

const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));

/**
 * The list's query string, the same for the page, its print form and the API. Limits are generous:
 * a value that is not one of the choices is refused with a message, not a bare schema error.
 */
export const HearingListQuery = Type.Object({
  from: text(100),
  to: text(100),
  court: text(100),
  region: text(100),
  judge: text(100),
  category: text(100),
  kind: text(100),
  cursor: text(1000),
});

const FIELD_OF: Record<HearingListRefusal, keyof RawHearingList> = {
  hearings_invalid_date: 'from',
  hearings_reversed_range: 'to',
  hearings_range_too_long: 'to',
  hearings_invalid_filter: 'region',
  hearings_invalid_cursor: 'from',
};

const namesOf = (c: CourtNames): CourtNames => ({ code: c.code, nameKk: c.nameKk, nameRu: c.nameRu, nameEn: c.nameEn });

/** The public hearing lists of every court (CPC Art. 19(1)) and a court's day list to print. No sign-in. */
export const hearingListRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/hearings', { config: { access: 'public' }, schema: { hide: true, querystring: HearingListQuery } }, async (request, reply) => {
    const t = request.t;
    const query = request.query as RawHearingList;
    const today = courtDateIso(app.clock());
    const page = { title: t('hearingLists.title'), nav: 'hearingLists' as const };
    const parsed = parseHearingList(query, today);
    const courtCode = 'refused' in parsed ? null : parsed.courtCode;
    const [courtRows, regions, judges] = await Promise.all([listCourts(app.readDb), listRegions(app.readDb), courtCode ? judgesOfCourt(app.readDb, courtCode) : Promise.resolve([])]);
    const courts = courtRows.map((r) => namesOf(r.court));
    const props = { query, today, courts, regions, judges };
    if ('refused' in parsed) {
      const field = parsed.refused === 'hearings_invalid_date' && query.to && !query.from ? 'to' : FIELD_OF[parsed.refused];
      return reply.page({ ...page, title: `${t('error.title')}: ${page.title}`, status: ERRORS[parsed.refused].status }, <HearingListsPage {...props} errors={[{ field, message: t(ERRORS[parsed.refused].message) }]} result={null} />);
    }
    const found = await listHearings(app.searchDb, parsed);
    const nextUrl = found.next ? urls.hearingLists({ ...query, cursor: encodeHearingCursor(found.next) }) : null;
    const firstUrl = parsed.cursor ? urls.hearingLists({ ...query, cursor: undefined }) : null;
    const printUrl = parsed.courtCode && parsed.from === parsed.to ? urls.hearingListPrint({ court: parsed.courtCode, from: parsed.from }) : null;
    return reply.page(page, <HearingListsPage {...props} errors={[]} result={{ items: found.items, from: parsed.from, to: parsed.to, nextUrl, firstUrl, printUrl }} />);
  });

  app.get('/hearings/print', { config: { access: 'public' }, schema: { hide: true, querystring: HearingListQuery } }, async (request, reply) => {
    const query = request.query as RawHearingList;
    const parsed = parseHearingList(query, courtDateIso(app.clock()));
    if ('refused' in parsed) throw new SotError(parsed.refused);
    if (!parsed.courtCode || parsed.from !== parsed.to || parsed.cursor) throw new SotError('hearings_print_needs_court_day');
    const court = (await listCourts(app.readDb)).find((r) => r.court.code === parsed.courtCode);
    if (!court) throw new SotError('court_not_found');
    const found = await listHearings(app.searchDb, parsed, HEARING_PRINT_LIMIT);
    const title = request.t('hearingLists.title');
    return reply.page({ title, nav: 'hearingLists' }, <HearingListPrintPage court={namesOf(court.court)} day={parsed.from} items={found.items} more={found.next !== null} limit={HEARING_PRINT_LIMIT} />);
  });
};
