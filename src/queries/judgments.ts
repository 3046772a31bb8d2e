/**
 * The judgment bank as read: the public search (full text in Russian with stemming, Kazakh and
 * any other language by word prefix and trigram similarity), a published judgment, and the
 * court's review queue.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { isStatementTimeout, type SearchReader, underSearchTimeout } from '../db/statementTimeout.ts';
import { cases, courts, judgmentCorrections, judgments, parties } from '../db/schema/index.ts';
import { HIT_END, HIT_START, type JudgmentSearch, type SearchCursor } from '../domain/judgmentSearch.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';

export interface CourtNames {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

export interface JudgmentHit {
  id: string;
  caseNumber: string;
  court: CourtNames;
  courtLevel: number;
  caseKind: string;
  category: string;
  actKind: string;
  outcome: string | null;
  issuedOn: string;
  /** A passage with the hits between HIT_START and HIT_END (see snippetParts). */
  snippet: string;
}

export interface SearchPage {
  items: JudgmentHit[];
  next: SearchCursor | null;
  /** How many match, counted up to COUNT_CAP; `capped` when there are more. */
  estimatedTotal: number;
  capped: boolean;
}

export const PAGE_SIZE = 20;
/**
 * Counting stops here: an exact count of a broad search over a million rows is not worth its time,
 * and each match counted reads its vectors (a common word's 10,000 took half a second). Equal to
 * RANK_WINDOW, so a search by relevance takes its count from the window it ranks. 100 rather than
 * 200: the window's reading and ranking were half of a common word's search (bench/RESULTS.md).
 */
export const COUNT_CAP = 100;

const HEADLINE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Snippets are cut from a passage around the first hit, not the whole text: `ts_headline` parses
 * all it is given, a real judgment runs to tens of kilobytes, and a page shows twenty of them
 * (twenty 35 KB texts: 63 ms whole, 10 ms as passages, most of it reading the texts). The passage
 * starts about ten words before the hit and is about as long as the snippet's 35 words: the
 * headline's cost grows with the words it parses, and the snippets of a page were most of a
 * search's database time (a third less with 320 characters than with 600; bench/RESULTS.md).
 */
export const PASSAGE_BEFORE = 80;
export const PASSAGE_LENGTH = 320;

/**
 * Where the first hit is, as `hit.at` (null when none is found): the first place any search word
 * (the phrase is words of letters and digits joined by spaces) or any Russian stem of them begins,
 * in lower case or capitalised. A Snowball stem begins its word, so `strpos` finds it without
 * parsing the text, and without `lower` over all of it (which cost more than the snippets). A word
 * found only in capitals, or with ё where the search had е, is not found here: its snippet comes
 * from the text's opening, as a fuzzy match's does.
 */
function firstHitJoin(phrase: string): SQL {
  return sql`left join lateral (
          select min(nullif(strpos(p.text, variant), 0)) as at
          from unnest(array_cat(string_to_array(${phrase}, ' '), tsvector_to_array(to_tsvector('russian', ${phrase})))) probe
          cross join unnest(array[probe, upper(left(probe, 1)) || substr(probe, 2)]) variant
        ) hit on true`;
}

/** The passage's characters, and one more to tell whether the text goes on past it. */
const piece = `substr(p.text, greatest(1, coalesce(hit.at, 1) - ${PASSAGE_BEFORE}), ${PASSAGE_LENGTH + 1})`;

/**
 * The passage a snippet is cut from: around the first hit, or the text's opening when none was
 * found, without the part-words its cut would leave at either end.
 */
const passage = sql.raw(
  `regexp_replace(
    case when length(${piece}) > ${PASSAGE_LENGTH} then regexp_replace(${piece}, '\\s*\\S*$', '') else ${piece} end,
    case when coalesce(hit.at, 1) > ${PASSAGE_BEFORE + 1} then '^\\S*\\s+' else '^$' end, '')`,
);

/**
 * How words match: `exact` is Russian by stem and Kazakh (and anything else) by word prefix,
 * which reaches its suffixed forms (сот → соттың, сотқа); `fuzzy`, tried only when that finds
 * nothing for a single word of some length, is trigram similarity to a word of the text, which
 * forgives a typo or a Kazakh ending the prefix missed. Kept apart because an OR of the two makes
 * a common word scan the table.
 */
export type MatchMode = 'exact' | 'fuzzy';

const fuzzyAllowed = (search: JudgmentSearch) => search.words.length === 1 && search.words[0]!.length >= 4;

function conditions(search: JudgmentSearch, mode: MatchMode = 'exact'): SQL[] {
  const where: SQL[] = [sql`j.status = 'published'`];
  if (search.words.length > 0) {
    const phrase = search.words.join(' ');
    const prefix = search.words.map((w) => `${w}:*`).join(' & ');
    where.push(mode === 'fuzzy' ? sql`${phrase} <% j.text` : sql`(j.tsv_ru @@ plainto_tsquery('russian', ${phrase}) or j.tsv_simple @@ to_tsquery('simple', ${prefix}))`);
  }
  if (search.courtCode) where.push(sql`j.court_id = (select id from courts where code = ${search.courtCode})`);
  if (search.level) where.push(sql`j.court_level = ${search.level}`);
  if (search.kind) where.push(sql`j.case_kind = ${search.kind}`);
  if (search.category) where.push(sql`j.category = ${search.category}`);
  if (search.actKind) where.push(sql`j.act_kind = ${search.actKind}`);
  if (search.outcome) where.push(sql`j.outcome = ${search.outcome}`);
  if (search.from) where.push(sql`j.issued_on >= ${search.from}::date`);
  if (search.to) where.push(sql`j.issued_on <= ${search.to}::date`);
  return where;
}

/**
 * A judgment is ranked by the vector of its own language: a Kazakh one by word prefix, any other by
 * Russian stem. Each ranked row reads one vector, not both.
 */
function rankOf(search: JudgmentSearch): SQL {
  if (search.words.length === 0) return sql`0::real`;
  const phrase = search.words.join(' ');
  const prefix = search.words.map((w) => `${w}:*`).join(' & ');
  return sql`(case when j.lang = 'kk' then ts_rank_cd(j.tsv_simple, to_tsquery('simple', ${prefix})) else ts_rank_cd(j.tsv_ru, plainto_tsquery('russian', ${phrase})) end)::real`;
}

/**
 * Relevance is worked out for at most this many matches, the newest: ranking reads each match's
 * vectors, and a common word ("истец", "талапкер") matches most of the bank, so ranking every match
 * would read hundreds of thousands of them for one page. A search with fewer matches is ranked whole.
 */
export const RANK_WINDOW = COUNT_CAP;

// Orders by date spell out `nulls last` as the date indexes were built: `desc` alone means nulls
// first, which the planner does not match to them, and a common word then sorts every match.

/** Whether the page is ranked by relevance over a window of matches (else it is read by date). */
const ranksWindow = (search: JudgmentSearch) => search.order !== 'date' && search.words.length > 0;

/**
 * The statement that finds one page: published rows matching the words and filters, after the
 * cursor, in order, one more than a page (to know whether there is a next). By date it walks the
 * date index and stops at the page; by relevance it ranks the newest RANK_WINDOW matches only (the
 * same window on every page, so the cursor reads on through it). Exported so a test can EXPLAIN the
 * very statement the search runs.
 */
export function pageStatement(search: JudgmentSearch, mode: MatchMode = 'exact'): SQL {
  const rank = rankOf(search);
  const byDate = !ranksWindow(search);
  const page = conditions(search, mode);
  const c = search.cursor;
  const columns = sql`j.id, j.case_number, j.court_id, j.court_level, j.case_kind, j.category, j.act_kind, j.outcome, j.issued_on::text as issued_on, j.lang, j.text`;
  if (byDate) {
    if (c) page.push(sql`(j.issued_on, j.id) < (${c.issuedOn}::date, ${c.id}::uuid)`);
    return sql`select ${columns}, ${rank} as rank
          from judgments j
          where ${sql.join(page, sql` and `)}
          order by j.issued_on desc nulls last, j.id desc nulls last
          limit ${PAGE_SIZE + 1}`;
  }
  return sql`select r.* from (
            select ${columns}, ${rank} as rank, count(*) over () as matched
            from (select * from judgments j where ${sql.join(page, sql` and `)} order by j.issued_on desc nulls last, j.id desc nulls last limit ${RANK_WINDOW}) j
          ) r
          ${c ? sql`where (r.rank, r.id) < (${c.rank}::real, ${c.id}::uuid)` : sql``}
          order by r.rank desc, r.id desc
          limit ${PAGE_SIZE + 1}`;
}

/** One page of published judgments matching the search, newest or most relevant first. */
export async function searchJudgments(db: Db, search: JudgmentSearch): Promise<SearchPage> {
  // The same derivation as the page statement's: relevance with no words is read by date.
  const byDate = !ranksWindow(search);
  const headlineQuery =
    search.words.length === 0
      ? null
      : { phrase: search.words.join(' '), prefix: search.words.map((w) => `${w}:*`).join(' | ') };
  try {
    return await underSearchTimeout(db, async (tx) => {
      const first = await pageIn(tx, 'exact');
      return first.items.length === 0 && !search.cursor && fuzzyAllowed(search) ? pageIn(tx, 'fuzzy') : first;
    });
  } catch (error) {
    if (isStatementTimeout(error)) throw new SotError('judgments_search_too_broad');
    throw error;
  }

  async function pageIn(tx: SearchReader, mode: MatchMode): Promise<SearchPage> {
      const where = conditions(search, mode);
      const found = await tx.execute(sql`
        select p.id, p.case_number, p.court_id, p.court_level, p.case_kind, p.category, p.act_kind, p.outcome, p.issued_on, p.rank,
          ${ranksWindow(search) ? sql`p.matched,` : sql``} c.code, c.name_kk, c.name_ru, c.name_en,
          ${
            headlineQuery
              ? sql`case when p.lang = 'kk'
                  then ts_headline('simple', ${passage}, to_tsquery('simple', ${headlineQuery.prefix}), ${HEADLINE_OPTIONS})
                  else ts_headline('russian', ${passage}, plainto_tsquery('russian', ${headlineQuery.phrase}), ${HEADLINE_OPTIONS}) end`
              : sql`left(p.text, 300)`
          } as snippet
        -- The text stays in the database: only its snippet is sent.
        from (${pageStatement(search, mode)}) p
        join courts c on c.id = p.court_id
        ${headlineQuery ? firstHitJoin(headlineQuery.phrase) : sql``}
        order by ${byDate ? sql`p.issued_on desc, p.id desc` : sql`p.rank desc, p.id desc`}`);
      const rows = found.rows as Record<string, unknown>[];
      // No count when the first page holds every match, nor by relevance (its window was counted).
      const total =
        !search.cursor && rows.length <= PAGE_SIZE
          ? rows.length
          : rows[0] && rows[0]['matched'] !== undefined
            ? Number(rows[0]['matched']) + (Number(rows[0]['matched']) >= RANK_WINDOW ? 1 : 0)
            : Number(((await tx.execute(sql`select count(*)::int as n from (select 1 from judgments j where ${sql.join(where, sql` and `)} limit ${COUNT_CAP + 1}) s`)).rows[0] as { n: number }).n);
      const items = rows.slice(0, PAGE_SIZE).map(
        (r): JudgmentHit => ({
          id: String(r['id']),
          caseNumber: String(r['case_number']),
          court: { code: String(r['code']), nameKk: String(r['name_kk']), nameRu: String(r['name_ru']), nameEn: String(r['name_en']) },
          courtLevel: Number(r['court_level']),
          caseKind: String(r['case_kind']),
          category: String(r['category']),
          actKind: String(r['act_kind']),
          outcome: r['outcome'] === null ? null : String(r['outcome']),
          issuedOn: String(r['issued_on']),
          snippet: String(r['snippet'] ?? ''),
        }),
      );
      const last = rows.length > PAGE_SIZE ? rows[PAGE_SIZE - 1] : undefined;
      return {
        items,
        // A fuzzy match is a fallback for a typo: one page of it, no cursor that would page the exact search.
        next: last && mode === 'exact' ? { order: search.order, issuedOn: String(last['issued_on']), rank: Number(last['rank']), id: String(last['id']) } : null,
        estimatedTotal: Math.min(total, COUNT_CAP),
        capped: total > COUNT_CAP,
      };
  }
}

export interface PublicJudgment extends Omit<JudgmentHit, 'snippet'> {
  text: string;
  lang: string;
  publishedAt: Date;
}

/** The statement behind a judgment's public page, exported so a test can EXPLAIN it. */
export function publishedJudgmentQuery(db: Db, id: string) {
  return db
    .select({ judgment: judgments, court: { code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn } })
    .from(judgments)
    .innerJoin(courts, eq(courts.id, judgments.courtId))
    .where(and(eq(judgments.id, id), eq(judgments.status, 'published')));
}

/** A published judgment, or null (not published, withheld, or no such row). */
export async function publishedJudgment(db: Db, id: string): Promise<PublicJudgment | null> {
  const [row] = await publishedJudgmentQuery(db, id);
  if (!row) return null;
  const j = row.judgment;
  return {
    id: j.id,
    caseNumber: j.caseNumber,
    court: row.court,
    courtLevel: j.courtLevel,
    caseKind: j.caseKind,
    category: j.category,
    actKind: j.actKind,
    outcome: j.outcome,
    issuedOn: j.issuedOn,
    text: j.text ?? '',
    lang: j.lang,
    publishedAt: j.publishedAt!,
  };
}

export interface QueueRow {
  id: string;
  caseId: string;
  caseNumber: string;
  actKind: string;
  issuedOn: string;
  status: string;
  flags: number;
  caseStatus: string;
  pendingCorrections: number;
}

const QUEUE_LIMIT = 200;

/**
 * The judgments the official may review: of the courts whose office they work in, and of the
 * cases they judge. Waiting ones first, then those with open correction requests.
 */
export async function judgmentQueue(db: Db, principal: Principal): Promise<QueueRow[]> {
  const mine = queueScope(principal);
  if (!mine) return [];
  const open = openCorrections();
  const rows = await db
    .select({
      id: judgments.id,
      caseId: judgments.caseId,
      caseNumber: judgments.caseNumber,
      actKind: judgments.actKind,
      issuedOn: judgments.issuedOn,
      status: judgments.status,
      flags: sql<number>`jsonb_array_length(${judgments.flags})`,
      caseStatus: cases.status,
      pendingCorrections: open,
    })
    .from(judgments)
    .innerJoin(cases, eq(cases.id, judgments.caseId))
    .where(and(mine, or(inArray(judgments.status, ['pending_review', 'needs_text']), sql`${open} > 0`)))
    .orderBy(asc(judgments.issuedOn), asc(judgments.id))
    .limit(QUEUE_LIMIT);
  return rows.map((r) => ({ ...r, flags: Number(r.flags), pendingCorrections: Number(r.pendingCorrections) }));
}

/** The judgments an official reviews: of the courts whose office they work in, and of the cases they judge; null for no one's. */
function queueScope(principal: Principal): SQL | null {
  const clerkCourts = principal.roles.filter((r) => r.role === 'clerk' && r.courtId).map((r) => r.courtId!);
  const judgeCourts = principal.roles.filter((r) => r.role === 'judge' && r.courtId).map((r) => r.courtId!);
  const mine: SQL[] = [];
  if (clerkCourts.length > 0) mine.push(inArray(judgments.courtId, clerkCourts));
  if (judgeCourts.length > 0) mine.push(and(eq(cases.judgeId, principal.userId), inArray(judgments.courtId, judgeCourts))!);
  return mine.length === 0 ? null : or(...mine)!;
}

const openCorrections = () => sql<number>`(select count(*)::int from ${judgmentCorrections} jc where jc.judgment_id = ${judgments.id} and jc.status = 'pending')`;

/** Beyond this the staff link says "99+": counting stops, so the link costs the same however long the queue grows. */
export const WAITING_CAP = 99;

export interface JudgmentsWaiting {
  /** Judgments waiting for review (or with an open correction request), counted up to WAITING_CAP. */
  count: number;
  capped: boolean;
}

/**
 * How many entries the official's review queue holds, for the link to it from their own work
 * pages: the queue's own scope and conditions, counted up to WAITING_CAP.
 */
export async function judgmentsWaiting(db: Db, principal: Principal): Promise<JudgmentsWaiting> {
  const mine = queueScope(principal);
  if (!mine) return { count: 0, capped: false };
  // Two bounded parts rather than the queue's OR: waiting rows come from the partial queue index,
  // open requests from the (small) corrections table, so no court's published rows are scanned.
  const found = await db.execute(sql`select count(*)::int as n from (
      (select ${judgments.id} from ${judgments} join ${cases} on ${cases.id} = ${judgments.caseId}
        where ${judgments.status} in ('pending_review', 'needs_text') and ${mine} limit ${WAITING_CAP + 1})
      union
      (select ${judgments.id} from ${judgmentCorrections} jc join ${judgments} on ${judgments.id} = jc.judgment_id join ${cases} on ${cases.id} = ${judgments.caseId}
        where jc.status = 'pending' and ${mine} limit ${WAITING_CAP + 1})
    ) waiting`);
  const n = Number((found.rows[0] as { n: number }).n);
  return { count: Math.min(n, WAITING_CAP), capped: n > WAITING_CAP };
}

/** One judgment as the reviewing official sees it, with its open correction requests; 404 for anyone else. */
export async function judgmentForReview(db: Db, principal: Principal, id: string) {
  const [row] = await db
    .select({ judgment: judgments, caseStatus: cases.status, judgeId: cases.judgeId, court: { code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn } })
    .from(judgments)
    .innerJoin(cases, eq(cases.id, judgments.caseId))
    .innerJoin(courts, eq(courts.id, judgments.courtId))
    .where(eq(judgments.id, id));
  if (!row || !can(principal, { action: 'review', resource: 'judgment', courtId: row.judgment.courtId, judgeId: row.judgeId })) return null;
  const corrections = await db
    .select({ id: judgmentCorrections.id, note: judgmentCorrections.note, requestedAt: judgmentCorrections.requestedAt, status: judgmentCorrections.status, reason: judgmentCorrections.reason, partyRole: parties.role })
    .from(judgmentCorrections)
    .innerJoin(parties, eq(parties.id, judgmentCorrections.partyId))
    .where(eq(judgmentCorrections.judgmentId, id))
    .orderBy(desc(judgmentCorrections.requestedAt));
  return { ...row, corrections };
}

/** The published judgments of a case, for its parties' page (where a correction is asked for). */
export async function publishedJudgmentsOfCase(db: Db, caseId: string) {
  return db
    .select({ id: judgments.id, actKind: judgments.actKind, issuedOn: judgments.issuedOn, documentId: judgments.documentId })
    .from(judgments)
    .where(and(eq(judgments.caseId, caseId), eq(judgments.status, 'published')))
    .orderBy(asc(judgments.issuedOn));
}
