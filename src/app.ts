import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { baseApp, type AppDependencies } from './appBase.ts';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { PUBLIC_DIR, VENDOR_ASSETS_DIR } from './assets.ts';
import { MAX_UPLOAD_BYTES } from './domain/uploads.ts';
import { accessPlugin, publicScope } from './plugins/access.ts';
import { errorsPlugin, frameworkErrors } from './plugins/errors.tsx';
import { i18nPlugin } from './plugins/i18n.ts';
import { inputPlugin } from './plugins/input.ts';
import { metricsPlugin } from './plugins/metrics.ts';
import { rateLimitPlugin } from './plugins/rateLimit.ts';
import { sessionPlugin } from './plugins/session.ts';
import { securityHeadersPlugin } from './plugins/securityHeaders.ts';
import { csrfPlugin } from './plugins/csrf.ts';
import { viewsPlugin } from './plugins/views.tsx';
import { publicCaseApi } from './routes/api/publicCases.ts';
import { filingsApi } from './routes/api/filings.ts';
import { dutyApi } from './routes/api/duty.ts';
import { termRoutes } from './routes/public/terms.tsx';
import { referenceAdminRoutes } from './routes/admin/reference.tsx';
import { auditLogAdminRoutes } from './routes/admin/auditLog.tsx';
import { webhookAdminRoutes } from './routes/admin/webhooks.tsx';
import { paymentsApi } from './routes/api/payments.ts';
import { paymentPages } from './routes/cabinet/payments.tsx';
import { paymentQueuePages } from './routes/court/paymentQueue.tsx';
import { registryRoutes } from './routes/court/registry.tsx';
import { courtCaseSearchRoutes } from './routes/court/caseSearch.tsx';
import { cabinetCaseSearchRoutes } from './routes/cabinet/caseSearch.tsx';
import { officeRoutes } from './routes/court/office.tsx';
import { judgeCaseRoutes } from './routes/court/judgeCase.tsx';
import { courtCaseFileRoutes } from './routes/court/courtCaseFile.tsx';
import { familiarisationRoutes } from './routes/cabinet/familiarisation.tsx';
import { courtOrderRoutes } from './routes/court/courtOrders.tsx';
import { decisionCopyRoutes } from './routes/court/decisionCopies.tsx';
import { courtActRoutes } from './routes/cabinet/courtActs.tsx';
import { caseDocumentRoutes } from './routes/cabinet/caseDocuments.tsx';
import { noticeLinkRoutes } from './routes/public/noticeLinks.ts';
import { hearingCalendarRoutes } from './routes/cabinet/hearingCalendar.tsx';
import { caseFollowRoutes } from './routes/cabinet/caseFollows.tsx';
import { calendarFeedRoutes } from './routes/public/calendarFeed.ts';
import { judgeRoutes } from './routes/court/judge.tsx';
import { benchRoutes } from './routes/court/bench.tsx';
import { selfAssignmentRoutes } from './routes/court/selfAssignment.tsx';
import { courtRecordingRoutes } from './routes/court/recordings.tsx';
import { recordingViewerRoutes } from './routes/cabinet/recordings.tsx';
import { filingFormRoutes } from './routes/cabinet/filingForm.tsx';
import { talonRoutes } from './routes/cabinet/talon.tsx';
import { authApi } from './routes/api/auth.ts';
import { healthRoutes } from './routes/ops/health.ts';
import { caseStatusRoutes } from './routes/public/caseStatus.tsx';
import { judgmentRoutes } from './routes/public/judgments.tsx';
import { courtJudgmentRoutes } from './routes/court/judgments.tsx';
import { judgmentCorrectionRoutes } from './routes/cabinet/judgmentCorrections.tsx';
import { publicJudgmentsApi } from './routes/api/publicJudgments.ts';
import { publicStatisticsApi } from './routes/api/publicStatistics.ts';
import { statisticsRoutes } from './routes/public/statistics.tsx';
import { publicCourtsApi } from './routes/api/publicCourts.ts';
import { courtRoutes } from './routes/public/courts.tsx';
import { hearingListRoutes } from './routes/public/hearingLists.tsx';
import { publicHearingsApi } from './routes/api/publicHearings.ts';
import { languageRoutes } from './routes/public/language.ts';
import { staticPages } from './routes/public/pages.tsx';
import { cabinetRoutes } from './routes/cabinet/cabinet.tsx';
import { profileRoutes } from './routes/cabinet/profile.tsx';
import { devRoutes } from './routes/dev/dev.tsx';
import { roleAdminRoutes } from './routes/admin/roles.tsx';
import { personAdminRoutes } from './routes/admin/people.tsx';
import { noticeDeliveryPlugin, notificationsPlugin } from './plugins/notifications.ts';
import { referenceWarningsPlugin } from './plugins/referenceWarnings.ts';
import { notificationRoutes } from './routes/cabinet/notifications.tsx';
import { smsReportsApi } from './routes/api/smsReports.ts';

/** Builds the whole web app. Tests call this and use `inject`; `server.ts` only listens. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config } = deps;
  const app = baseApp(deps, { frameworkErrors });

  await app.register(accessPlugin);
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // Files stream through to the blob store; nothing is buffered whole in memory.
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 10, fields: 20, parts: 40, fieldSize: 64 * 1024 } });
  // Ids and text are checked before any schema, handler or query sees them.
  await app.register(inputPlugin);
  await app.register(csrfPlugin);
  await app.register(sessionPlugin);
  await app.register(rateLimitPlugin);
  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // The card form posts to us and is redirected to the acquirer's page, which form-action also governs.
        formAction: ["'self'", ...(config.acquirer.standIn ? [] : [new URL(config.acquirer.url).origin])],
        frameAncestors: ["'none'"],
        ...(config.isProduction ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    // Case numbers and names in our addresses stay on this site, but our own form posts still
    // carry an Origin header, which the access plugin checks (under no-referrer it reads "null").
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(compress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(i18nPlugin);
  await app.register(viewsPlugin);
  await app.register(errorsPlugin);
  await app.register(metricsPlugin, { token: config.metricsToken, isProduction: config.isProduction });
  await app.register(noticeDeliveryPlugin, { email: deps.email, sms: deps.sms });
  await app.register(notificationsPlugin);
  await app.register(referenceWarningsPlugin);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sot API',
        version: '1',
        description: 'JSON API of Sot, the e-court portal. Errors are `{ "error": { "code", "message" } }` with the message in the caller\'s language.',
      },
      tags: [
        { name: 'public', description: 'Open to anyone, no personal data' },
        { name: 'auth', description: 'Sign-in by EDS challenge and response' },
        { name: 'filings', description: 'Filing claims, complaints and petitions through the Court Cabinet' },
        { name: 'duty', description: 'The state duty a filing owes' },
        { name: 'payments', description: 'Paying the state duty' },
        { name: 'recordings', description: 'Hearing recordings: resumable uploads by the court' },
        { name: 'ops', description: 'For operators and load balancers' },
      ],
    },
    // Pages are for people; only the JSON API and health belong in the API description.
    transform: ({ schema, url }) => ({ schema: { ...schema, hide: schema?.hide || !(url.startsWith('/api/') || url === '/health') }, url }),
  });

  await app.register(async (scope) => {
    await scope.register(publicScope);
    await scope.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { deepLinking: false } });
    // Built scripts and the stylesheet carry their content hash in their names: a changed file
    // is a new address, so browsers may keep each one for a year without asking again.
    await scope.register(fastifyStatic, { root: path.join(PUBLIC_DIR, 'build'), prefix: '/public/build/', maxAge: '365d', immutable: true, index: false, allowedPath: (pathName) => !pathName.endsWith('.map') });
    await scope.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/public/', decorateReply: false, maxAge: '1d', index: false, allowedPath: (pathName) => !pathName.startsWith('/build/') });
    await scope.register(fastifyStatic, {
      root: VENDOR_ASSETS_DIR,
      prefix: '/assets/',
      decorateReply: false,
      maxAge: '1d',
      index: false,
      allowedPath: (pathName) => /^\/images\/[\w-]+\.(svg|png)$/.test(pathName),
    });
  });

  await app.register(healthRoutes);
  await app.register(staticPages);
  await app.register(courtRoutes);
  await app.register(hearingListRoutes);
  await app.register(caseStatusRoutes);
  await app.register(judgmentRoutes);
  await app.register(statisticsRoutes);
  await app.register(courtJudgmentRoutes);
  await app.register(judgmentCorrectionRoutes);
  await app.register(termRoutes);
  await app.register(languageRoutes);
  await app.register(cabinetRoutes);
  await app.register(profileRoutes);
  await app.register(roleAdminRoutes);
  await app.register(personAdminRoutes);
  await app.register(referenceAdminRoutes);
  await app.register(auditLogAdminRoutes);
  await app.register(webhookAdminRoutes);
  await app.register(talonRoutes);
  await app.register(filingFormRoutes);
  await app.register(paymentPages);
  await app.register(paymentQueuePages);
  await app.register(registryRoutes);
  await app.register(courtCaseSearchRoutes);
  await app.register(cabinetCaseSearchRoutes);
  await app.register(officeRoutes);
  await app.register(judgeRoutes);
  await app.register(judgeCaseRoutes);
  await app.register(courtCaseFileRoutes);
  await app.register(familiarisationRoutes);
  await app.register(courtOrderRoutes);
  await app.register(decisionCopyRoutes);
  await app.register(courtActRoutes);
  await app.register(caseDocumentRoutes);
  await app.register(noticeLinkRoutes);
  await app.register(hearingCalendarRoutes);
  await app.register(caseFollowRoutes);
  await app.register(calendarFeedRoutes);
  await app.register(benchRoutes);
  await app.register(selfAssignmentRoutes);
  await app.register(notificationRoutes);
  await app.register(courtRecordingRoutes);
  await app.register(recordingViewerRoutes);
  // Demo mode only (asked for, local, embedded database): outside it these addresses do not exist.
  if (config.demo) await app.register(devRoutes);
  // The stand-in card acquirer: the whole payment flow runs locally, in demo mode only.
  // Stand-ins are imported only when asked for, so a production process never loads their code.
  if (config.demo && config.acquirer.standIn) await app.register((await import('./adapters/payments/standInAcquirer.tsx')).standInAcquirer, { prefix: '/sandbox/acquirer', merchantId: config.acquirer.merchantId, secret: config.acquirer.secret });
  await app.register(publicCaseApi, { prefix: '/api/v1' });
  await app.register(publicJudgmentsApi, { prefix: '/api/v1' });
  await app.register(publicHearingsApi, { prefix: '/api/v1' });
  await app.register(publicStatisticsApi, { prefix: '/api/v1' });
  await app.register(publicCourtsApi, { prefix: '/api/v1' });
  await app.register(filingsApi, { prefix: '/api/v1' });
  await app.register(dutyApi, { prefix: '/api/v1' });
  await app.register(paymentsApi, { prefix: '/api/v1' });
  await app.register(authApi, { prefix: '/api/v1' });
  await app.register(smsReportsApi, { prefix: '/api/v1' });
  // The stand-in SMS gateway: messages land in the outbox (/dev/outbox), in demo mode only.
  if (config.demo && config.notifications.smsStandIn) await app.register((await import('./adapters/sms/standInGateway.ts')).standInSmsGateway, { prefix: '/sandbox/sms', key: config.notifications.smsGatewayKey });

  return app;
}
