/**
 * Demo rows for the court office's queue at the Medeu court (7517): filings made through the
 * cabinet in a case that is under way, waiting to be received, and a claim handed in on paper
 * at the counter, waiting to be registered. Together with the demo's unregistered claim they
 * give the queue every kind of row.
 *
 * The demo has no file store when it is seeded, so these filings carry no files, and the
 * cabinet filings' signature is a stand-in: their page says the signature cannot be read.
 */
import { courtMoment } from './courtMoment.ts';
import type { CourtCalendar } from '../domain/calendar/workingDays.ts';
import { and, eq, isNotNull } from 'drizzle-orm';
import { nextTalonNumber } from '../commands/submitFiling.ts';
import type { Tx } from '../db/tx.ts';
import { cases, courts, documents, events, filings, parties, userRoles } from '../db/schema/index.ts';
import type { PaperFilingFields } from '../domain/paperFiling.ts';
import { newVerifyCode } from '../auth/tokens.ts';
import { courtDateIso } from '../i18n/format.ts';
import { withCheckDigit } from './people.ts';

const HOUR = 3_600_000;

export async function seedIncomingFilings(tx: Tx, now: Date, calendar: CourtCalendar): Promise<void> {
  const [court] = await tx.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'));
  const [clerk] = await tx.select({ id: userRoles.userId }).from(userRoles).where(and(eq(userRoles.role, 'clerk'), eq(userRoles.courtId, court!.id)));
  // A case under way whose parties use the portal.
  const [underWay] = await tx
    .select({ caseId: cases.id, userId: parties.userId })
    .from(cases)
    .innerJoin(parties, eq(parties.caseId, cases.id))
    .where(and(eq(cases.courtId, court!.id), eq(cases.status, 'hearing_scheduled'), eq(cases.kind, 'civil'), isNotNull(parties.userId)))
    .limit(1);
  if (!court || !clerk || !underWay) return;
  const defendant = await tx.select({ userId: parties.userId }).from(parties).where(and(eq(parties.caseId, underWay.caseId), eq(parties.role, 'defendant'), isNotNull(parties.userId)));

  const inCase = [
    { type: 'petition' as const, filerId: underWay.userId!, hoursAgo: 20, text: 'Прошу отложить судебное заседание в связи с командировкой.' },
    { type: 'response' as const, filerId: defendant[0]?.userId ?? underWay.userId!, hoursAgo: 6, text: 'Исковые требования не признаю по основаниям, изложенным в отзыве.' },
  ];
  for (const filing of inCase) {
    // Demo steps fall in court hours on working days, the counter's and the portal's alike.
    const at = courtMoment(new Date(now.getTime() - filing.hoursAgo * HOUR), calendar);
    const talonNumber = await nextTalonNumber(tx, court.id, at);
    await tx.insert(filings).values({
      filerId: filing.filerId,
      type: filing.type,
      status: 'submitted',
      courtId: court.id,
      caseId: underWay.caseId,
      fields: { text: filing.text },
      talonNumber,
      verifyCode: newVerifyCode(),
      signature: Buffer.from('demo'),
      submittedAt: at,
      dutyStatus: 'not_required',
      createdAt: at,
      updatedAt: at,
    });
    await tx.insert(events).values({ caseId: underWay.caseId, type: 'filing_submitted', occurredAt: at, actorId: filing.filerId, data: { filingType: filing.type, talonNumber } });
  }

  const at = courtMoment(new Date(now.getTime() - 2 * HOUR), calendar);
  const [paperClaim] = await tx
    .insert(cases)
    .values({ courtId: court.id, kind: 'civil', category: 'property', instance: 1, status: 'submitted', filedAt: at, statusChangedAt: at, createdAt: at })
    .returning({ id: cases.id });
  const filer = { kind: 'individual' as const, iin: withCheckDigit('670412', '3', 9190), name: 'Бекмұхамбетов Серік Қанатұлы', address: 'Алматы, Медеу ауданы, Достық даңғылы, 100' };
  const fields: PaperFilingFields = {
    category: 'property',
    subject: 'Взыскание долга по договору займа',
    amount: '850000',
    parties: [
      { side: 'claimant', kind: 'individual', name: filer.name, iin: filer.iin, address: filer.address },
      { side: 'defendant', kind: 'individual', name: 'Оспанов Марат Ерболұлы', address: 'Алматы, Медеу ауданы' },
    ],
    filer,
    receivedOn: courtDateIso(at),
  };
  await tx.insert(parties).values([
    { caseId: paperClaim!.id, role: 'claimant', iin: filer.iin, displayName: filer.name, address: filer.address, createdAt: at },
    { caseId: paperClaim!.id, role: 'defendant', displayName: 'Оспанов Марат Ерболұлы', address: 'Алматы, Медеу ауданы', createdAt: at },
  ]);
  const talonNumber = await nextTalonNumber(tx, court.id, at);
  await tx.insert(filings).values({
    filerId: clerk.id,
    type: 'claim',
    channel: 'counter',
    status: 'submitted',
    courtId: court.id,
    caseId: paperClaim!.id,
    fields: fields as unknown as Record<string, unknown>,
    talonNumber,
    verifyCode: newVerifyCode(),
    submittedAt: at,
    createdAt: at,
    updatedAt: at,
  });
  await tx.insert(documents).values({ caseId: paperClaim!.id, kind: 'claim', title: talonNumber, visibility: 'parties', createdBy: clerk.id, createdAt: at });
  await tx.insert(events).values({ caseId: paperClaim!.id, type: 'filing_submitted', occurredAt: at, actorId: clerk.id, data: { filingType: 'claim', talonNumber, channel: 'counter', receivedOn: fields.receivedOn } });
}

/** The demo's paper filing, for the browser suite's sample of the office's filing page. */
export async function demoPaperFiling(db: Pick<Tx, 'select'>): Promise<string | undefined> {
  // The paper claim at the counter; the demo's appeals were handed in on paper too, at other courts' counters.
  const [row] = await db.select({ id: filings.id }).from(filings).where(and(eq(filings.channel, 'counter'), eq(filings.type, 'claim'))).limit(1);
  return row?.id;
}
