import { and, desc, eq, inArray, isNotNull, notExists, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { BlobStore } from '../adapters/storage/blobStore.ts';
import type { Db } from '../db/client.ts';
import { keepBlob } from '../db/blobs.ts';
import { blobs, cases, courts, documents, events, judgments, parties, users } from '../db/schema/index.ts';
import { prepareForBank, publishJudgment } from '../commands/judgments.ts';
import { actInForce } from '../domain/judgments.ts';
import type { Principal } from '../policies/principal.ts';
import { actManifest, COURT_ACT_KINDS, type ActChoice, type CourtActKind } from '../domain/courtActs.ts';
import type { CaseStatus } from '../domain/caseStatus.ts';
import { newVerifyCode } from '../auth/tokens.ts';
import { importPrivateKey, signCms } from '../pki/cms.ts';
import { DEV_PKCS12_PASSWORD, type DevKeyFiles, type DevPkiIssuer } from '../pki/devCa.ts';
import { parsePkcs12 } from '../pki/pkcs12.ts';
import { loadReference } from '../queries/reference.ts';
import { courtMoment } from './courtMoment.ts';
import { demoPeople } from './people.ts';

const TEXT_MEDIA_TYPE = 'text/plain; charset=utf-8';

/** The act a demo case at this stage was decided by, and the status whose time dates it. */
function actFor(instance: number, status: CaseStatus, category: string): { act: ActChoice; datedBy: CaseStatus; title: string } | null {
  if (category === 'court_order') {
    return instance === 1 && ['order_issued', 'order_objected', 'order_cancelled', 'in_force', 'archived'].includes(status) ? { act: { kind: 'court_order' }, datedBy: 'order_issued', title: 'Судебный приказ' } : null;
  }
  if (instance === 1 && status === 'decided') return { act: { kind: 'decision', decisionForm: 'operative' }, datedBy: 'decided', title: 'Решение (резолютивная часть)' };
  if (instance === 1 && ['decision_final', 'appeal_window', 'appealed', 'in_force', 'archived'].includes(status)) {
    return { act: { kind: 'decision', decisionForm: 'final' }, datedBy: 'decision_final', title: 'Решение в окончательной форме' };
  }
  if (instance > 1 && status === 'in_force') return { act: { kind: 'resolution', outcome: 'upheld' }, datedBy: 'in_force', title: 'Постановление апелляционной инстанции' };
  return null;
}

function demoText(number: string, act: ActChoice, parties: readonly string[] = []): string {
  // The parties named as a judge names them, so the judgment bank's depersonalisation has something to do.
  const between = parties.length >= 2 ? ` по иску ${parties[0]} к ${parties[1]}` : '';
  if (act.kind === 'court_order') {
    return [
      'СУДЕБНЫЙ ПРИКАЗ',
      `Дело № ${number}. Демонстрационный судебный акт Sot: стороны, обстоятельства и суммы вымышлены.`,
      'Судья, рассмотрев заявление о вынесении судебного приказа об исполнении соглашения по спору, вытекающему из договора банковского займа, заключённого в порядке досудебного урегулирования (подпункт 9) статьи 135 ГПК),',
      'ПРИКАЗАЛ: взыскать с ответчика в пользу истца сумму, предусмотренную соглашением.',
      'Ответчик вправе в течение десяти рабочих дней со дня получения копии судебного приказа направить в суд возражение против заявленного требования (часть вторая статьи 141 ГПК).',
    ].join('\n\n');
  }
  const resolved = act.kind === 'resolution' ? 'Решение суда первой инстанции оставить без изменения, апелляционную жалобу — без удовлетворения.' : 'Иск удовлетворить частично.';
  return [
    'ИМЕНЕМ РЕСПУБЛИКИ КАЗАХСТАН',
    `Дело № ${number}. Демонстрационный судебный акт Sot: стороны, обстоятельства и суммы вымышлены.`,
    `Суд, рассмотрев в открытом судебном заседании материалы дела${between}, выслушав стороны и исследовав доказательства, руководствуясь нормами Гражданского процессуального кодекса Республики Казахстан,`,
    `ПОСТАНОВИЛ: ${resolved}`,
  ].join('\n\n');
}

/**
 * Signs the demo cases' decisions, court orders and resolutions with their judges' demo certificates, as if
 * each judge had issued them through Sot: the text kept by content, the manifest signed, a check
 * code, the timeline event. Runs once after the demo data exists; a case
 * that already has a court act is left alone, so running it again adds nothing.
 */
export async function seedDemoActs(db: Db, store: BlobStore, pki: DevPkiIssuer): Promise<number> {
  const handles = new Map(demoPeople().map((p) => [p.iin, p.handle]));
  const rows = await db
    .select({ case: cases, court: { code: courts.code, nameRu: courts.nameRu }, judge: { iin: users.iin, name: users.fullName } })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .innerJoin(users, eq(users.id, cases.judgeId))
    .where(and(isNotNull(cases.number), notExists(db.select({ one: sql`1` }).from(documents).where(and(eq(documents.caseId, cases.id), inArray(documents.kind, [...COURT_ACT_KINDS]))))));
  // The signing judges' keys, issued side by side before the first act needs one.
  const signers = new Set(rows.filter((row) => actFor(row.case.instance, row.case.status, row.case.category)).flatMap((row) => handles.get(row.judge.iin) ?? []));
  const keyFiles = new Map<string, DevKeyFiles | null>();
  await Promise.all([...signers].map(async (handle) => keyFiles.set(handle, await pki.keyFiles(handle, 'sign'))));
  let issued = 0;
  for (const row of rows) {
    const plan = actFor(row.case.instance, row.case.status, row.case.category);
    const signer = keyFiles.get(handles.get(row.judge.iin) ?? '');
    if (!plan || !signer) continue;
    const [dated] = await db
      .select({ at: events.occurredAt })
      .from(events)
      .where(and(eq(events.caseId, row.case.id), eq(events.type, 'status_changed'), sql`${events.data}->>'to' = ${plan.datedBy}`))
      .orderBy(desc(events.occurredAt))
      .limit(1);
    // A case that never reached the act's step (a claim returned, then archived) has no such act.
    if (!dated) continue;
    const issuedAt = dated.at;

    const named = await db.select({ name: parties.displayName }).from(parties).where(and(eq(parties.caseId, row.case.id), inArray(parties.role, ['claimant', 'defendant']))).orderBy(parties.role);
    const actText = demoText(row.case.number!, plan.act, named.map((p) => p.name));
    const text = Buffer.from(actText, 'utf8');
    const staged = await store.stage(Readable.from([text]), text.byteLength);
    await keepBlob(db, store, staged, TEXT_MEDIA_TYPE, issuedAt);
    const documentId = randomUUID();
    const manifest = actManifest({
      documentId,
      court: row.court,
      caseNumber: row.case.number!,
      act: plan.act,
      title: plan.title,
      content: { sha256: staged.sha256, mediaType: TEXT_MEDIA_TYPE, sizeBytes: staged.sizeBytes },
      judge: { name: row.judge.name },
    });
    const { certificateDer, chainDer, privateKeyPkcs8 } = await parsePkcs12(new Uint8Array(readFileSync(signer.p12Path)), DEV_PKCS12_PASSWORD);
    const cms = await signCms({ content: manifest, certificateDer, chainDer, privateKey: await importPrivateKey(privateKeyPkcs8, certificateDer), detached: false });

    await db.transaction(async (tx) => {
      await tx.insert(blobs).values({ sha256: staged.sha256, sizeBytes: staged.sizeBytes, mediaType: TEXT_MEDIA_TYPE, createdAt: issuedAt }).onConflictDoNothing();
      await tx.insert(documents).values({
        id: documentId,
        caseId: row.case.id,
        kind: plan.act.kind,
        decisionForm: plan.act.decisionForm ?? null,
        outcome: plan.act.outcome ?? null,
        title: plan.title,
        mediaType: TEXT_MEDIA_TYPE,
        sizeBytes: staged.sizeBytes,
        sha256: staged.sha256,
        signature: Buffer.from(cms),
        signedManifest: Buffer.from(manifest).toString('utf8'),
        verifyCode: newVerifyCode(),
        signerId: row.case.judgeId,
        issuedAt,
        visibility: 'parties',
        createdBy: row.case.judgeId,
        createdAt: issuedAt,
      });
      await tx.insert(events).values({ caseId: row.case.id, type: 'document_issued', occurredAt: issuedAt, actorId: row.case.judgeId, data: { documentId, kind: plan.act.kind, decisionForm: plan.act.decisionForm ?? null, outcome: plan.act.outcome ?? null } });
      // Through the same pipeline as an act issued in Sot: depersonalised, waiting for review.
      await prepareForBank(tx, { documentId, caseId: row.case.id, kind: plan.act.kind, decisionForm: plan.act.decisionForm ?? null, outcome: plan.act.outcome ?? null, text: actText }, issuedAt);
    });
    issued++;
  }
  if (issued > 0) await publishDemoJudgments(db);
  return issued;
}

/**
 * The judges of the demo review their acts in the bank: every act in force is published, except
 * the newest, which stays waiting so the court's queue has something in it.
 */
async function publishDemoJudgments(db: Db): Promise<void> {
  const waiting = await db
    .select({ id: judgments.id, courtId: judgments.courtId, judgeId: cases.judgeId, status: cases.status, actKind: judgments.actKind })
    .from(judgments)
    .innerJoin(cases, eq(cases.id, judgments.caseId))
    .where(eq(judgments.status, 'pending_review'))
    .orderBy(judgments.issuedOn, judgments.id);
  const inForce = waiting.filter((j) => j.judgeId && actInForce(j.actKind as CourtActKind, j.status));
  // Reviewed in court hours, as a judge would: the demo may be started at night or on a holiday.
  const reviewedAt = courtMoment(new Date(), (await loadReference(db)).calendar);
  for (const j of inForce.slice(0, -1)) {
    const judge: Principal = { userId: j.judgeId!, iin: '', fullName: '', bin: null, roles: [{ role: 'judge', courtId: j.courtId }] };
    await publishJudgment(db, judge, j.id, { flagsChecked: true }, reviewedAt);
  }
}
