import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { enterPaperFiling } from '../../commands/counterFiling.ts';
import { attachFiling, receiveFiling } from '../../commands/office.ts';
import { forwardAppeal } from '../../commands/appealForwarding.ts';
import { appealStanding } from '../../queries/appeals.ts';
import type { FilingFields } from '../../domain/filingFields.ts';
import { startsCase } from '../../domain/filingTypes.ts';
import { PAPER_FORM_FIELDS, readPaperFiling, type PaperFilingForm, type PaperProblemCode } from '../../domain/paperFiling.ts';
import { ERRORS, SotError, type ErrorCode } from '../../errors.ts';
import { courtDateIso, formatCourtDay } from '../../i18n/format.ts';
import { can } from '../../policies/rules.ts';
import { checkFilingSignature, counterCourts, filingFile, filingFiles, officeFiling, paperFields, receivedBy, type OfficeFilingRow } from '../../queries/office.ts';
import { talonOf } from '../../queries/talon.ts';
import { renderTalonPdf } from '../../talon/talonPdf.ts';
import { urls } from '../../urls.ts';
import type { FieldError } from '../../views/components/govuk.tsx';
import { CounterFilingPage } from '../../views/pages/court/CounterFilingPage.tsx';
import { OfficeFilingPage, type OfficeFilingView } from '../../views/pages/court/OfficeFilingPage.tsx';
import { contentDisposition } from '../contentDisposition.ts';
import { parseTengeToTiyn } from '../../domain/money.ts';

const FilingParams = Type.Object({ filingId: Type.String({ maxLength: 40 }) });
const FormBody = Type.Object({ _csrf: Type.Optional(Type.String()) });


/** Errors of the attach form that belong next to the case number. */
const CASE_NUMBER_ERRORS: readonly ErrorCode[] = ['case_number_required', 'invalid_case_number', 'attach_target_not_found', 'attach_target_closed'];
const ACTION_ERRORS: readonly ErrorCode[] = ['filing_already_received', 'filing_already_registered', 'filing_attached_elsewhere', 'filing_not_attachable'];
/** Why the case cannot go up with its appeal yet, said on the appeal's page. */
const FORWARD_ERRORS: readonly ErrorCode[] = ['appeal_nothing_to_forward', 'appeal_term_still_running', 'appeal_copy_not_sent', 'review_court_missing', 'review_not_open'];

/**
 * The court office's side of one filing: its page with the signature check, its files, the
 * talon, and what the office does with it; and paper filings entered at the counter.
 */
export const officeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const readers = { access: ['clerk', 'court_chair', 'judge'] } as const;
  const office = { access: ['clerk', 'court_chair'] } as const;
  const counter = { access: ['clerk'] } as const;

  async function filingView(request: FastifyRequest, row: OfficeFilingRow): Promise<OfficeFilingView> {
    const { filing, caseRow, filerName } = row;
    const paper = paperFields(filing);
    const fields = filing.fields as FilingFields;
    const courtIds = [filing.courtId, caseRow?.courtId].filter((id): id is string => Boolean(id));
    const may = (action: 'receive' | 'attach') => courtIds.some((courtId) => can(request.principal, { action, resource: 'filing_office', courtId }));
    const awaitingRegistration = startsCase(filing.type) && caseRow?.status === 'submitted' && caseRow.number === null;
    const received = startsCase(filing.type) ? null : await receivedBy(app.db, filing);
    const claimant = fields.parties?.find((p) => p.side === 'claimant');
    const appeal = await appealStanding(app.db, filing);
    return {
      id: filing.id,
      type: filing.type,
      channel: filing.channel,
      talonNumber: filing.talonNumber!,
      submittedAt: filing.submittedAt!,
      filer: paper
        ? { name: paper.filer.name, iin: paper.filer.iin ?? null, bin: paper.filer.bin ?? null, address: paper.filer.address ?? null, phone: paper.filer.phone ?? null }
        : { name: filerName, iin: row.filerIin, bin: filing.filerBin, address: claimant?.address ?? null, phone: claimant?.phone ?? null },
      parties: fields.parties ?? [],
      category: fields.category ?? caseRow?.category ?? null,
      subject: fields.subject?.trim() || null,
      amountTiyn: fields.amount?.trim() ? parseTengeToTiyn(fields.amount) : null,
      duty: { status: filing.dutyStatus, amountTiyn: filing.dutyAmountTiyn, basis: filing.dutyBasis },
      caseId: caseRow?.id ?? null,
      caseNumber: caseRow?.number ?? null,
      caseStatus: caseRow?.status ?? null,
      files: await filingFiles(app.db, filing),
      signature: paper ? null : await checkFilingSignature(app.blobs, app.signatureVerifier, filing, app.clock()),
      counter: paper ? { clerkName: filerName, receivedOn: paper.receivedOn } : null,
      received,
      appeal: appeal && {
        ...appeal,
        mayForward: appeal.forwarded === null && caseRow?.status === 'appeal_window' && can(request.principal, { action: 'forward_appeal', resource: 'case', courtId: caseRow.courtId }),
      },
      may: { register: awaitingRegistration && courtIds.some((courtId) => can(request.principal, { action: 'register', resource: 'case', courtId })), attach: awaitingRegistration && may('attach'), receive: !startsCase(filing.type) && received === null && may('receive') },
    };
  }

  async function showFiling(request: FastifyRequest, reply: FastifyReply, filingId: string, options: { errors?: FieldError[]; caseNumber?: string; entered?: boolean; forwarded?: boolean; status?: number } = {}) {
    const row = await officeFiling(app.db, request.principal!, filingId);
    const view = await filingView(request, row);
    // The signer's IIN is on the page (masked) and the check says "now": never cache it.
    reply.header('cache-control', 'private, no-store');
    const errors = options.errors ?? [];
    const title = `${errors.length ? `${request.t('error.title')}: ` : ''}${request.t('office.filing.title', { talon: view.talonNumber })}`;
    return reply.page({ title, nav: 'court', status: options.status ?? 200 }, <OfficeFilingPage view={view} errors={errors} caseNumber={options.caseNumber ?? ''} entered={options.entered ?? false} forwarded={options.forwarded ?? false} />);
  }

  app.get('/court/filings/:filingId', { config: readers, schema: { hide: true, params: FilingParams, querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }) } }, async (request, reply) =>
    showFiling(request, reply, request.params.filingId, { entered: request.query.done === 'entered', forwarded: request.query.done === 'forwarded' }),
  );

  app.get('/court/filings/:filingId/files/:fileId', { config: readers, schema: { hide: true, params: Type.Object({ filingId: Type.String({ maxLength: 40 }), fileId: Type.String({ maxLength: 40 }) }) } }, async (request, reply) => {
    const file = await filingFile(app.db, request.principal!, request.params.filingId, request.params.fileId);
    return reply
      .header('content-type', file.mediaType)
      .header('content-length', String(file.sizeBytes))
      .header('content-disposition', contentDisposition(file.name, 'attachment', file.mediaType))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(app.blobs.open(file.sha256));
  });

  app.get('/court/filings/:filingId/talon.pdf', { config: readers, schema: { hide: true, params: FilingParams } }, async (request, reply) => {
    const { filing } = await officeFiling(app.db, request.principal!, request.params.filingId);
    const talon = await talonOf(app.db, { filingId: filing.id }, request.lang, app.config.publicUrl);
    if (!talon) throw new SotError('not_found');
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="talon-${talon.talonNumber}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(await renderTalonPdf(talon, request.lang));
  });

  app.post('/court/filings/:filingId/receive', { config: office, schema: { hide: true, params: FilingParams, body: FormBody } }, async (request, reply) => {
    try {
      await receiveFiling(app.db, request.principal!, request.params.filingId, app.clock());
    } catch (error) {
      if (!(error instanceof SotError) || !ACTION_ERRORS.includes(error.code)) throw error;
      return showFiling(request, reply, request.params.filingId, { errors: [{ field: 'actions', message: request.t(ERRORS[error.code].message) }], status: error.status });
    }
    return reply.redirect(urls.incoming({ done: 'received' }), 303);
  });

  // The court that decided sends the case with its appeals up once every party's term has ended (CPC Art. 405(1)(2)).
  app.post('/court/filings/:filingId/forward-appeal', { config: office, schema: { hide: true, params: FilingParams, body: FormBody } }, async (request, reply) => {
    const { filing } = await officeFiling(app.db, request.principal!, request.params.filingId);
    if (filing.type !== 'appeal' || !filing.caseId) throw new SotError('not_found');
    try {
      await forwardAppeal(app.db, request.principal!, filing.caseId, app.clock());
    } catch (error) {
      if (!(error instanceof SotError) || !FORWARD_ERRORS.includes(error.code)) throw error;
      return showFiling(request, reply, request.params.filingId, { errors: [{ field: 'forward', message: request.t(ERRORS[error.code].message, error.params?.['until'] ? { until: formatCourtDay(String(error.params['until']), request.lang) } : error.params) }], status: error.status });
    }
    return reply.redirect(urls.officeFiling(request.params.filingId, 'forwarded'), 303);
  });

  app.post(
    '/court/filings/:filingId/attach',
    { config: office, schema: { hide: true, params: FilingParams, body: Type.Object({ _csrf: Type.Optional(Type.String()), caseNumber: Type.Optional(Type.String({ maxLength: 100 })) }) } },
    async (request, reply) => {
      const caseNumber = request.body.caseNumber ?? '';
      try {
        await attachFiling(app.db, request.principal!, request.params.filingId, caseNumber, app.clock());
      } catch (error) {
        if (!(error instanceof SotError)) throw error;
        const field = CASE_NUMBER_ERRORS.includes(error.code) ? 'caseNumber' : ACTION_ERRORS.includes(error.code) ? 'actions' : null;
        if (!field) throw error;
        return showFiling(request, reply, request.params.filingId, { errors: [{ field, message: request.t(ERRORS[error.code].message) }], caseNumber, status: error.status });
      }
      return reply.redirect(urls.incoming({ done: 'attached' }), 303);
    },
  );

  async function showCounterForm(request: FastifyRequest, reply: FastifyReply, values: PaperFilingForm, errors: FieldError[], status = 200) {
    const courts = await counterCourts(app.db, request.principal!);
    if (courts.length === 0) throw new SotError('not_found');
    const title = `${errors.length ? `${request.t('error.title')}: ` : ''}${request.t('office.counter.title')}`;
    return reply.page({ title, nav: 'court', status }, <CounterFilingPage courts={courts} values={values} errors={errors} />);
  }

  app.get('/court/counter/new', { config: counter, schema: { hide: true } }, async (request, reply) => {
    const today = courtDateIso(app.clock()).split('-');
    return showCounterForm(request, reply, { type: 'claim', filerKind: 'individual', receivedDay: String(Number(today[2])), receivedMonth: String(Number(today[1])), receivedYear: today[0] }, []);
  });

  const PROBLEM_MESSAGES: Record<PaperProblemCode, ErrorCode> = {
    invalid_request: 'invalid_request',
    invalid_iin: 'invalid_iin',
    invalid_bin: 'invalid_bin',
    invalid_amount: 'invalid_amount',
    invalid_category: 'invalid_category',
    invalid_case_number: 'invalid_case_number',
    case_number_required: 'case_number_required',
    filer_name_required: 'filer_name_required',
    party_name_required: 'party_name_required',
    defendant_required: 'defendant_required',
    subject_required: 'subject_required',
    received_date_invalid: 'received_date_invalid',
    received_date_in_future: 'received_date_in_future',
  };

  app.post(
    '/court/counter',
    // The form has more fields than the app-wide limit, which suits the cabinet's shorter upload forms.
    { config: { ...counter, uploads: { fields: 40 } }, schema: { hide: true } },
    async (request, reply) => {
      const courts = await counterCourts(app.db, request.principal!);
      if (courts.length === 0) throw new SotError('not_found');
      if (!request.isMultipart()) throw new SotError('unsupported_media_type');
      const values: PaperFilingForm = {};
      let errors: FieldError[] | null = null;
      let receipt: { filingId: string } | null = null;
      // The details come before the scan (the form's order); the scan streams on to storage as it arrives.
      try {
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if ((PAPER_FORM_FIELDS as readonly string[]).includes(part.fieldname) && typeof part.value === 'string') (values as Record<string, string>)[part.fieldname] = part.value;
            continue;
          }
          if (errors !== null || part.fieldname !== 'file' || !part.filename) {
            part.file.resume();
            continue;
          }
          const read = readPaperFiling(values, courtDateIso(app.clock()));
          const courtId = courts.find((c) => c.id === values.court)?.id ?? (courts.length === 1 ? courts[0]!.id : null);
          if (!read.filing || !courtId) {
            errors = [...(courtId ? [] : [{ field: 'court', message: request.t('error.courtRequired') }]), ...read.problems.map((p) => ({ field: p.field, message: request.t(ERRORS[PROBLEM_MESSAGES[p.code]].message) }))];
            part.file.resume();
            continue;
          }
          try {
            receipt = await enterPaperFiling(app.db, app.blobs, request.principal!, courtId, read.filing, { stream: part.file, fileName: part.filename }, app.clock());
            errors = [];
          } catch (error) {
            if (!(error instanceof SotError) || error.code === 'not_found') throw error;
            errors = [{ field: error.code === 'case_not_found' ? 'caseNumber' : 'file', message: request.t(ERRORS[error.code].message) }];
          }
          // Whatever the outcome, the rest of the file is read, so the answer reaches the browser.
          part.file.resume();
        }
      } catch (error) {
        // The multipart reader stops an over-long scan with its own error once the scan is read past the limit.
        if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        if (!receipt) errors = [...(errors ?? []).filter((e) => e.field !== 'file'), { field: 'file', message: request.t(ERRORS.file_too_large.message) }];
      }
      if (errors === null) {
        const read = readPaperFiling(values, courtDateIso(app.clock()));
        errors = [...read.problems.map((p) => ({ field: p.field, message: request.t(ERRORS[PROBLEM_MESSAGES[p.code]].message) })), { field: 'file', message: request.t(ERRORS.file_missing.message) }];
      }
      if (!receipt) return showCounterForm(request, reply, values, errors, 400);
      return reply.redirect(urls.officeFiling(receipt.filingId, 'entered'), 303);
    },
  );
};
