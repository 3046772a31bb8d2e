import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ownFiling } from '../../commands/filings.ts';
import { isVerifyCode } from '../../domain/talonNumber.ts';
import { SotError } from '../../errors.ts';
import { talonOf } from '../../queries/talon.ts';
import { qrSvg } from '../../talon/qr.ts';
import { renderTalonPdf } from '../../talon/talonPdf.ts';
import { TalonPage, VerifyTalonPage } from '../../views/pages/filing/TalonPages.tsx';
import { ApiError } from '../api/schemas.ts';
import { actDataOf } from '../../acts/actData.ts';
import { issuedAct } from '../../queries/caseFile.ts';
import { VerifyActPage } from '../../views/pages/VerifyActPage.tsx';

const FilingId = Type.Object({ id: Type.String({ maxLength: 40 }) });

/** The registration talon: the filer's page and PDF, and the public check behind its QR code (a court act's too). */
export const talonRoutes: FastifyPluginAsyncTypebox = async (app) => {
  async function ownTalon(request: Parameters<typeof ownFiling>[1], id: string, lang: Parameters<typeof talonOf>[2]) {
    await ownFiling(app.db, request, id);
    const talon = await talonOf(app.db, { filingId: id }, lang, app.config.publicUrl);
    if (!talon) throw new SotError('filing_not_found');
    return talon;
  }

  app.get('/cabinet/filings/:id/talon', { config: { access: 'signed-in' }, schema: { hide: true, params: FilingId } }, async (request, reply) => {
    const talon = await ownTalon(request.principal!, request.params.id, request.lang);
    const svg = await qrSvg(talon.verifyUrl, request.t('talon.verify.caption', { url: talon.verifyUrl }));
    return reply.page({ title: request.t('talon.pdf.title', { number: talon.talonNumber }), nav: 'cabinet' }, <TalonPage talon={talon} qrSvg={svg} />);
  });

  app.get(
    '/api/v1/filings/:id/talon.pdf',
    {
      config: { access: 'signed-in' },
      schema: { tags: ['filings'], summary: 'The registration talon as PDF, in the caller’s language', params: FilingId, response: { 200: Type.Unknown({ description: 'application/pdf' }), 404: ApiError } },
    },
    async (request, reply) => {
      const talon = await ownTalon(request.principal!, request.params.id, request.lang);
      const pdf = await renderTalonPdf(talon, request.lang);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="talon-${talon.talonNumber}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get('/verify/:code', { config: { access: 'public' }, schema: { hide: true, params: Type.Object({ code: Type.String({ maxLength: 40 }) }) } }, async (request, reply) => {
    const code = request.params.code.toUpperCase();
    const talon = isVerifyCode(code) ? await talonOf(app.db, { verifyCode: code }, request.lang, app.config.publicUrl) : null;
    // Court acts carry codes of the same form, printed under their QR.
    const act = !talon && isVerifyCode(code) ? await issuedAct(app.db, { verifyCode: code }) : null;
    if (act) {
      const data = await actDataOf(act, { verifier: app.signatureVerifier, blobs: app.blobs, publicUrl: app.config.publicUrl }, request.lang, false);
      return reply.page({ title: request.t(data.signature.valid ? 'proceedings.verify.genuine' : 'proceedings.signature.invalid') }, <VerifyActPage act={data} />);
    }
    return reply.page({ title: request.t(talon ? 'verify.genuine' : 'verify.notFound.title'), status: talon ? 200 : 404 }, <VerifyTalonPage talon={talon} />);
  });
};
