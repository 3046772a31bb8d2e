import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { actDataOf } from '../../acts/actData.ts';
import { readBlob } from '../../adapters/storage/blobStore.ts';
import { logAccess } from '../../commands/accessLog.ts';
import { today } from '../../commands/caseProgress.ts';
import { addCourtMaterial, mayAddMaterial, mayShareMaterial, shareCourtMaterial } from '../../commands/courtMaterials.ts';
import { answerFamiliarisation, type FamiliarisationAnswer } from '../../commands/familiarisation.ts';
import { MATERIAL_FORM_FIELDS, MATERIAL_PROBLEM_FIELD, readMaterialForm, type MaterialForm } from '../../domain/courtMaterials.ts';
import { isUuid } from '../../domain/ids.ts';
import { ERRORS, SotError, type ErrorCode } from '../../errors.ts';
import { can } from '../../policies/rules.ts';
import { caseForParticipants } from '../../queries/cabinet.ts';
import { isCourtAct } from '../../queries/caseDocuments.ts';
import { deadlinesOf, issuedAct } from '../../queries/caseFile.ts';
import { courtFileDocument, courtFileDocuments, dutiesOf, participantsWithContacts, signaturesOf } from '../../queries/courtCaseFile.ts';
import { familiarisationRequestsOf } from '../../queries/familiarisation.ts';
import { urls } from '../../urls.ts';
import { CourtCaseFilePage } from '../../views/pages/court/CourtCaseFilePage.tsx';
import { CourtFileDocumentPage } from '../../views/pages/court/CourtFileDocumentPage.tsx';
import { previewOf } from '../../views/pages/documents/documentLabels.ts';
import { readableCase, type ReadableCase } from '../cabinet/readableCase.ts';
import { caseFor } from '../caseAccess.ts';
import { contentDisposition } from '../contentDisposition.ts';

/** Text documents are shown in the viewer up to this size; larger ones are downloaded. */
const MAX_INLINE_TEXT = 256 * 1024;

/** Which field of the answer form a refusal belongs to, so the error summary links to it. */
const FIELD: Partial<Record<ErrorCode, 'answer' | 'documents' | 'reason'>> = {
  familiarisation_choose_documents: 'documents',
  familiarisation_nothing_to_open: 'documents',
  familiarisation_reason_required: 'reason',
  familiarisation_answered: 'answer',
};

const DONE = ['granted', 'refused', 'added', 'shared'] as const;
type Done = (typeof DONE)[number];

/**
 * The e-case file in the court's workspace: the judge of the case, the staff of its court and of a
 * higher court reviewing it read every document with its signature checked, the duty, the parties'
 * contacts, the terms and the timeline; the judge answers the parties' requests to read the
 * materials. Anyone else, the parties and the court's administrator included, gets a 404. Every
 * opening of a document is in the case's access log.
 */
export const courtCaseFileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Signed in, then the policy: a case someone may not read is a 404 for them, never a 403.
  const signedIn = { access: 'signed-in' } as const;
  const CaseParams = Type.Object({ caseId: Type.String({ maxLength: 40 }) });
  const DocumentParams = Type.Object({ caseId: Type.String({ maxLength: 40 }), documentId: Type.String({ maxLength: 40 }) });

  const courtReader = (request: FastifyRequest, caseId: string): Promise<ReadableCase> => readableCase(app, request.principal!, caseId, 'read_court_file');

  async function render(request: FastifyRequest, reply: FastifyReply, caseId: string, options: { done?: Done | null; errors?: { field: string; message: string }[]; status?: number; values?: Record<string, string | string[]> }) {
    const reader = await courtReader(request, caseId);
    const details = await caseForParticipants(app.db, reader.id);
    if (!details) throw new SotError('not_found');
    const [rows, duties, parties, deadlines, requests] = await Promise.all([
      courtFileDocuments(app.db, reader.id),
      dutiesOf(app.db, reader.id),
      participantsWithContacts(app.db, reader.id),
      deadlinesOf(app.db, reader.id),
      familiarisationRequestsOf(app.db, reader.id),
    ]);
    const checks = await signaturesOf(app.db, rows, { verifier: app.signatureVerifier, blobs: app.blobs, publicUrl: app.config.publicUrl }, request.lang, app.clock());
    const answersRequests = can(request.principal, { action: 'decide', resource: 'familiarisation', courtId: details.case.courtId, judgeId: details.case.judgeId });
    const addsMaterials = mayAddMaterial(request.principal, details.case);
    const sharesMaterials = mayShareMaterial(request.principal, details.case);
    return reply.page(
      { title: `${details.case.number ?? ''} — ${request.t('caseFile.caption')}`, nav: 'judge', ...(options.status ? { status: options.status } : {}) },
      <CourtCaseFilePage
        view={{
          details,
          documents: rows.map((row) => ({ ...row, signatureCheck: checks.get(row.id) ?? { kind: 'none' } })),
          duties,
          parties,
          deadlines,
          requests,
          today: today(app.clock()),
          answersRequests,
          addsMaterials,
          sharesMaterials,
          done: options.done ?? null,
          values: options.values ?? {},
        }}
        errors={options.errors ?? []}
      />,
    );
  }

  app.get('/court/cases/:caseId/file', { config: signedIn, schema: { hide: true, params: CaseParams, querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }) } }, async (request, reply) => {
    const done = (DONE as readonly string[]).includes(request.query.done ?? '') ? (request.query.done as Done) : null;
    return render(request, reply, request.params.caseId, { done });
  });

  app.get('/court/cases/:caseId/file/documents/:documentId', { config: signedIn, schema: { hide: true, params: DocumentParams } }, async (request, reply) => {
    const reader = await courtReader(request, request.params.caseId);
    if (!isUuid(request.params.documentId)) throw new SotError('not_found');
    const rows = await courtFileDocuments(app.db, reader.id);
    const document = rows.find((d) => d.id === request.params.documentId);
    if (!document) throw new SotError('not_found');
    const deps = { verifier: app.signatureVerifier, blobs: app.blobs, publicUrl: app.config.publicUrl };
    // An attachment's signature is its filing's: check it with the documents it was filed with.
    const filedTogether = rows.filter((d) => d.createdAt.getTime() === document.createdAt.getTime() && d.createdBy === document.createdBy);
    const signature = (await signaturesOf(app.db, filedTogether, deps, request.lang, app.clock())).get(document.id) ?? { kind: 'none' as const };
    const issued = isCourtAct(document.kind) ? await issuedAct(app.db, { documentId: document.id }) : null;
    const act = issued ? await actDataOf(issued, deps, request.lang, false) : null;
    const text = !act && document.sha256 && previewOf(document.mediaType) === 'text' && (document.sizeBytes ?? 0) <= MAX_INLINE_TEXT ? (await readBlob(app.blobs, document.sha256)).toString('utf8') : null;
    // Text is read in the page itself; a PDF or an image when its file is fetched.
    if (text !== null) await logAccess(app.db, { caseId: reader.id, target: { documentId: document.id }, userId: request.principal!.userId, capacity: reader.capacity, action: 'view', at: app.clock() });
    return reply.page(
      { title: document.title, nav: 'judge' },
      <CourtFileDocumentPage view={{ caseId: reader.id, caseNumber: reader.number, document, signature, act, text }} />,
    );
  });

  app.get(
    '/court/cases/:caseId/file/documents/:documentId/file',
    { config: signedIn, schema: { hide: true, params: DocumentParams, querystring: Type.Object({ download: Type.Optional(Type.String({ maxLength: 1 })) }) } },
    async (request, reply) => {
      const reader = await courtReader(request, request.params.caseId);
      if (!isUuid(request.params.documentId)) throw new SotError('not_found');
      const document = await courtFileDocument(app.db, reader.id, request.params.documentId);
      if (!document?.sha256) throw new SotError('not_found');
      const preview = previewOf(document.mediaType);
      const inline = request.query.download !== '1' && preview !== 'none';
      await logAccess(app.db, { caseId: reader.id, target: { documentId: document.id }, userId: request.principal!.userId, capacity: reader.capacity, action: inline ? 'view' : 'download', at: app.clock() });
      // The viewer frames a PDF: this answer, for a PDF shown inline, may be framed by our own pages.
      if (inline && preview === 'pdf') {
        const csp = reply.getHeader('content-security-policy');
        if (typeof csp === 'string') reply.header('content-security-policy', csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
        reply.header('x-frame-options', 'SAMEORIGIN');
      }
      return reply
        .type(document.mediaType ?? 'application/octet-stream')
        .header('content-disposition', contentDisposition(document.fileName ?? document.title, inline ? 'inline' : 'attachment', document.mediaType))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(app.blobs.open(document.sha256));
    },
  );

  app.post(
    '/court/cases/:caseId/file/requests/:requestId',
    {
      config: signedIn,
      schema: {
        hide: true,
        params: Type.Object({ caseId: Type.String({ maxLength: 40 }), requestId: Type.String({ maxLength: 40 }) }),
        body: Type.Object({
          _csrf: Type.Optional(Type.String()),
          answer: Type.Optional(Type.String({ maxLength: 10 })),
          documentIds: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 500 })])),
          reason: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
      },
    },
    async (request, reply) => {
      const { caseId, requestId } = request.params;
      const { answer, reason = '' } = request.body;
      const documentIds = [request.body.documentIds ?? []].flat();
      const values = { requestId, answer: answer ?? '', documentIds, reason };
      try {
        let choice: FamiliarisationAnswer;
        if (answer === 'all') choice = { grant: 'all' };
        else if (answer === 'listed') choice = { grant: 'listed', documentIds };
        else if (answer === 'refuse') choice = { refuse: reason };
        else throw new SotError('familiarisation_answer_required');
        const status = await answerFamiliarisation(app.db, request.principal!, caseId, requestId, choice, app.clock());
        return reply.redirect(`${urls.courtCaseFile(caseId, status)}#requests`, 303);
      } catch (error) {
        if (!(error instanceof SotError) || error.code === 'not_found') throw error;
        const field = `${FIELD[error.code] ?? 'answer'}-${requestId}`;
        return render(request, reply, caseId, { errors: [{ field, message: request.t(ERRORS[error.code].message, error.params) }], status: error.status, values });
      }
    },
  );
  // A material the court received: the office or the judge uploads it with its title, kind, day received and who reads it.
  app.post(
    '/court/cases/:caseId/file/materials',
    { config: { ...signedIn, uploads: true }, schema: { hide: true, params: CaseParams } },
    async (request, reply) => {
      const { caseId } = request.params;
      await caseFor(app, request.principal!, caseId, 'add_material');
      if (!request.isMultipart()) throw new SotError('unsupported_media_type');
      const values: MaterialForm = {};
      let errors: { field: string; message: string }[] | null = null;
      let status = 400;
      let added = false;
      const refuse = (code: ErrorCode, field: string) => {
        errors = [...(errors ?? []), { field: `material-${field}`, message: request.t(ERRORS[code].message) }];
        status = Math.max(status, ERRORS[code].status);
      };
      // The fields come before the file (the form's order); the file streams on to storage as it arrives.
      try {
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if ((MATERIAL_FORM_FIELDS as readonly string[]).includes(part.fieldname) && typeof part.value === 'string') values[part.fieldname as keyof MaterialForm] = part.value;
            continue;
          }
          if (errors !== null || added || part.fieldname !== 'file' || !part.filename) {
            part.file.resume();
            continue;
          }
          const read = readMaterialForm(values, today(app.clock()));
          errors = [];
          if (!read.material) {
            for (const problem of read.problems) refuse(problem, MATERIAL_PROBLEM_FIELD[problem]);
          } else {
            try {
              await addCourtMaterial(app.db, app.blobs, request.principal!, caseId, read.material, { stream: part.file, fileName: part.filename }, app.clock());
              added = true;
            } catch (error) {
              if (!(error instanceof SotError) || error.code === 'not_found') throw error;
              refuse(error.code, 'file');
            }
          }
          // Whatever the outcome, the rest of the file is read, so the answer reaches the browser.
          part.file.resume();
        }
      } catch (error) {
        // The multipart reader stops an over-long file with its own error once it is read past the limit.
        if ((error as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw error;
        if (!added) {
          errors = (errors ?? []).filter((e) => e.field !== 'material-file');
          refuse('file_too_large', 'file');
        }
      }
      if (added) return reply.redirect(`${urls.courtCaseFile(caseId, 'added')}#documents`, 303);
      if (errors === null) {
        const read = readMaterialForm(values, today(app.clock()));
        errors = [];
        for (const problem of read.problems) refuse(problem, MATERIAL_PROBLEM_FIELD[problem]);
        refuse('file_missing', 'file');
      }
      return render(request, reply, caseId, { errors: errors ?? [], status, values: { ...values, form: 'material' } });
    },
  );

  // The judge shares a material kept for the court with every party.
  app.post(
    '/court/cases/:caseId/file/materials/:documentId/share',
    { config: signedIn, schema: { hide: true, params: DocumentParams, body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } },
    async (request, reply) => {
      const { caseId, documentId } = request.params;
      try {
        await shareCourtMaterial(app.db, request.principal!, caseId, documentId, app.clock());
      } catch (error) {
        if (!(error instanceof SotError) || error.code === 'not_found') throw error;
        return render(request, reply, caseId, { errors: [{ field: `share-${documentId}`, message: request.t(ERRORS[error.code].message) }], status: error.status });
      }
      return reply.redirect(`${urls.courtCaseFile(caseId, 'shared')}#documents`, 303);
    },
  );
};
