import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { dutyOfFiling, inCaseOf, isAlimonyClaim, isExemptionCode } from '../../commands/filingDuty.ts';
import { attachFiles, createFiling, deleteDraft, ownFiling, removeAttachment, updateFiling, type Filing } from '../../commands/filings.ts';
import { isCaseCategory, kindOfCategory } from '../../domain/caseKinds.ts';
import { EXEMPTION_CODES } from '../../domain/duty/rates.ts';
import { missingForSubmit, representedClaimant, type FilingFields, type FilingParty } from '../../domain/filingFields.ts';
import { asksAmount, asksSubject, isFilingStep, nextStep, resumeStep, type FilingStep } from '../../domain/filingSteps.ts';
import { type AttachmentPurpose, CLAIMANT_TYPES, isFilingType, startsCase } from '../../domain/filingTypes.ts';
import { asksDemandValue, isCourtOrderDemand } from '../../domain/courtOrders.ts';
import { isValidBin, isValidIin } from '../../domain/iin.ts';
import { ERRORS, SotError, type ErrorCode } from '../../errors.ts';
import { formatTenge } from '../../i18n/format.ts';
import type { MessageKey, Params } from '../../i18n/index.ts';
import { courtChoices, filingPageData, type FilingPageData } from '../../queries/filingForm.ts';
import { demoSignerOf } from '../../seed/demoSigner.ts';
import { urls } from '../../urls.ts';
import { loadReference } from '../../queries/reference.ts';
import {
  AttachmentsStep,
  CategoryStep,
  CheckPage,
  ClaimStep,
  CourtStep,
  DemandStep,
  DutyStep,
  FilingStartPage,
  PartiesStep,
  RepresentativeStep,
  type DutyView,
  type Errors,
  type Values,
} from '../../views/pages/filing/FilingSteps.tsx';

const Form = Type.Record(Type.String(), Type.String({ maxLength: 100_000 }));
/** What a person may say an uploaded file is; payment documents have their own page. */
const UPLOAD_PURPOSES: readonly AttachmentPurpose[] = ['attachment', 'power_of_attorney', 'exemption_proof'];
const Params = Type.Object({ id: Type.String({ maxLength: 40 }), step: Type.String({ maxLength: 20 }) });

/** A form field as text, trimmed; absent when empty. */
const text = (form: Record<string, string>, name: string) => form[name]?.trim() || undefined;

export const filingFormRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const signedIn = { access: 'signed-in' } as const;

  // A refusal's message names its article, limit or year: the error's params fill them in.
  const message = (request: FastifyRequest, code: ErrorCode, params?: Params) => request.t(ERRORS[code].message, params);
  const fieldError = (request: FastifyRequest, field: string, code: ErrorCode | MessageKey, params?: Params): Errors => [
    { field, message: code in ERRORS ? message(request, code as ErrorCode, params) : request.t(code as MessageKey) },
  ];

  async function showStep(request: FastifyRequest, reply: FastifyReply, filing: Filing, step: FilingStep, errors: Errors = [], values: Values = {}, status = errors.length ? 400 : 200) {
    const data = await filingPageData(app.db, filing);
    const title = `${errors.length ? `${request.t('error.title')}: ` : ''}${request.t(`filing.type.${filing.type}`)}`;
    const page = (body: preact.VNode, scripts?: string[]) => reply.page({ title, nav: 'cabinet', status, ...(scripts ? { scripts } : {}) }, body);
    switch (step) {
      case 'court': {
        const region = (request.query as { region?: string }).region || undefined;
        const kind = data.category ? kindOfCategory(data.category) : undefined;
        return page(<CourtStep data={data} errors={errors} courts={await courtChoices(app.db, kind)} region={region} />);
      }
      case 'category':
        return page(<CategoryStep data={data} errors={errors} />);
      case 'demand':
        return page(<DemandStep data={data} errors={errors} values={values} />);
      case 'parties':
        return page(<PartiesStep data={data} errors={errors} values={values} employer={filing.filerBin ? null : employerOf(request)} />);
      case 'representative':
        return page(<RepresentativeStep data={data} errors={errors} values={values} />);
      case 'claim':
        return page(<ClaimStep data={data} errors={errors} values={values} />);
      case 'attachments':
        return page(<AttachmentsStep data={data} errors={errors} />, ['upload.js']);
      case 'duty':
        return page(<DutyStep data={data} errors={errors} duty={await dutyView(request, filing, data)} exemptions={EXEMPTION_CODES.map((code) => ({ value: code, label: request.t(`duty.exemption.${code}`) }))} />);
      case 'check': {
        const missing = missingForSubmit(filing.type, data.fields, {
          hasCourt: filing.courtId !== null,
          hasCase: filing.caseId !== null,
          attachmentCount: data.attachments.length,
          representing: representedClaimant(data.fields, { iin: request.principal!.iin, bin: filing.filerBin }) !== undefined,
          powerOfAttorneyCount: data.attachments.filter((a) => a.purpose === 'power_of_attorney').length,
        });
        return page(<CheckPage data={data} errors={errors} missing={missing} demoSigner={demoSignerFor(request)} />, ['signDocument.js']);
      }
    }
  }

  async function dutyView(request: FastifyRequest, filing: Filing, data: FilingPageData): Promise<DutyView> {
    const { mci } = await loadReference(app.db);
    try {
      const inCase = startsCase(filing.type) ? undefined : await inCaseOf(app.db, filing);
      const duty = dutyOfFiling(filing, app.clock(), mci, inCase && { ...inCase, category: data.category });
      const notDutiable = duty.quote?.computation.kind === 'not_dutiable';
      // An appeal owes nothing by law (Tax Code Art. 664(1)(1)): the page says so rather than offering exemptions.
      const explanation = notDutiable && filing.type === 'appeal' ? request.t('appeals.duty.notDue') : duty.quote ? explainDuty(request, duty.quote) : null;
      return { amountTiyn: duty.amountTiyn, exempt: duty.exempt, basis: duty.basis, explanation, notDutiable };
    } catch (error) {
      if (!(error instanceof SotError)) throw error;
      return { amountTiyn: 0, exempt: false, basis: null, explanation: request.t(ERRORS[error.code].message, error.params) };
    }
  }

  function explainDuty(request: FastifyRequest, quote: NonNullable<ReturnType<typeof dutyOfFiling>['quote']>): string | null {
    const money = (tiyn: number) => formatTenge(tiyn / 100, request.lang);
    const c = quote.computation;
    if (c.kind !== 'rate') return null;
    const parts = c.parts.map((part) =>
      part.rate.kind === 'percent'
        ? request.t(part.capped ? 'filing.duty.explain.capped' : 'filing.duty.explain.percent', { percent: part.rate.percent, base: money(part.baseTiyn ?? 0), amount: money(part.amountTiyn), cap: money(part.capTiyn ?? 0) })
        : request.t('filing.duty.explain.mci', { mci: part.rate.mci, mciTenge: money((quote.mciTenge ?? 0) * 100), amount: money(part.amountTiyn) }),
    );
    const shares = c.shares.map((share) => request.t('filing.duty.explain.share', { percent: share.percent, amount: money(share.amountTiyn) }));
    return [...parts, ...shares].join(' ');
  }

  /** The entity whose employee the person is, when their certificate does not let them act for it directly. */
  function employerOf(request: FastifyRequest) {
    const entity = request.principal!.entity;
    return entity && entity.standing === 'employee' ? entity : null;
  }

  /** In demo mode, the signed-in demo person's own certificate, if they are one. */
  function demoSignerFor(request: FastifyRequest) {
    return app.config.demo ? demoSignerOf(request.principal!.iin) : null;
  }

  async function draftFor(request: FastifyRequest, id: string): Promise<Filing> {
    const filing = await ownFiling(app.db, request.principal!, id, 'update');
    if (filing.status === 'submitted') throw new SotError('filing_submitted');
    return filing;
  }

  /** Saves the step's fields and goes on; a refusal of the command is shown on the same page. */
  async function save(request: FastifyRequest, reply: FastifyReply, filing: Filing, step: FilingStep, form: Record<string, string>, change: { fields?: FilingFields; courtId?: string | null }, field: string, then?: FilingStep) {
    try {
      await updateFiling(app.db, request.principal!, filing.id, { version: Number(form['version']) || 0, ...change }, app.clock());
    } catch (error) {
      if (!(error instanceof SotError) || error.code === 'filing_not_found') throw error;
      const target = error.params?.['field'] ? String(error.params['field']) : field;
      return showStep(request, reply, filing, step, fieldError(request, target.includes('.') || target.includes('[') ? field : target, error.code, error.params), form, error.status);
    }
    const fromCheck = (request.query as { from?: string }).from === 'check';
    return reply.redirect(urls.filingStep(filing.id, then ?? (fromCheck ? 'check' : nextStep(filing.type, step))), 303);
  }

  // A case page links here with the filing type and the case number chosen (an appeal on its decision).
  app.get(
    '/cabinet/filings/new',
    { config: signedIn, schema: { hide: true, querystring: Type.Object({ type: Type.Optional(Type.String({ maxLength: 40 })), case: Type.Optional(Type.String({ maxLength: 40 })) }) } },
    async (request, reply) => {
      const { type, case: caseNumber } = request.query;
      const values = { ...(type && isFilingType(type) ? { type } : {}), ...(caseNumber ? { caseNumber } : {}) };
      return reply.page({ title: request.t('filing.start.title'), nav: 'cabinet' }, <FilingStartPage errors={[]} values={values} />);
    },
  );

  app.post('/cabinet/filings', { config: signedIn, schema: { hide: true, body: Form } }, async (request, reply) => {
    const form = request.body;
    const type = text(form, 'type') ?? '';
    const again = (errors: Errors, status = 400) => reply.page({ title: `${request.t('error.title')}: ${request.t('filing.start.title')}`, nav: 'cabinet', status }, <FilingStartPage errors={errors} values={form} />);
    if (!isFilingType(type)) return again(fieldError(request, 'type', 'error.chooseOne'));
    try {
      const filing = await createFiling(app.db, request.principal!, { type, caseNumber: text(form, 'caseNumber'), fields: {} }, app.clock());
      return reply.redirect(urls.filingStep(filing.id, resumeStep(type, {}, { hasCourt: false, attachmentCount: 0 })), 303);
    } catch (error) {
      if (!(error instanceof SotError)) throw error;
      return again(fieldError(request, 'caseNumber', error.code, error.params), error.status);
    }
  });

  app.get('/cabinet/filings/:id', { config: signedIn, schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 40 }) }) } }, async (request, reply) => {
    const filing = await ownFiling(app.db, request.principal!, request.params.id);
    if (filing.status === 'submitted') return reply.redirect(urls.talon(filing.id), 303);
    const data = await filingPageData(app.db, filing);
    return reply.redirect(urls.filingStep(filing.id, resumeStep(filing.type, data.fields, { hasCourt: filing.courtId !== null, attachmentCount: data.attachments.length })), 303);
  });

  app.get('/cabinet/filings/:id/:step', { config: signedIn, schema: { hide: true, params: Params, querystring: Type.Object({ region: Type.Optional(Type.String({ maxLength: 10 })), from: Type.Optional(Type.String({ maxLength: 10 })) }) } }, async (request, reply) => {
    const { id, step } = request.params;
    if (!isFilingStep(step)) throw new SotError('not_found');
    const filing = await ownFiling(app.db, request.principal!, id);
    if (filing.status === 'submitted') return reply.redirect(urls.talon(filing.id), 303);
    if (!(await import('../../domain/filingSteps.ts')).stepsOf(filing.type).includes(step)) throw new SotError('not_found');
    return showStep(request, reply, filing, step);
  });

  // The attachments step takes files; the other steps are plain forms.
  app.post('/cabinet/filings/:id/:step', { config: { ...signedIn, uploads: true }, schema: { hide: true, params: Params, querystring: Type.Object({ from: Type.Optional(Type.String({ maxLength: 10 })) }) } }, async (request, reply) => {
    const { id, step } = request.params;
    if (!isFilingStep(step)) throw new SotError('not_found');
    const filing = await draftFor(request, id);
    if (step === 'attachments') return upload(request, reply, filing);
    const form = (request.body ?? {}) as Record<string, string>;
    const fields = filing.fields as FilingFields;
    switch (step) {
      case 'court': {
        const courtId = text(form, 'courtId');
        if (!courtId) return showStep(request, reply, filing, step, fieldError(request, 'courtId', 'court_required'));
        return save(request, reply, filing, step, form, { courtId }, 'courtId');
      }
      case 'category': {
        const category = text(form, 'category');
        const claimantType = text(form, 'claimantType');
        if (!category || !isCaseCategory(category)) return showStep(request, reply, filing, step, fieldError(request, 'category', 'invalid_category'));
        if (!claimantType || !(CLAIMANT_TYPES as readonly string[]).includes(claimantType)) return showStep(request, reply, filing, step, fieldError(request, 'claimantType', 'error.chooseOne'), form);
        return save(request, reply, filing, step, form, { fields: { ...fields, category, claimantType: claimantType as FilingFields['claimantType'] } }, 'category');
      }
      case 'demand': {
        const demand = text(form, 'courtOrderDemand');
        if (!demand) return showStep(request, reply, filing, step, fieldError(request, 'courtOrderDemand', 'error.chooseOne'), form);
        // A demand CPC Art. 135 does not list goes by claim, never by court order.
        if (!isCourtOrderDemand(demand)) return showStep(request, reply, filing, step, fieldError(request, 'courtOrderDemand', 'court_order_demand_not_listed'), form);
        const next: FilingFields = { ...fields, category: 'court_order', courtOrderDemand: demand };
        if (!asksDemandValue(demand)) delete next.amount;
        return save(request, reply, filing, step, form, { fields: next }, 'courtOrderDemand');
      }
      case 'parties': {
        const party = partyFrom(form);
        if ('error' in party) return showStep(request, reply, filing, step, fieldError(request, party.error.field, party.error.code), form);
        // Adding a party returns to the list, so another can be added.
        return save(request, reply, filing, step, form, { fields: { ...fields, parties: [...(fields.parties ?? []), party] } }, 'name', 'parties');
      }
      case 'representative': {
        const name = text(form, 'repName');
        const iin = text(form, 'repIin');
        if (!name && !iin) {
          const { representative: _none, ...rest } = fields;
          return save(request, reply, filing, step, form, { fields: rest }, 'repName');
        }
        if (!name) return showStep(request, reply, filing, step, fieldError(request, 'repName', 'error.fieldRequired'), form);
        if (!iin || !isValidIin(iin)) return showStep(request, reply, filing, step, fieldError(request, 'repIin', 'invalid_iin'), form);
        const powerOfAttorney = text(form, 'powerOfAttorney');
        return save(request, reply, filing, step, form, { fields: { ...fields, representative: { name, iin, ...(powerOfAttorney ? { powerOfAttorney } : {}) } } }, 'repName');
      }
      case 'claim': {
        const data = await filingPageData(app.db, filing);
        const next: FilingFields = { ...fields };
        const subject = text(form, 'subject');
        const amount = text(form, 'amount');
        const body = form['text']?.trim();
        if (asksSubject(filing.type)) {
          if (!subject) return showStep(request, reply, filing, step, fieldError(request, 'subject', 'error.fieldRequired'), form);
          next.subject = subject;
        }
        if (asksAmount(filing.type, data.category, fields.courtOrderDemand)) {
          if (amount) next.amount = amount;
          else delete next.amount;
        }
        if (body) next.text = body;
        else delete next.text;
        return save(request, reply, filing, step, form, { fields: next }, 'amount');
      }
      case 'duty': {
        const exemption = text(form, 'exemption');
        if (exemption && !isExemptionCode(exemption)) return showStep(request, reply, filing, step, fieldError(request, 'exemption', 'error.chooseOne'));
        const { exemption: _previous, alimonyClaim: _claim, ...rest } = fields;
        // In an alimony case the duty depends on what the claim asks: only recovery is exempt.
        const alimonyClaim = text(form, 'alimonyClaim');
        const asksAlimony = (await filingPageData(app.db, filing)).category === 'alimony';
        if (asksAlimony && (!alimonyClaim || !isAlimonyClaim(alimonyClaim))) return showStep(request, reply, filing, step, fieldError(request, 'alimonyClaim', 'error.chooseOne'));
        const next: FilingFields = { ...rest, ...(exemption ? { exemption } : {}), ...(asksAlimony && alimonyClaim && isAlimonyClaim(alimonyClaim) ? { alimonyClaim } : {}) };
        return save(request, reply, filing, step, form, { fields: next }, 'exemption');
      }
      case 'check':
        // Submission is signed in the browser and sent to the API; a plain post just shows the page.
        return reply.redirect(urls.filingStep(filing.id, 'check'), 303);
    }
  });

  async function upload(request: FastifyRequest, reply: FastifyReply, filing: Filing) {
    try {
      await attachFiles(
        app.db,
        app.blobs,
        request.principal!,
        filing.id,
        (async function* () {
          if (!request.isMultipart()) throw new SotError('unsupported_media_type');
          // The form puts the choice of what the files are before the files themselves.
          let purpose: AttachmentPurpose = 'attachment';
          for await (const part of request.parts()) {
            if (part.type === 'field' && part.fieldname === 'purpose' && UPLOAD_PURPOSES.includes(String(part.value) as AttachmentPurpose)) purpose = String(part.value) as AttachmentPurpose;
            if (part.type === 'file' && part.filename) yield { stream: part.file, fileName: part.filename, purpose };
          }
        })(),
        app.clock(),
      );
    } catch (error) {
      if (!(error instanceof SotError) || error.code === 'filing_not_found' || error.code === 'filing_submitted') throw error;
      return showStep(request, reply, filing, 'attachments', fieldError(request, 'file', error.code, error.params), {}, error.status);
    }
    return reply.redirect(urls.filingStep(filing.id, 'attachments'), 303);
  }

  app.post(
    '/cabinet/filings/:id/parties/:index/remove',
    { config: signedIn, schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 40 }), index: Type.Integer({ minimum: 0, maximum: 50 }) }), body: Form } },
    async (request, reply) => {
      const filing = await draftFor(request, request.params.id);
      const fields = filing.fields as FilingFields;
      const parties = (fields.parties ?? []).filter((_, i) => i !== request.params.index);
      await updateFiling(app.db, request.principal!, filing.id, { version: filing.version, fields: { ...fields, parties } }, app.clock());
      return reply.redirect(urls.filingStep(filing.id, 'parties'), 303);
    },
  );

  app.post(
    '/cabinet/filings/:id/attachments/:attachmentId/remove',
    { config: signedIn, schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 40 }), attachmentId: Type.String({ maxLength: 40 }) }), body: Form } },
    async (request, reply) => {
      await removeAttachment(app.db, request.principal!, request.params.id, request.params.attachmentId, app.clock());
      return reply.redirect(urls.filingStep(request.params.id, 'attachments'), 303);
    },
  );

  app.post('/cabinet/filings/:id/delete', { config: signedIn, schema: { hide: true, params: Type.Object({ id: Type.String({ maxLength: 40 }) }), body: Form } }, async (request, reply) => {
    await deleteDraft(app.db, request.principal!, request.params.id, app.clock());
    return reply.redirect(urls.cabinet(), 303);
  });
};

/** A party from the parties form, or the first field that is wrong. */
function partyFrom(form: Record<string, string>): FilingParty | { error: { field: string; code: ErrorCode | MessageKey } } {
  const side = text(form, 'side');
  const kind = text(form, 'kind');
  const name = text(form, 'name');
  const identifier = text(form, 'identifier')?.replace(/\s+/g, '');
  if (side !== 'defendant' && side !== 'third_party' && side !== 'claimant') return { error: { field: 'side', code: 'error.chooseOne' } };
  if (kind !== 'individual' && kind !== 'legal') return { error: { field: 'kind', code: 'error.chooseOne' } };
  if (!name) return { error: { field: 'name', code: 'error.fieldRequired' } };
  if (identifier && kind === 'individual' && !isValidIin(identifier)) return { error: { field: 'identifier', code: 'invalid_iin' } };
  if (identifier && kind === 'legal' && !isValidBin(identifier)) return { error: { field: 'identifier', code: 'invalid_bin' } };
  const optional = (key: 'address' | 'phone' | 'email') => (text(form, key) ? { [key]: text(form, key)!.slice(0, key === 'address' ? 500 : 200) } : {});
  return {
    side,
    kind,
    name: name.slice(0, 300),
    ...(identifier ? (kind === 'individual' ? { iin: identifier } : { bin: identifier }) : {}),
    ...optional('address'),
    ...optional('phone'),
    ...optional('email'),
  };
}
