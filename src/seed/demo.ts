import { skipCaseAlertsToNow } from '../jobs/caseAlerts.ts';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { allocateCaseNumber } from '../db/caseNumbers.ts';
import { isBenchRole } from '../policies/principal.ts';
import { cases, courts, documents, events, hearings, organisations, parties, regions, userRoles, users } from '../db/schema/index.ts';
import type { Tx } from '../db/tx.ts';
import type { CaseCategory, CaseKind, Instance } from '../domain/caseKinds.ts';
import { numberCategoryCode } from '../domain/caseNumber.ts';
import { nextStatuses, type CaseStatus } from '../domain/caseStatus.ts';
import { addCalendarDays, type CourtCalendar } from '../domain/calendar/workingDays.ts';
import { loadReference } from '../queries/reference.ts';
import type { IsoDay } from '../domain/calendar/holidays.ts';
import { closeDeadlines, openDeadline, openSetDeadline } from '../commands/caseProgress.ts';
import { considerationKind, hasTrialTerms, TRIAL_TERMS } from '../domain/deadlines.ts';
import { APPEAL_DEFECTS_TERM } from '../commands/admitCase.ts';
import { courtDateIso } from '../i18n/format.ts';
import { courtInstant } from '../domain/hearingSlots.ts';
import { courtMoment } from './courtMoment.ts';
import { seedIncomingFilings } from './counter.ts';
import { DEMO_COURTS, DEMO_REGIONS } from './courts.ts';
import { DEMO_BANK, DEMO_COMPANY, demoPeople, type DemoPerson } from './people.ts';
import { seedBench } from './bench.ts';
import { seedAppealPath } from './appeals.ts';
import type { DocumentKind } from '../domain/documents.ts';
import type { PartyRole } from '../domain/parties.ts';

const DAY = 86_400_000;

/** The shortest way through the lifecycle from filing to `target`, as the case would have travelled it. */
export function lifecyclePath(target: CaseStatus, instance = 1, category?: string): CaseStatus[] {
  const start: CaseStatus = 'submitted';
  // A court order's case goes by the order; any other case never passes through one.
  const orderStage = (status: CaseStatus) => status.startsWith('order_');
  const allowed = (status: CaseStatus) => category === 'court_order' || orderStage(target) || !orderStage(status);
  const avoided = (status: CaseStatus) => category === 'court_order' && ['accepted', 'preparation', 'hearing_scheduled', 'decided', 'decision_final', 'appeal_window', 'appealed'].includes(status);
  const previous = new Map<CaseStatus, CaseStatus | null>([[start, null]]);
  const queue: CaseStatus[] = [start];
  while (queue.length > 0) {
    const status = queue.shift()!;
    if (status === target) break;
    for (const next of nextStatuses(status, instance)) {
      if (!allowed(next) || avoided(next)) continue;
      if (!previous.has(next)) {
        previous.set(next, status);
        queue.push(next);
      }
    }
  }
  if (!previous.has(target)) throw new Error(`${target} is not reachable from ${start}`);
  const path: CaseStatus[] = [];
  for (let s: CaseStatus | null = target; s; s = previous.get(s) ?? null) path.unshift(s);
  return path;
}

interface Scenario {
  court: string;
  kind: CaseKind;
  category: CaseCategory;
  status: CaseStatus;
  /** Days before now the claim was filed. */
  filedDaysAgo: number;
  claimant: string;
  defendant: string | 'company' | 'bank';
  /** A scheduled hearing this many days from now (negative: held in the past). */
  hearingInDays?: number;
  closed?: boolean;
  lawyerFor?: 'claimant' | 'defendant';
  /** Index of the scenario whose decision this appeal reviews. */
  appealOf?: number;
}

/** Dozens of cases spread over courts, kinds and every stage of the lifecycle. */
const SCENARIOS: Scenario[] = [
  { court: '7517', kind: 'civil', category: 'property', status: 'hearing_scheduled', filedDaysAgo: 40, claimant: 'citizen', defendant: 'citizen2', hearingInDays: 3, lawyerFor: 'claimant' },
  { court: '7517', kind: 'civil', category: 'property', status: 'submitted', filedDaysAgo: 1, claimant: 'citizen', defendant: 'bank' },
  { court: '7517', kind: 'civil', category: 'divorce', status: 'preparation', filedDaysAgo: 20, claimant: 'citizen3', defendant: 'citizen4', closed: true },
  { court: '7517', kind: 'civil', category: 'labour', status: 'assigned', filedDaysAgo: 4, claimant: 'citizen2', defendant: 'company' },
  { court: '7517', kind: 'civil', category: 'alimony', status: 'accepted', filedDaysAgo: 9, claimant: 'citizen3', defendant: 'citizen2' },
  { court: '7517', kind: 'civil', category: 'property', status: 'returned', filedDaysAgo: 8, claimant: 'citizen4', defendant: 'citizen' },
  { court: '7517', kind: 'civil', category: 'housing', status: 'returned', filedDaysAgo: 30, claimant: 'citizen2', defendant: 'citizen4' },
  { court: '7517', kind: 'civil', category: 'property', status: 'appealed', filedDaysAgo: 150, claimant: 'company', defendant: 'citizen2', hearingInDays: -70, lawyerFor: 'defendant' },
  { court: '7517', kind: 'civil', category: 'inheritance', status: 'in_force', filedDaysAgo: 200, claimant: 'citizen', defendant: 'citizen3', hearingInDays: -120 },
  { court: '7517', kind: 'civil', category: 'property', status: 'decided', filedDaysAgo: 70, claimant: 'bank', defendant: 'citizen4', hearingInDays: -1 },
  { court: '7517', kind: 'civil', category: 'non_property', status: 'hearing_scheduled', filedDaysAgo: 35, claimant: 'citizen4', defendant: 'company', hearingInDays: 6 },
  { court: '7517', kind: 'criminal', category: 'criminal', status: 'hearing_scheduled', filedDaysAgo: 25, claimant: 'citizen', defendant: 'citizen2', hearingInDays: 2 },
  { court: '7517', kind: 'administrative_offence', category: 'administrative_offence', status: 'decision_final', filedDaysAgo: 15, claimant: 'citizen2', defendant: 'citizen4', hearingInDays: -6 },
  { court: '9514', kind: 'civil', category: 'property', status: 'hearing_scheduled', filedDaysAgo: 28, claimant: 'citizen2', defendant: 'citizen', hearingInDays: 1 },
  { court: '9514', kind: 'civil', category: 'court_order', status: 'in_force', filedDaysAgo: 45, claimant: 'bank', defendant: 'citizen3' },
  { court: '9514', kind: 'civil', category: 'divorce', status: 'appealed', filedDaysAgo: 90, claimant: 'citizen4', defendant: 'citizen3', hearingInDays: -20, closed: true },
  { court: '9514', kind: 'civil', category: 'special_proceedings', status: 'archived', filedDaysAgo: 300, claimant: 'citizen', defendant: 'citizen2', hearingInDays: -250 },
  { court: '9511', kind: 'civil', category: 'property', status: 'registered', filedDaysAgo: 2, claimant: 'citizen4', defendant: 'bank' },
  { court: '9511', kind: 'criminal', category: 'criminal', status: 'preparation', filedDaysAgo: 14, claimant: 'citizen2', defendant: 'citizen4' },
  { court: '9594', kind: 'civil', category: 'property', status: 'hearing_scheduled', filedDaysAgo: 50, claimant: 'company', defendant: 'bank', hearingInDays: 4, lawyerFor: 'claimant' },
  { court: '9594', kind: 'civil', category: 'property', status: 'accepted', filedDaysAgo: 6, claimant: 'bank', defendant: 'company' },
  { court: '9594', kind: 'civil', category: 'non_property', status: 'decided', filedDaysAgo: 60, claimant: 'company', defendant: 'bank', hearingInDays: -2 },
  { court: '7594', kind: 'administrative', category: 'public_law_dispute', status: 'hearing_scheduled', filedDaysAgo: 30, claimant: 'company', defendant: 'citizen2', hearingInDays: 5 },
  { court: '7594', kind: 'administrative', category: 'state_body_complaint', status: 'assigned', filedDaysAgo: 3, claimant: 'citizen', defendant: 'citizen4' },
  { court: '9113', kind: 'civil', category: 'property', status: 'hearing_scheduled', filedDaysAgo: 33, claimant: 'citizen4', defendant: 'citizen2', hearingInDays: 2 },
  { court: '9113', kind: 'civil', category: 'labour', status: 'in_force', filedDaysAgo: 120, claimant: 'citizen3', defendant: 'company', hearingInDays: -80 },
  { court: '9113', kind: 'civil', category: 'alimony', status: 'submitted', filedDaysAgo: 0, claimant: 'citizen3', defendant: 'citizen4' },
  { court: '9114', kind: 'administrative_offence', category: 'administrative_offence', status: 'hearing_scheduled', filedDaysAgo: 10, claimant: 'citizen2', defendant: 'citizen', hearingInDays: 1 },
  { court: '9711', kind: 'civil', category: 'property', status: 'preparation', filedDaysAgo: 18, claimant: 'citizen', defendant: 'citizen4' },
  { court: '9394', kind: 'civil', category: 'property', status: 'accepted', filedDaysAgo: 7, claimant: 'company', defendant: 'bank' },
  // Appeals: reviewing the decisions of the cases at the given index (new scenarios go after them).
  { court: '7599', kind: 'civil', category: 'property', status: 'hearing_scheduled', filedDaysAgo: 40, claimant: 'company', defendant: 'citizen2', hearingInDays: 8, appealOf: 7, lawyerFor: 'defendant' },
  { court: '7599', kind: 'civil', category: 'divorce', status: 'accepted', filedDaysAgo: 5, claimant: 'citizen4', defendant: 'citizen3', closed: true, appealOf: 15 },
  { court: '9199', kind: 'civil', category: 'labour', status: 'in_force', filedDaysAgo: 60, claimant: 'citizen3', defendant: 'company', hearingInDays: -30, appealOf: 25 },
  // A decision in final form whose appeal window is open: the demo citizen can appeal it.
  { court: '7517', kind: 'civil', category: 'property', status: 'appeal_window', filedDaysAgo: 55, claimant: 'citizen', defendant: 'citizen4', hearingInDays: -5 },
  // An appeal left without motion by the regional court, with its term to cure the defects running.
  { court: '7517', kind: 'civil', category: 'non_property', status: 'appealed', filedDaysAgo: 80, claimant: 'citizen2', defendant: 'citizen', hearingInDays: -25 },
  { court: '7599', kind: 'civil', category: 'non_property', status: 'left_without_motion', filedDaysAgo: 3, claimant: 'citizen2', defendant: 'citizen', appealOf: 34 },
  // A court order just issued against the demo citizen on a bank's loan settlement: the debtor may object.
  { court: '7517', kind: 'civil', category: 'court_order', status: 'order_issued', filedDaysAgo: 3, claimant: 'bank', defendant: 'citizen' },
  // A claim refused because the same dispute was decided already: it may not be brought again (CPC Art. 151(3)).
  { court: '7517', kind: 'civil', category: 'property', status: 'refused', filedDaysAgo: 12, claimant: 'citizen2', defendant: 'company' },
];

/** What the judge's ruling on admission said, for the demo cases that stopped there (CPC Arts 152, 406). */
const ADMISSION_RULING: Partial<Record<CaseStatus, Record<string, string>>> = {
  returned: {
    ground: 'pretrial_procedure',
    article: 'CPC Art. 152(1)(1)',
    reasons: 'Для данной категории споров установлен досудебный порядок урегулирования, сведений о его соблюдении к иску не приложено. Направьте ответчику претензию и по истечении срока ответа на неё обратитесь в суд повторно.',
  },
  refused: {
    ground: 'res_judicata',
    article: 'CPC Art. 151(1)(2)',
    reasons: 'По спору между теми же сторонами, о том же предмете и по тем же основаниям имеется вступившее в законную силу решение суда. Повторное обращение в суд с тем же иском не допускается.',
  },
  left_without_motion: {
    article: 'CPC Art. 406(1)',
    defects: 'Не указано, в чем заключается незаконность решения суда и какой части решения касается жалоба (подпункты 4), 5) части первой статьи 404 ГПК); не приложены копии жалобы по числу лиц, участвующих в деле.',
  },
};

const EARLIEST_STEP_DAYS: Partial<Record<CaseStatus, number>> = { registered: 1, assigned: 1, accepted: 4, preparation: 1 };

interface SeedContext {
  tx: Tx;
  calendar: CourtCalendar;
  now: Date;
  people: Map<string, { id: string; person: DemoPerson }>;
  courtIds: Map<string, string>;
  organisationIds: { company: string; bank: string };
  judgesByCourt: Map<string, string[]>;
}

async function insertParty(ctx: SeedContext, caseId: string, role: PartyRole, handle: string): Promise<string> {
  const base = { caseId, role };
  if (handle === 'company' || handle === 'bank') {
    const organisation = handle === 'company' ? DEMO_COMPANY : DEMO_BANK;
    const representative = handle === 'company' ? ctx.people.get('company')! : undefined;
    const [row] = await ctx.tx
      .insert(parties)
      .values({ ...base, organisationId: ctx.organisationIds[handle], displayName: organisation.name, userId: representative?.id ?? null })
      .returning({ id: parties.id });
    return row!.id;
  }
  const { id, person } = ctx.people.get(handle)!;
  const [row] = await ctx.tx
    .insert(parties)
    .values({ ...base, userId: id, iin: person.iin, displayName: person.fullName, phone: person.phone ?? null, email: person.email ?? null })
    .returning({ id: parties.id });
  return row!.id;
}

/** Summonses the court sent as the demo cases went along; court acts are signed later (demoActs.ts), with the judges' certificates. */
const NOTICE_FOR_STATUS: Partial<Record<CaseStatus, { kind: DocumentKind; title: [string, string] }>> = {
  hearing_scheduled: { kind: 'notice', title: ['Судебная повестка', 'Summons to a hearing'] },
};

/** The procedural terms a case at this stage has running or met, counted from the days its steps happened. */
async function seedTerms(tx: Tx, calendar: CourtCalendar, caseId: string, path: CaseStatus[], stepTimes: Date[], instance: number, parentCaseId: string | null, category: string): Promise<void> {
  const dayOf = (status: CaseStatus) => courtDateIso(stepTimes[path.indexOf(status)]!) as IsoDay;
  const last = path.at(-1)!;
  const at = stepTimes.at(-1)!;
  if (category === 'court_order') {
    // An order in force was received the day after it was issued and met no objection; one just
    // issued waits for the debtor to receive it. Court orders have no cassation (CPC Art. 434(2)).
    if (last === 'in_force' || last === 'archived') {
      const received = calendar.nextWorkingDayOnOrAfter(addCalendarDays(dayOf('order_issued'), 1));
      const due = await openDeadline(tx, caseId, 'debtor_objection', received);
      await closeDeadlines(tx, caseId, ['debtor_objection'], at);
      if (last === 'in_force') await tx.update(cases).set({ inForceOn: addCalendarDays(due, 1) }).where(eq(cases.id, caseId));
    }
    return;
  }
  if (last === 'left_without_motion') await openSetDeadline(tx, caseId, APPEAL_DEFECTS_TERM, dayOf(last), calendar.addWorkingDays(dayOf(last), 10), 'CPC Art. 406(1)');
  if (instance !== 1) {
    if (last === 'in_force') {
      // The appellate act in force opens the cassation term, in its own case and in the one it reviewed.
      await tx.update(cases).set({ inForceOn: dayOf('in_force') }).where(eq(cases.id, caseId));
      for (const id of [caseId, ...(parentCaseId ? [parentCaseId] : [])]) await openDeadline(tx, id, 'cassation', dayOf('in_force'));
      if (parentCaseId) await tx.update(cases).set({ inForceOn: dayOf('in_force') }).where(eq(cases.id, parentCaseId));
    }
    return;
  }
  // The trial's terms: preparation from acceptance, consideration from the first hearing's appointment (CPC Arts. 164(1), 183(2)).
  if (path.includes('accepted') && hasTrialTerms({ instance, category, simplified: false })) {
    await openDeadline(tx, caseId, 'preparation', dayOf('accepted'));
    if (path.includes('hearing_scheduled')) {
      await closeDeadlines(tx, caseId, ['preparation'], stepTimes[path.indexOf('hearing_scheduled')]!);
      await openDeadline(tx, caseId, considerationKind(category), dayOf('hearing_scheduled'));
      if (path.includes('decided')) await closeDeadlines(tx, caseId, TRIAL_TERMS, stepTimes[path.indexOf('decided')]!);
    }
  }
  if (path.includes('decided')) {
    await openDeadline(tx, caseId, 'decision_final_form', dayOf('decided'));
    if (path.includes('decision_final')) await closeDeadlines(tx, caseId, ['decision_final_form'], at);
  }
  if (path.includes('decision_final')) {
    await openDeadline(tx, caseId, 'appeal', dayOf('decision_final'));
    if (last === 'appealed' || last === 'in_force' || last === 'archived') await closeDeadlines(tx, caseId, ['appeal'], at);
  }
  // An unappealed decision opens no cassation term (CPC Art. 434(1)); an appeal in force opens it above.
  if (last === 'in_force') await tx.update(cases).set({ inForceOn: dayOf('in_force') }).where(eq(cases.id, caseId));
}

/** The hearing a decided case was decided at: the morning of its decision's day. */
function hearingOfDecision(stepTimes: Date[], decidedIndex: number, index: number): { startsAt: Date } {
  const day = courtDateIso(stepTimes[decidedIndex]!) as IsoDay;
  const startsAt = courtInstant(day, `${String(9 + (index % 5)).padStart(2, '0')}:30`)!;
  // After whatever happened earlier that day (the scheduling, say).
  const before = decidedIndex > 0 ? stepTimes[decidedIndex - 1]!.getTime() : 0;
  return { startsAt: new Date(Math.max(startsAt.getTime(), before + 5 * 60_000)) };
}

/**
 * A hearing that was held: scheduled, opened at its time and closed as held 45 minutes later,
 * each step on the case's timeline as the judge's page writes them. Its record is attached once
 * the blob store is at hand (`seedDemoHearingRecords`).
 */
async function seedHeldHearing(tx: Tx, h: { caseId: string; courtId: string; startsAt: Date; room: string; judgeId: string | null; scheduledAt: Date }): Promise<void> {
  const closedAt = new Date(h.startsAt.getTime() + 45 * 60_000);
  const [hearing] = await tx
    .insert(hearings)
    .values({ caseId: h.caseId, startsAt: h.startsAt, room: h.room, status: 'held', openedAt: h.startsAt, closedAt, judgeId: h.judgeId, courtId: h.courtId, createdBy: h.judgeId, createdAt: h.scheduledAt })
    .returning({ id: hearings.id });
  const hearingId = hearing!.id;
  await tx.insert(events).values([
    { caseId: h.caseId, type: 'hearing_scheduled', occurredAt: h.scheduledAt, actorId: h.judgeId, data: { hearingId, startsAt: h.startsAt.toISOString() } },
    { caseId: h.caseId, type: 'hearing_opened', occurredAt: h.startsAt, actorId: h.judgeId, data: { hearingId } },
    { caseId: h.caseId, type: 'hearing_closed', occurredAt: closedAt, actorId: h.judgeId, data: { hearingId, outcome: 'held' } },
  ]);
}

async function seedCase(ctx: SeedContext, scenario: Scenario, index: number, parentCaseId: string | null): Promise<string> {
  const { tx, now } = ctx;
  const courtId = ctx.courtIds.get(scenario.court)!;
  const instance: Instance = scenario.appealOf === undefined ? 1 : 2;
  const path = lifecyclePath(scenario.status, instance, scenario.category);
  const filedAt = new Date(now.getTime() - scenario.filedDaysAgo * DAY);

  // Steps are spread between filing and now, so the timeline reads like a real case's.
  const span = Math.max(now.getTime() - filedAt.getTime() - DAY / 4, path.length * 60_000);
  const stepTimes: Date[] = [];
  path.forEach((status, i) => {
    const early = EARLIEST_STEP_DAYS[status];
    const even = filedAt.getTime() + (span * i) / Math.max(path.length, 1);
    const at = early !== undefined && i > 0 ? Math.min(even, filedAt.getTime() + i * early * DAY) : even;
    // Never before the step it follows: a timeline reads in order.
    // On a working day in court hours, never before the step it follows: a timeline reads in order.
    const moment = courtMoment(new Date(at), ctx.calendar).getTime();
    stepTimes.push(new Date(i > 0 ? Math.max(moment, stepTimes[i - 1]!.getTime() + 60_000) : moment));
  });
  // A case is decided at a held hearing (CPC Art. 223(1)): the operative part, or the decision in
  // final form made at once, or a higher court's resolution, is announced while it sits.
  const decidedIndex = path.indexOf('decided');
  const heldHearing = decidedIndex >= 0 ? hearingOfDecision(stepTimes, decidedIndex, index) : null;
  if (heldHearing) {
    // The steps the act takes the case through follow its announcement a minute apart.
    const through = instance === 1 ? ['decided', 'decision_final', 'appeal_window'] : ['decided', 'in_force'];
    for (let i = decidedIndex, k = 0; i < path.length && through.includes(path[i]!); i++, k++) stepTimes[i] = new Date(heldHearing.startsAt.getTime() + (30 + k) * 60_000);
    for (let i = decidedIndex + 1; i < path.length; i++) {
      if (stepTimes[i]!.getTime() <= stepTimes[i - 1]!.getTime()) stepTimes[i] = courtMoment(new Date(stepTimes[i - 1]!.getTime() + DAY), ctx.calendar, 'forward');
    }
  }

  const registeredIndex = path.indexOf('registered');
  const registeredAt = registeredIndex >= 0 ? stepTimes[registeredIndex]! : null;
  const number = registeredAt
    ? await allocateCaseNumber(tx, {
        courtId,
        courtCode: scenario.court,
        year: Number(courtDateIso(registeredAt).slice(0, 4)),
        categoryCode: numberCategoryCode(scenario.kind, instance),
      })
    : null;
  const judges = ctx.judgesByCourt.get(scenario.court) ?? [];
  const judgeId = path.includes('assigned') && judges.length > 0 ? judges[index % judges.length]! : null;

  const [row] = await tx
    .insert(cases)
    .values({
      number,
      courtId,
      kind: scenario.kind,
      category: scenario.category,
      instance,
      status: scenario.status,
      judgeId,
      parentCaseId,
      closedHearing: scenario.closed ?? false,
      filedAt,
      registeredAt,
      statusChangedAt: stepTimes[stepTimes.length - 1]!,
      createdAt: filedAt,
    })
    .returning({ id: cases.id });
  const caseId = row!.id;

  const claimantParty = await insertParty(ctx, caseId, 'claimant', scenario.claimant);
  const defendantParty = await insertParty(ctx, caseId, 'defendant', scenario.defendant);
  // The demo's appeals are the first-instance claimant's, filed through the court that decided.
  if (parentCaseId) await seedAppealPath(tx, { lowerCaseId: parentCaseId, appellateCaseId: caseId, appellantPartyId: claimantParty, respondentPartyId: defendantParty, forwardedAt: stepTimes[0]!, calendar: ctx.calendar });
  if (scenario.lawyerFor) {
    const lawyer = ctx.people.get('lawyer')!;
    await tx.insert(parties).values({
      caseId,
      role: 'lawyer',
      userId: lawyer.id,
      iin: lawyer.person.iin,
      displayName: lawyer.person.fullName,
      representsPartyId: scenario.lawyerFor === 'claimant' ? claimantParty : defendantParty,
      authorityAcceptedAt: stepTimes[Math.min(2, stepTimes.length - 1)]!,
    });
  }

  const filer = ctx.people.get(scenario.claimant === 'bank' ? 'citizen' : scenario.claimant)!.id;
  await tx.insert(documents).values({
    caseId,
    kind: instance === 1 ? 'claim' : 'appeal',
    title: instance === 1 ? 'Исковое заявление' : 'Апелляционная жалоба',
    createdBy: filer,
    createdAt: filedAt,
  });

  for (let i = 0; i < path.length; i++) {
    const status = path[i]!;
    const at = stepTimes[i]!;
    const ruling = i === path.length - 1 ? ADMISSION_RULING[status] : undefined;
    const fixBy = status === 'left_without_motion' ? { fixBy: ctx.calendar.addWorkingDays(courtDateIso(at) as IsoDay, 10) } : {};
    await tx.insert(events).values({ caseId, type: 'status_changed', occurredAt: at, actorId: ruling ? judgeId : null, data: { from: i === 0 ? null : path[i - 1], to: status, ...ruling, ...(ruling ? fixBy : {}) } });
    if (status === 'assigned' && judgeId) {
      await tx.insert(events).values({ caseId, type: 'judge_assigned', occurredAt: at, actorId: null, data: { judgeId } });
    }
    const act = NOTICE_FOR_STATUS[status];
    if (act && judgeId) {
      const [doc] = await tx
        .insert(documents)
        .values({ caseId, kind: act.kind, title: act.title[0], signerId: judgeId, issuedAt: at, createdBy: judgeId, createdAt: at })
        .returning({ id: documents.id });
      await tx.insert(events).values({ caseId, type: 'document_issued', occurredAt: at, actorId: judgeId, data: { documentId: doc!.id, kind: act.kind } });
    }
  }

  await seedTerms(tx, ctx.calendar, caseId, path, stepTimes, instance, parentCaseId, scenario.category);

  if (heldHearing) {
    await seedHeldHearing(tx, { caseId, courtId, startsAt: heldHearing.startsAt, room: String(100 + ((index * 7) % 30)), judgeId, scheduledAt: stepTimes[Math.max(0, path.indexOf('hearing_scheduled'))] ?? filedAt });
  } else if (scenario.hearingInDays !== undefined) {
    // Hearings start on the hour between 09:00 and 16:00 Kazakhstan time (UTC+5).
    // Courts sit on working days only.
    const day = ctx.calendar.nextWorkingDayOnOrAfter(courtDateIso(new Date(now.getTime() + scenario.hearingInDays * DAY)) as IsoDay);
    const startsAt = new Date(`${day}T${String(9 + (index % 8)).padStart(2, '0')}:00:00+05:00`);
    const upcoming = startsAt.getTime() > now.getTime();
    const [hearing] = await tx
      .insert(hearings)
      .values({ caseId, startsAt, room: String(100 + ((index * 7) % 30)), status: upcoming ? 'scheduled' : 'held', courtId, judgeId, createdAt: filedAt })
      .returning({ id: hearings.id });
    await tx.insert(events).values({
      caseId,
      type: 'hearing_scheduled',
      occurredAt: stepTimes[Math.max(0, path.indexOf('hearing_scheduled'))] ?? filedAt,
      data: { hearingId: hearing!.id, startsAt: startsAt.toISOString() },
    });
  }
  return caseId;
}

export interface SeedResult {
  seeded: boolean;
  courts: number;
  people: number;
  cases: number;
}

/**
 * Fills an empty database with the demo: courts, people of every role and cases at every stage.
 * Does nothing on a database that already has courts, so restarts keep what was done in the demo.
 */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(courts);
    if (existing!.n > 0) return { seeded: false, courts: existing!.n, people: 0, cases: 0 };

    await tx.insert(regions).values(DEMO_REGIONS.map((r) => ({ code: r.code, nameKk: r.names[0], nameRu: r.names[1], nameEn: r.names[2], sortOrder: r.sortOrder })));
    const courtIds = new Map<string, string>();
    // Parents first, so every parent link points at an inserted court.
    for (const level of [4, 3, 2, 1]) {
      for (const c of DEMO_COURTS.filter((court) => court.level === level)) {
        const [row] = await tx
          .insert(courts)
          .values({
            code: c.code,
            level: c.level,
            type: c.type,
            regionCode: c.region,
            parentId: c.parent ? courtIds.get(c.parent)! : null,
            caseKinds: c.kinds,
            nameKk: c.names[0],
            nameRu: c.names[1],
            nameEn: c.names[2],
            addressKk: c.city[0],
            addressRu: c.city[1],
            addressEn: c.city[2],
            isDemo: true,
          })
          .returning({ id: courts.id });
        courtIds.set(c.code, row!.id);
      }
    }

    const [company] = await tx.insert(organisations).values(DEMO_COMPANY).returning({ id: organisations.id });
    const [bank] = await tx.insert(organisations).values(DEMO_BANK).returning({ id: organisations.id });

    const people = new Map<string, { id: string; person: DemoPerson }>();
    const judgesByCourt = new Map<string, string[]>();
    for (const person of demoPeople()) {
      const [row] = await tx
        .insert(users)
        .values({
          iin: person.iin,
          fullName: person.fullName,
          language: person.language,
          barNumber: person.barNumber ?? null,
          phone: person.phone ?? null,
          phoneVerifiedAt: person.phone ? now : null,
          email: person.email ?? null,
          emailVerifiedAt: person.email ? now : null,
        })
        .returning({ id: users.id });
      people.set(person.handle, { id: row!.id, person });
      for (const { role, court } of person.roles) {
        // The demo's bench is seated as two system administrators would seat it: one proposes, the other confirms.
        const seated = isBenchRole(role) ? { grantedBy: people.get('sysadmin')!.id, confirmedBy: people.get('sysadmin2')!.id, confirmedAt: now } : {};
        await tx.insert(userRoles).values({ userId: row!.id, role, courtId: court ? courtIds.get(court)! : null, ...seated });
        if (role === 'judge' && court) judgesByCourt.set(court, [...(judgesByCourt.get(court) ?? []), row!.id]);
      }
    }
    await seedBench(tx, { people, courtIds, now });

    const ctx: SeedContext = { tx, calendar: (await loadReference(tx)).calendar, now, people, courtIds, organisationIds: { company: company!.id, bank: bank!.id }, judgesByCourt };
    // Oldest first, so sequence numbers grow with registration dates as they would in a court
    // (and a reviewed case always exists before its appeal).
    const order = SCENARIOS.map((scenario, index) => ({ scenario, index })).sort((a, b) => b.scenario.filedDaysAgo - a.scenario.filedDaysAgo);
    const caseIds = new Map<number, string>();
    for (const { scenario, index } of order) {
      const parentCaseId = scenario.appealOf === undefined ? null : caseIds.get(scenario.appealOf)!;
      caseIds.set(index, await seedCase(ctx, scenario, index, parentCaseId));
    }

    await seedIncomingFilings(tx, now, ctx.calendar);
    // The demo's history is nobody's news: case alerts start after it.
    await skipCaseAlertsToNow(tx, now);
    await appendAudit(tx, { actorId: null, action: 'demo.seeded', entityType: 'system', entityId: 'demo', data: { courts: courtIds.size, people: people.size, cases: caseIds.size } }, now);
    return { seeded: true, courts: courtIds.size, people: people.size, cases: caseIds.size };
  });
}

/** A registered, open, public first-instance case of the demo, for links and browser tests. */
export async function showcaseCaseNumber(db: Db): Promise<string> {
  const [row] = await db
    .select({ number: cases.number })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .where(eq(cases.status, 'hearing_scheduled'))
    .orderBy(courts.code, cases.number)
    .limit(1);
  if (!row?.number) throw new Error('the demo data has no case with a scheduled hearing');
  return row.number;
}
