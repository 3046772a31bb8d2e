import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { actManifestOf, discardAct, draftAct, issueAct, type ActDraft } from '../../commands/courtActs.ts';
import { today } from '../../commands/caseProgress.ts';
import { acceptAuthority } from '../../commands/authority.ts';
import { decisionParties } from '../../queries/partyStanding.ts';
import { postponeHearing, scheduleHearing, type HearingSlot } from '../../commands/hearings.ts';
import { attachHearingRecord, closeHearing, hearingForActs, openHearing } from '../../commands/hearingLifecycle.ts';
import { actEffect, COURT_ACT_KINDS, DECISION_FORMS, REVIEW_OUTCOMES, type CourtActKind, type DecisionForm, type ReviewOutcome } from '../../domain/courtActs.ts';
import { courtInstant, exampleHearingDay } from '../../domain/hearingSlots.ts';
import { isoDay, typedDay } from '../../domain/dateBoxes.ts';
import { isUuid } from '../../domain/ids.ts';
import { ERRORS, SotError, type ErrorCode } from '../../errors.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { caseForParticipants } from '../../queries/cabinet.ts';
import { actsOf, caseOfDocument, courtOrderDemandOf, deadlinesOf, documentFile, linkedCasesOf } from '../../queries/caseFile.ts';
import { caseIdOfHearing, hearingPlace } from '../../queries/hearings.ts';
import { demoSignerOf } from '../../seed/demoSigner.ts';
import { urls } from '../../urls.ts';
import { JudgeCasePage, type ActOption } from '../../views/pages/court/JudgeCasePage.tsx';
import { ApiError } from '../api/schemas.ts';
import { caseFor } from '../caseAccess.ts';
import { HEARING_OUTCOMES, type HearingOutcome } from '../../domain/hearingLifecycle.ts';

const DONE: Record<string, MessageKey> = {
  scheduled: 'proceedings.done.scheduled',
  postponed: 'proceedings.done.postponed',
  drafted: 'proceedings.done.drafted',
  authority: 'proceedings.done.authority',
  discarded: 'proceedings.done.discarded',
  issued: 'proceedings.done.issued',
  opened: 'hearings.done.opened',
  closed: 'hearings.done.closed',
  record: 'hearings.done.record',
};

/** The acts a judge may draft at this stage, from the same rule that checks them when issued. */
function actOptions(instance: number, status: Parameters<typeof actEffect>[2], category: string): ActOption[] {
  const options: ActOption[] = [];
  for (const kind of COURT_ACT_KINDS) {
    const forms = kind === 'decision' ? DECISION_FORMS.filter((decisionForm) => !('refused' in actEffect({ kind, decisionForm }, instance, status, category))) : [];
    const needsOutcome = kind === 'resolution';
    const effect = actEffect({ kind, outcome: needsOutcome ? 'upheld' : null }, instance, status, category);
    const allowed = kind === 'decision' ? forms.length > 0 : !('refused' in effect);
    if (allowed) options.push({ kind, forms, needsOutcome, cancelsOrder: 'path' in effect && effect.path.includes('order_cancelled') });
  }
  return options;
}

/** Which form field a refusal belongs to, so the error summary links to it. */
function fieldOf(code: ErrorCode, form: string): string {
  // Closing a hearing: the outcome's own reason and next-hearing fields, or the outcome itself.
  const closing = /^close-([0-9a-f-]+)-(adjourned|not_held|held)$/.exec(form);
  if (closing) {
    const base = `close-${closing[1]}`;
    if (code === 'hearing_reason_required') return `${base}-${closing[2]}-reason`;
    if (code.startsWith('hearing_') && !['hearing_not_open', 'hearing_not_allowed'].includes(code)) return `${base}-${closing[2]}-date`;
    return `${base}-outcome`;
  }
  if (form.startsWith('open-')) return `${form}-submit`;
  if (form.startsWith('record-')) return `${form}-file`;
  if (code === 'attendance_party_unknown') return `${form === 'upload' ? 'upload' : 'act'}-attendance`;
  if (form === 'upload') return code === 'act_title_required' ? 'upload-title' : code === 'act_outcome_required' ? 'upload-outcome' : code.startsWith('act_') && code !== 'act_file_not_pdf' ? 'upload-kind' : 'upload-file';
  if (code.startsWith('act_')) return code === 'act_outcome_required' ? 'act-outcome' : code === 'act_title_required' ? 'act-title' : code === 'act_text_required' ? 'act-text' : 'act-kind';
  if (code === 'decision_reason_required') return `reason-${form.replace(/^postpone-/, '')}`;
  if (code === 'hearing_duration_invalid') return `${form}-duration`;
  if (code === 'hearing_place_required' || code === 'hearing_room_busy') return `${form}-room`;
  if (code === 'hearing_link_invalid') return `${form}-video`;
  if (code === 'hearing_outside_hours' || code === 'hearing_time_invalid') return `${form}-time`;
  return `${form}-date`;
}

const SlotBody = {
  _csrf: Type.Optional(Type.String()),
  form: Type.Optional(Type.String({ maxLength: 60 })),
  // The GOV.UK date input: day (or the whole date typed into it), month, year.
  date: Type.Optional(Type.String({ maxLength: 20 })),
  month: Type.Optional(Type.String({ maxLength: 10 })),
  year: Type.Optional(Type.String({ maxLength: 10 })),
  time: Type.Optional(Type.String({ maxLength: 10 })),
  duration: Type.Optional(Type.String({ maxLength: 4 })),
  room: Type.Optional(Type.String({ maxLength: 100 })),
  videoLink: Type.Optional(Type.String({ maxLength: 600 })),
};

type SlotInput = { date?: string | undefined; month?: string | undefined; year?: string | undefined; time?: string | undefined; duration?: string | undefined; room?: string | undefined; videoLink?: string | undefined };

function slotOf(body: SlotInput, now: Date): HearingSlot {
  const day = isoDay(body.date, body.month, body.year);
  if (!day) throw new SotError('hearing_date_invalid', { example: typedDay(exampleHearingDay(today(now))) });
  const startsAt = courtInstant(day, (body.time ?? '').trim());
  if (!startsAt) throw new SotError('hearing_time_invalid');
  const duration = (body.duration ?? '').trim();
  return { startsAt, durationMinutes: /^\d{1,3}$/.test(duration) ? Number(duration) : NaN, room: body.room, videoLink: body.videoLink };
}

/** The judge's page of one case: hearings, terms and court acts, and the API the signing script uses. */
export const judgeCaseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const judges = { access: ['judge'] } as const;

  async function render(request: FastifyRequest, reply: FastifyReply, caseId: string, options: { done?: string | undefined; errors?: { field: string; message: string }[]; status?: number; values?: Record<string, string> }) {
    await caseFor(app, request.principal!, caseId, 'decide');
    const details = await caseForParticipants(app.db, caseId);
    if (!details) throw new SotError('not_found');
    const [deadlines, acts, linked, orderDemand, parties] = await Promise.all([
      deadlinesOf(app.db, caseId),
      actsOf(app.db, caseId, { drafts: true }),
      linkedCasesOf(app.db, caseId, details.case.parentCaseId),
      details.case.category === 'court_order' ? courtOrderDemandOf(app.db, caseId) : Promise.resolve(null),
      decisionParties(app.db, caseId),
    ]);
    // The decision in final form follows the hearing of its operative part: who was absent then is the default.
    const operative = acts.find((a) => a.kind === 'decision' && a.decisionForm === 'operative' && a.issuedAt);
    const done = options.done && DONE[options.done] ? request.t(DONE[options.done]!) : null;
    return reply.page(
      { title: `${details.case.number ?? ''} — ${request.t('judge.cases.title')}`, nav: 'judge', scripts: ['signDocument.js'], ...(options.status ? { status: options.status } : {}) },
      <JudgeCasePage
        view={{
          details,
          deadlines,
          acts,
          linked,
          today: today(app.clock()),
          actOptions: actOptions(details.case.instance, details.case.status, details.case.category),
          hearingOfTheDay: await hearingForActs(app.db, caseId, app.clock()),
          parties: parties.map((p) => ({ id: p.id, name: p.name, role: p.role })),
          absentByDefault: details.case.status === 'decided' ? (operative?.absentPartyIds ?? []) : [],
          copiesAwaited: deadlines.some((d) => d.kind === 'decision_copies_sent' && d.partyId !== null && d.closedAt === null),
          // A court order is issued without a hearing (CPC Art. 139).
          canSchedule: ['accepted', 'preparation', 'hearing_scheduled'].includes(details.case.status) && details.case.category !== 'court_order',
          orderDemand,
          demoSigner: app.config.demo ? demoSignerOf(request.principal!.iin) : null,
          done,
          values: options.values ?? {},
        }}
        errors={options.errors ?? []}
      />,
    );
  }

  /** Runs a change; a refusal re-renders the page with the error beside its field and the input kept. */
  async function act(request: FastifyRequest, reply: FastifyReply, caseId: string, form: string, values: Record<string, string>, run: () => Promise<string>) {
    try {
      const done = await run();
      return reply.redirect(urls.judgeCase(caseId, done), 303);
    } catch (error) {
      if (!(error instanceof SotError) || error.code === 'not_found') throw error;
      return render(request, reply, caseId, { errors: [{ field: fieldOf(error.code, form), message: request.t(ERRORS[error.code].message, error.params) }], status: error.status, values: { ...values, form } });
    }
  }

  const CaseParams = Type.Object({ caseId: Type.String({ maxLength: 40 }) });
  const DocumentParams = Type.Object({ documentId: Type.String({ maxLength: 40 }) });

  app.get('/judge/cases/:caseId', { config: judges, schema: { hide: true, params: CaseParams, querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }) } }, async (request, reply) =>
    render(request, reply, request.params.caseId, { done: request.query.done }),
  );

  app.post('/judge/cases/:caseId/hearings', { config: judges, schema: { hide: true, params: CaseParams, body: Type.Object(SlotBody) } }, async (request, reply) => {
    const { _csrf, ...values } = request.body;
    return act(request, reply, request.params.caseId, 'hearing', values as Record<string, string>, async () => {
      await scheduleHearing(app.db, request.principal!, request.params.caseId, slotOf(request.body, app.clock()), app.clock());
      return 'scheduled';
    });
  });

  app.post(
    '/judge/hearings/:hearingId/postpone',
    { config: judges, schema: { hide: true, params: Type.Object({ hearingId: Type.String({ maxLength: 40 }) }), body: Type.Object({ ...SlotBody, reason: Type.Optional(Type.String({ maxLength: 3000 })) }) } },
    async (request, reply) => {
      const { hearingId } = request.params;
      if (!isUuid(hearingId)) throw new SotError('not_found');
      const caseId = await caseOfHearing(hearingId);
      const { _csrf, ...values } = request.body;
      return act(request, reply, caseId, `postpone-${hearingId}`, values as Record<string, string>, async () => {
        await postponeHearing(app.db, request.principal!, hearingId, slotOf(request.body, app.clock()), request.body.reason ?? '', app.clock());
        return 'postponed';
      });
    },
  );

  const HearingParams = Type.Object({ hearingId: Type.String({ maxLength: 40 }) });

  app.post('/judge/hearings/:hearingId/open', { config: judges, schema: { hide: true, params: HearingParams, body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    const { hearingId } = request.params;
    if (!isUuid(hearingId)) throw new SotError('not_found');
    const caseId = await caseOfHearing(hearingId);
    return act(request, reply, caseId, `open-${hearingId}`, {}, async () => {
      await openHearing(app.db, request.principal!, hearingId, app.clock());
      return 'opened';
    });
  });

  const ClosingField = Type.Optional(Type.String({ maxLength: 3000 }));
  app.post(
    '/judge/hearings/:hearingId/close',
    {
      config: judges,
      schema: {
        hide: true,
        params: HearingParams,
        body: Type.Object({
          _csrf: Type.Optional(Type.String()),
          outcome: Type.Optional(Type.String({ maxLength: 20 })),
          adjourned_reason: ClosingField,
          adjourned_date: Type.Optional(Type.String({ maxLength: 20 })),
          adjourned_month: Type.Optional(Type.String({ maxLength: 10 })),
          adjourned_year: Type.Optional(Type.String({ maxLength: 10 })),
          adjourned_time: Type.Optional(Type.String({ maxLength: 10 })),
          not_held_reason: ClosingField,
          not_held_date: Type.Optional(Type.String({ maxLength: 20 })),
          not_held_month: Type.Optional(Type.String({ maxLength: 10 })),
          not_held_year: Type.Optional(Type.String({ maxLength: 10 })),
          not_held_time: Type.Optional(Type.String({ maxLength: 10 })),
        }),
      },
    },
    async (request, reply) => {
      const { hearingId } = request.params;
      if (!isUuid(hearingId)) throw new SotError('not_found');
      const caseId = await caseOfHearing(hearingId);
      const { _csrf, ...values } = request.body;
      const outcome = (HEARING_OUTCOMES as readonly string[]).includes(values.outcome ?? '') ? (values.outcome as HearingOutcome) : null;
      return act(request, reply, caseId, `close-${hearingId}-${outcome ?? 'held'}`, { ...values, form: `close-${hearingId}` } as Record<string, string>, async () => {
        if (!outcome) throw new SotError('hearing_outcome_required');
        const reason = outcome === 'adjourned' ? values.adjourned_reason : outcome === 'not_held' ? values.not_held_reason : undefined;
        const field = (part: 'date' | 'month' | 'year' | 'time') => (outcome === 'held' ? '' : (values[`${outcome}_${part}`] ?? '').trim());
        const [day, month, year, time] = [field('date'), field('month'), field('year'), field('time')];
        // The next hearing keeps the place and length of this one; only its time is asked.
        const current = await hearingPlace(app.db, hearingId);
        const next = outcome !== 'held' && (day || month || year || time) ? { ...slotOf({ date: day, month, year, time, duration: String(current!.durationMinutes), room: current!.room ?? undefined, videoLink: current!.videoLink ?? undefined }, app.clock()) } : undefined;
        await closeHearing(app.db, request.principal!, hearingId, { outcome, reason, next }, app.clock());
        return 'closed';
      });
    },
  );

  app.post('/judge/hearings/:hearingId/record', { config: { ...judges, uploads: true }, schema: { hide: true, params: HearingParams } }, async (request, reply) => {
    const { hearingId } = request.params;
    if (!isUuid(hearingId)) throw new SotError('not_found');
    const caseId = await caseOfHearing(hearingId);
    // Whose case it is is settled before reading a byte of the upload.
    await caseFor(app, request.principal!, caseId, 'decide');
    return act(request, reply, caseId, `record-${hearingId}`, {}, async () => {
      if (!request.isMultipart()) throw new SotError('unsupported_media_type');
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          await attachHearingRecord(app.db, app.blobs, request.principal!, hearingId, { stream: part.file, fileName: part.filename }, app.clock());
          return 'record';
        }
      }
      throw new SotError('file_missing');
    });
  });

  async function caseOfHearing(hearingId: string): Promise<string> {
    const caseId = await caseIdOfHearing(app.db, hearingId);
    if (!caseId) throw new SotError('not_found');
    return caseId;
  }

  app.post(
    '/judge/cases/:caseId/acts',
    {
      config: judges,
      schema: {
        hide: true,
        params: CaseParams,
        body: Type.Object({
          _csrf: Type.Optional(Type.String()),
          kind: Type.Optional(Type.String({ maxLength: 40 })),
          outcome: Type.Optional(Type.String({ maxLength: 20 })),
          title: Type.Optional(Type.String({ maxLength: 1000 })),
          text: Type.Optional(Type.String({ maxLength: 400_000 })),
          // Who took part in the hearing: asked on the form (`attendance`), ticked ones in `tookPart`.
          attendance: Type.Optional(Type.String({ maxLength: 10 })),
          tookPart: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 })])),
        }),
      },
    },
    async (request, reply) => {
      const { _csrf, tookPart: ticked, ...rest } = request.body;
      const values = { ...rest, ...(rest.attendance ? { tookPart: [ticked ?? []].flat().join(',') } : {}) };
      return act(request, reply, request.params.caseId, 'act', values as Record<string, string>, async () => {
        await draftAct(app.db, app.blobs, request.principal!, request.params.caseId, actDraftOf(request.body, { text: request.body.text ?? '' }), app.clock());
        return 'drafted';
      });
    },
  );

  // The same draft from a PDF the judge prepared elsewhere; the form's fields come before the file.
  app.post('/judge/cases/:caseId/acts/upload', { config: { ...judges, uploads: true }, schema: { hide: true, params: CaseParams } }, async (request, reply) => {
    const fields: Record<string, string> = {};
    const tookPart: string[] = [];
    // Whose case it is is settled before reading a byte of the upload.
    await caseFor(app, request.principal!, request.params.caseId, 'decide');
    return act(request, reply, request.params.caseId, 'upload', fields, async () => {
      if (!request.isMultipart()) throw new SotError('unsupported_media_type');
      for await (const part of request.parts()) {
        if (part.type === 'field' && ['kind', 'outcome', 'title', 'attendance'].includes(part.fieldname)) fields[part.fieldname] = String(part.value).slice(0, 1000);
        if (part.type === 'field' && part.fieldname === 'tookPart' && tookPart.length < 100) tookPart.push(String(part.value).slice(0, 40));
        if (part.type === 'file') {
          await draftAct(app.db, app.blobs, request.principal!, request.params.caseId, actDraftOf({ ...fields, tookPart }, { file: { stream: part.file, fileName: part.filename } }), app.clock());
          return 'drafted';
        }
      }
      throw new SotError('file_missing');
    });
  });

  app.post(
    '/judge/cases/:caseId/representatives/:partyId/accept',
    { config: judges, schema: { hide: true, params: Type.Object({ caseId: Type.String({ maxLength: 40 }), partyId: Type.String({ maxLength: 40 }) }), body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } },
    async (request, reply) =>
      act(request, reply, request.params.caseId, 'authority', {}, async () => {
        await acceptAuthority(app.db, request.principal!, request.params.caseId, request.params.partyId, app.clock());
        return 'authority';
      }),
  );

  app.post('/judge/acts/:documentId/discard', { config: judges, schema: { hide: true, params: DocumentParams, body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    const caseId = await caseOfAct(request.params.documentId);
    return act(request, reply, caseId, 'act', {}, async () => {
      await discardAct(app.db, request.principal!, request.params.documentId, app.clock());
      return 'discarded';
    });
  });

  async function caseOfAct(documentId: string): Promise<string> {
    if (!isUuid(documentId)) throw new SotError('not_found');
    const caseId = await caseOfDocument(app.db, documentId);
    if (!caseId) throw new SotError('not_found');
    return caseId;
  }

  app.get('/judge/acts/:documentId/text', { config: judges, schema: { hide: true, params: DocumentParams } }, async (request, reply) => {
    // The manifest check is the access check: only the case's judge gets this far.
    await actManifestOf(app.db, request.principal!, request.params.documentId).catch((error: unknown) => {
      if (error instanceof SotError && error.code === 'act_issued') return null;
      throw error;
    });
    const doc = await documentFile(app.db, request.params.documentId);
    return reply.type(doc!.mediaType ?? 'text/plain; charset=utf-8').header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(app.blobs.open(doc!.sha256!));
  });

  app.get(
    '/api/v1/acts/:documentId/manifest',
    {
      config: judges,
      schema: {
        tags: ['court acts'],
        summary: 'The exact bytes the judge signs to issue a draft court act',
        description: 'Canonical JSON naming the court, the case, the kind of act and the sha256 of its text. Sign it (CMS) with the EDS you signed in with and post the CMS to /issue.',
        params: DocumentParams,
        response: { 200: Type.Unknown({ description: 'The manifest (canonical JSON, UTF-8)' }), 404: ApiError, 409: ApiError },
      },
    },
    async (request, reply) => {
      const manifest = await actManifestOf(app.db, request.principal!, request.params.documentId);
      return reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').send(Buffer.from(manifest));
    },
  );

  app.post(
    '/api/v1/acts/:documentId/issue',
    {
      config: judges,
      schema: {
        tags: ['court acts'],
        summary: 'Issue a draft court act with the judge’s signature over its manifest',
        params: DocumentParams,
        body: Type.Object({ cms: Type.String({ maxLength: 200_000, description: 'Base64 DER CMS SignedData over the manifest bytes' }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ verifyUrl: Type.String() }), 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError, 503: ApiError },
      },
    },
    async (request, reply) => {
      const { verifyCode } = await issueAct(app.db, app.signatureVerifier, app.blobs, request.principal!, request.params.documentId, request.body.cms, app.clock());
      return reply.code(201).send({ verifyUrl: `${app.config.publicUrl}${urls.verifyTalon(verifyCode)}` });
    },
  );
};

function actDraftOf(
  body: { kind?: string | undefined; outcome?: string | undefined; title?: string | undefined; attendance?: string | undefined; tookPart?: string | string[] | undefined },
  content: ActDraft['content'],
): ActDraft {
  const [kind, form] = (body.kind ?? '').split(':') as [string, string | undefined];
  if (!(COURT_ACT_KINDS as readonly string[]).includes(kind)) throw new SotError('act_kind_not_allowed');
  if (form !== undefined && !(DECISION_FORMS as readonly string[]).includes(form)) throw new SotError('act_form_required');
  const outcome = body.outcome && (REVIEW_OUTCOMES as readonly string[]).includes(body.outcome) ? (body.outcome as ReviewOutcome) : null;
  return {
    kind: kind as CourtActKind,
    decisionForm: (form as DecisionForm | undefined) ?? null,
    // Only a resolution carries an outcome; a stray radio value on another act is not one.
    outcome: kind === 'resolution' ? outcome : null,
    title: body.title ?? '',
    // Asked on the form: the ticked parties took part, the others did not (none ticked: nobody did).
    ...(body.attendance ? { tookPartIds: body.tookPart === undefined ? [] : Array.isArray(body.tookPart) ? body.tookPart : [body.tookPart] } : {}),
    content,
  };
}
