import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { Value } from 'typebox/value';
import { deliveryReportSignatureValid, SIGNATURE_HEADER } from '../../adapters/sms/gateway.ts';
import { recordSmsDeliveryReport } from '../../commands/deliveryReports.ts';
import { SotError } from '../../errors.ts';

const Report = Type.Object({
  messageId: Type.String({ minLength: 1, maxLength: 200 }),
  status: Type.Union([Type.Literal('delivered'), Type.Literal('failed')]),
  error: Type.Optional(Type.String({ maxLength: 500 })),
});

/**
 * The SMS gateway's delivery reports. The body is read raw because the signature is an HMAC of
 * its exact bytes under the shared gateway key (see `adapters/sms/gateway.ts`).
 */
export const smsReportsApi: FastifyPluginAsyncTypebox = async (app) => {
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 16 * 1024 }, (_request, body, done) => done(null, body));
  app.post(
    '/sms/delivery-reports',
    {
      config: { access: 'public' },
      schema: {
        tags: ['ops'],
        summary: 'Delivery report from the SMS gateway (HMAC-SHA256 of the body in X-Sot-Signature)',
        response: { 200: Type.Object({ status: Type.String() }) },
      },
    },
    async (request) => {
      const raw = request.body as Buffer;
      const signature = request.headers[SIGNATURE_HEADER];
      if (!Buffer.isBuffer(raw) || !deliveryReportSignatureValid(app.config.notifications.smsGatewayKey, raw, typeof signature === 'string' ? signature : undefined)) throw new SotError('sms_report_unauthorized');
      let report: unknown;
      try {
        report = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new SotError('invalid_request');
      }
      if (!Value.Check(Report, report)) throw new SotError('invalid_request');
      const status = await recordSmsDeliveryReport(app.db, report, app.clock());
      if (!status) throw new SotError('not_found');
      return { status };
    },
  );
};
