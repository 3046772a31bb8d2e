import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { actDataOf } from '../../acts/actData.ts';
import { readBlob } from '../../adapters/storage/blobStore.ts';
import { logAccess } from '../../commands/accessLog.ts';
import { receiptOnRead } from '../../commands/courtOrders.ts';
import { isUuid } from '../../domain/ids.ts';
import { SotError } from '../../errors.ts';
import { accessLogOf, caseDocument, isCourtAct } from '../../queries/caseDocuments.ts';
import { grantedDocumentIds } from '../../queries/familiarisation.ts';
import { issuedAct } from '../../queries/caseFile.ts';
import { qrSvg } from '../../talon/qr.ts';
import { localName } from '../../views/components/names.ts';
import { AccessLogPage } from '../../views/pages/documents/AccessLogPage.tsx';
import { DocumentPage, type DocumentView } from '../../views/pages/documents/DocumentPage.tsx';
import { documentTitle } from '../../views/pages/documents/documentLabels.ts';
import { previewOf } from '../../views/pages/documents/documentLabels.ts';
import { PrintDocumentPage } from '../../views/pages/documents/PrintDocumentPage.tsx';
import { contentDisposition } from '../contentDisposition.ts';
import { readableCase } from './readableCase.ts';

const Params = Type.Object({ caseId: Type.String({ maxLength: 40 }), documentId: Type.String({ maxLength: 40 }) });

/** Text documents are shown in the page up to this size; larger ones are downloaded. */
const MAX_INLINE_TEXT = 256 * 1024;

/**
 * A case's documents for everyone who may read the case: the document's page, the file (inline
 * where the browser can show it, or downloaded), a page for printing, and the access log. Every
 * view, download and print is logged for the parties to see; the debtor's first reading of a
 * court order is their receipt of it (CPC Art. 141(2)).
 */
export const caseDocumentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const signedIn = { access: 'signed-in' } as const;

  async function documentFor(principal: Parameters<typeof readableCase>[1], caseId: string, documentId: string) {
    const reader = await readableCase(app, principal, caseId);
    if (!isUuid(documentId)) throw new SotError('not_found');
    // The court reads its whole file on its own pages; a party also what the judge opened to them.
    const granted = reader.relations.has('party') || reader.relations.has('representative') ? await grantedDocumentIds(app.db, principal, reader.id) : [];
    const document = await caseDocument(app.db, caseId, documentId, granted);
    if (!document) throw new SotError('not_found');
    return { reader, document };
  }

  async function textOf(sha256: string | null, mediaType: string | null, sizeBytes: number | null): Promise<string | null> {
    if (!sha256 || previewOf(mediaType) !== 'text' || (sizeBytes ?? 0) > MAX_INLINE_TEXT) return null;
    return (await readBlob(app.blobs, sha256)).toString('utf8');
  }

  app.get('/cabinet/cases/:caseId/documents/:documentId', { config: signedIn, schema: { hide: true, params: Params } }, async (request, reply) => {
    const { reader, document } = await documentFor(request.principal!, request.params.caseId, request.params.documentId);
    const view: DocumentView = { caseId: reader.id, caseNumber: reader.number, document, text: await textOf(document.sha256, document.mediaType, document.sizeBytes) };
    // An issued court act is shown as the court issued it: its signed PDF, with the signature checked now.
    const issued = isCourtAct(document.kind) ? await issuedAct(app.db, { documentId: document.id }) : null;
    const act = issued ? await actDataOf(issued, { verifier: app.signatureVerifier, blobs: app.blobs, publicUrl: app.config.publicUrl }, request.lang, false) : null;
    // The page shows a text document itself; an image or a PDF is logged when its file is opened.
    if (view.text !== null) {
      await logAccess(app.db, { caseId: reader.id, target: { documentId: document.id }, userId: request.principal!.userId, capacity: reader.capacity, action: 'view', at: app.clock() });
      await receiptOnRead(app.db, request.principal!, { caseId: reader.id, ...document }, app.clock());
    }
    return reply.page({ title: documentTitle(request.t, document), nav: 'cabinet' }, <DocumentPage view={view} act={act} />);
  });

  app.get(
    '/cabinet/cases/:caseId/documents/:documentId/file',
    { config: signedIn, schema: { hide: true, params: Params, querystring: Type.Object({ download: Type.Optional(Type.String({ maxLength: 1 })) }) } },
    async (request, reply) => {
      const { reader, document } = await documentFor(request.principal!, request.params.caseId, request.params.documentId);
      if (!document.sha256) throw new SotError('not_found');
      // Only what a browser shows safely opens in the tab; anything else is saved.
      const inline = request.query.download !== '1' && previewOf(document.mediaType) !== 'none';
      await logAccess(app.db, { caseId: reader.id, target: { documentId: document.id }, userId: request.principal!.userId, capacity: reader.capacity, action: inline ? 'view' : 'download', at: app.clock() });
      await receiptOnRead(app.db, request.principal!, { caseId: reader.id, ...document }, app.clock());
      return reply
        .type(document.mediaType ?? 'application/octet-stream')
        .header('content-disposition', contentDisposition(document.fileName ?? `${document.title}`, inline ? 'inline' : 'attachment', document.mediaType))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(app.blobs.open(document.sha256));
    },
  );

  app.get('/cabinet/cases/:caseId/documents/:documentId/print', { config: signedIn, schema: { hide: true, params: Params } }, async (request, reply) => {
    const { reader, document } = await documentFor(request.principal!, request.params.caseId, request.params.documentId);
    const view: DocumentView = { caseId: reader.id, caseNumber: reader.number, document, text: await textOf(document.sha256, document.mediaType, document.sizeBytes) };
    const issued = isCourtAct(document.kind) ? await issuedAct(app.db, { documentId: document.id }) : null;
    const act = issued ? await actDataOf(issued, { verifier: app.signatureVerifier, blobs: app.blobs, publicUrl: app.config.publicUrl }, request.lang, true) : null;
    const svg = act ? await qrSvg(act.verifyUrl, request.t('proceedings.pdf.verify', { url: act.verifyUrl })) : null;
    await logAccess(app.db, { caseId: reader.id, target: { documentId: document.id }, userId: request.principal!.userId, capacity: reader.capacity, action: 'print', at: app.clock() });
    await receiptOnRead(app.db, request.principal!, { caseId: reader.id, ...document }, app.clock());
    return reply.page({ title: documentTitle(request.t, document), nav: 'cabinet' }, <PrintDocumentPage view={view} act={act} qrSvg={svg} />);
  });

  app.get('/cabinet/cases/:caseId/access-log', { config: signedIn, schema: { hide: true, params: Type.Object({ caseId: Type.String({ maxLength: 40 }) }) } }, async (request, reply) => {
    const reader = await readableCase(app, request.principal!, request.params.caseId);
    return reply.page(
      { title: request.t('documents.accessLog.title'), nav: 'cabinet' },
      <AccessLogPage caseId={reader.id} caseNumber={reader.number} courtName={localName(reader.court, request.lang)} rows={await accessLogOf(app.db, reader.id)} />,
    );
  });
};
