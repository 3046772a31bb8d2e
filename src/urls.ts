import type { Lang } from './i18n/index.ts';

/**
 * Every page's URL, built in one place. The browser suite walks `pageSamples` in every
 * language, so a page added here is checked for accessibility, console errors and broken links.
 */
export const urls = {
  home: () => '/',
  /** The court finder: words of a name, city or region, and filters (src/domain/courtFinder.ts). */
  courts: (filter?: { q?: string; level?: number | string; region?: string; hears?: string }) => withQuery('/courts', filter),
  court: (code: string) => `/courts/${encodeURIComponent(code)}`,
  /** The public judgment bank: search, a judgment, its printable form and PDF. */
  judgments: (query?: Record<string, string | undefined>) => withQuery('/judgments', query),
  /** The public hearing lists of every court, and a court's day list to print. */
  hearingLists: (query?: Record<string, string | undefined>) => withQuery('/hearings', query),
  hearingListPrint: (query?: Record<string, string | undefined>) => withQuery('/hearings/print', query),
  judgment: (id: string) => `/judgments/${encodeURIComponent(id)}`,
  judgmentPrint: (id: string) => `/judgments/${encodeURIComponent(id)}/print`,
  judgmentPdf: (id: string) => `/judgments/${encodeURIComponent(id)}/pdf`,
  /** Court statistics, nationally or of one court, and their open data (`court=` picks a court). */
  statistics: (query?: Record<string, string | undefined>) => withQuery('/statistics', query),
  courtStatistics: (code: string, query?: Record<string, string | undefined>) => withQuery(`/statistics/${encodeURIComponent(code)}`, query),
  statisticsCsv: (query?: Record<string, string | undefined>) => withQuery('/statistics.csv', query),
  statisticsJson: (query?: Record<string, string | undefined>) => withQuery('/statistics.json', query),
  /** The court's queue of judgments to review and correction requests, and one judgment's review. */
  courtJudgments: () => '/court/judgments',
  courtJudgment: (id: string) => `/court/judgments/${encodeURIComponent(id)}`,
  /** A party asks for a correction of a published judgment of their case. */
  judgmentCorrection: (caseId: string, judgmentId: string) => `/cabinet/cases/${encodeURIComponent(caseId)}/judgments/${encodeURIComponent(judgmentId)}/correction`,
  caseStatus: (number?: string) => withQuery('/case-status', number ? { number } : undefined),
  login: (returnTo?: string) => withQuery('/login', returnTo ? { return: returnTo } : undefined),
  /** The sign-in page says the person came by a notice's link, and to what kind of page. */
  loginFromNotice: (returnTo: string) => withQuery('/login', { return: returnTo, reason: 'notice' }),
  logout: () => '/logout',
  /** Signed in: where the person works (see policies/home.ts). */
  workplace: () => '/home',
  cabinet: () => '/cabinet',
  cabinetCase: (caseId: string) => `/cabinet/cases/${encodeURIComponent(caseId)}`,
  /** A participant's search of their own cases; the court staff's search of their court's cases (a form posted, so an IIN stays out of addresses). */
  cabinetCaseSearch: (query?: Record<string, string | undefined>) => withQuery('/cabinet/cases/search', query),
  courtCaseSearch: () => '/court/cases/search',
  profile: () => '/profile',
  /** A person's hearings; a period as the GOV.UK date boxes send it, or the next 60 days. */
  hearingCalendar: (period?: { from: string; to: string }) => withQuery('/cabinet/hearings', period ? { ...dateBoxes('from', period.from), ...dateBoxes('to', period.to) } : undefined),
  calendarFeedCreate: () => '/cabinet/hearings/feed',
  calendarFeedOff: () => '/cabinet/hearings/feed/off',
  /** The private iCalendar feed; the token is the only key to it. */
  calendarFeed: (token: string) => `/calendar/${encodeURIComponent(token)}.ics`,
  roleAdmin: (done?: 'saved' | 'proposed' | 'confirmed' | 'cancelled') => withQuery('/admin/roles', done ? { done } : undefined),
  person: (userId: string) => `/admin/people/${encodeURIComponent(userId)}`,
  confirmGrant: (proposalId: string) => `/admin/roles/proposals/${encodeURIComponent(proposalId)}/confirm`,
  cancelGrant: (proposalId: string) => `/admin/roles/proposals/${encodeURIComponent(proposalId)}/cancel`,
  auditLogAdmin: () => '/admin/audit',
  referenceAdmin: (year?: number) => withQuery('/admin/reference', year ? { year } : undefined),
  webhooksAdmin: () => '/admin/webhooks',
  webhookAdmin: (id: string, done?: 'saved' | 'resent') => withQuery(`/admin/webhooks/${encodeURIComponent(id)}`, done ? { done } : undefined),
  webhookRotate: (id: string) => `/admin/webhooks/${encodeURIComponent(id)}/rotate`,
  webhookResend: (id: string, deliveryId: string) => `/admin/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/resend`,
  terms: (query?: { term?: string; day?: string; month?: string; year?: string }) => withQuery('/terms', query),
  profileVerify: (channel: 'sms' | 'email') => `/profile/verify/${channel}`,
  devOutbox: () => '/dev/outbox',
  notifications: (done?: 'read') => withQuery('/cabinet/notifications', done ? { done } : undefined),
  notificationsRead: () => '/cabinet/notifications/read',
  /** Case alerts: the cases a person follows, following one by its number, a case's choice of channels. */
  followedCases: (done?: 'followed' | 'saved' | 'stopped') => withQuery('/cabinet/follows', done ? { done } : undefined),
  followCase: (number: string) => withQuery('/cabinet/follows/new', { number }),
  followCaseSubmit: () => '/cabinet/follows',
  caseAlertChoice: (caseId: string) => `/cabinet/follows/${encodeURIComponent(caseId)}`,
  /** A case's own section of the followed-cases page, where its alerts are chosen. */
  followedCaseAnchor: (caseId: string) => `follow-${caseId}`,
  followedCase: (caseId: string) => `/cabinet/follows#${urls.followedCaseAnchor(caseId)}`,
  devPkcs12: (handle: string, key: 'auth' | 'sign') => `/dev/pki/${encodeURIComponent(handle)}.${key}.p12`,
  language: (lang: Lang, returnTo: string) => withQuery(`/language/${lang}`, { return: returnTo }),
  newFiling: (preset?: { type: string; case: string }) => withQuery('/cabinet/filings/new', preset),
  filings: () => '/cabinet/filings',
  filing: (id: string) => `/cabinet/filings/${encodeURIComponent(id)}`,
  filingStep: (id: string, step: string) => `/cabinet/filings/${encodeURIComponent(id)}/${step}`,
  filingPartyRemove: (id: string, index: number) => `/cabinet/filings/${encodeURIComponent(id)}/parties/${index}/remove`,
  filingAttachmentRemove: (id: string, attachmentId: string) => `/cabinet/filings/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}/remove`,
  filingDelete: (id: string) => `/cabinet/filings/${encodeURIComponent(id)}/delete`,
  filingPay: (id: string) => `/cabinet/filings/${encodeURIComponent(id)}/pay`,
  filingPaymentResult: (id: string) => `/cabinet/filings/${encodeURIComponent(id)}/payment`,
  talon: (id: string) => `/cabinet/filings/${encodeURIComponent(id)}/talon`,
  filingApi: (id: string) => `/api/v1/filings/${encodeURIComponent(id)}`,
  filingManifest: (id: string) => `/api/v1/filings/${encodeURIComponent(id)}/manifest`,
  filingSubmit: (id: string) => `/api/v1/filings/${encodeURIComponent(id)}/submit`,
  talonPdf: (id: string) => `/api/v1/filings/${encodeURIComponent(id)}/talon.pdf`,
  verifyTalon: (code: string) => `/verify/${encodeURIComponent(code)}`,
  judgeCases: (decided?: string) => withQuery('/judge/cases', decided ? { decided } : undefined),
  /** The judge's cases in progress, sorted and filtered; lands on the list itself. */
  judgeCaseload: (view: { sort: string; order: string; show: string }) => `${withQuery('/judge/cases', view)}#caseload`,
  judgeCase: (caseId: string, done?: string) => withQuery(`/judge/cases/${encodeURIComponent(caseId)}`, done ? { done } : undefined),
  scheduleHearing: (caseId: string) => `/judge/cases/${encodeURIComponent(caseId)}/hearings`,
  postponeHearing: (hearingId: string) => `/judge/hearings/${encodeURIComponent(hearingId)}/postpone`,
  openHearing: (hearingId: string) => `/judge/hearings/${encodeURIComponent(hearingId)}/open`,
  closeHearing: (hearingId: string) => `/judge/hearings/${encodeURIComponent(hearingId)}/close`,
  hearingRecord: (hearingId: string) => `/judge/hearings/${encodeURIComponent(hearingId)}/record`,
  draftAct: (caseId: string) => `/judge/cases/${encodeURIComponent(caseId)}/acts`,
  acceptAuthority: (caseId: string, partyId: string) => `/judge/cases/${encodeURIComponent(caseId)}/representatives/${encodeURIComponent(partyId)}/accept`,
  draftActUpload: (caseId: string) => `/judge/cases/${encodeURIComponent(caseId)}/acts/upload`,
  actDiscard: (documentId: string) => `/judge/acts/${encodeURIComponent(documentId)}/discard`,
  actText: (documentId: string) => `/judge/acts/${encodeURIComponent(documentId)}/text`,
  actManifest: (documentId: string) => `/api/v1/acts/${encodeURIComponent(documentId)}/manifest`,
  actIssue: (documentId: string) => `/api/v1/acts/${encodeURIComponent(documentId)}/issue`,
  caseDocument: (caseId: string, documentId: string) => `/cabinet/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}`,
  caseDocumentFile: (caseId: string, documentId: string, download = false) => withQuery(`/cabinet/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}/file`, download ? { download: 1 } : undefined),
  caseDocumentPrint: (caseId: string, documentId: string) => `/cabinet/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}/print`,
  caseAccessLog: (caseId: string) => `/cabinet/cases/${encodeURIComponent(caseId)}/access-log`,
  actPdf: (caseId: string, documentId: string, download = false) => withQuery(`/cabinet/cases/${encodeURIComponent(caseId)}/acts/${encodeURIComponent(documentId)}/pdf`, download ? { download: 1 } : undefined),
  judgeDecision: (caseId: string, decision: 'accept' | 'return' | 'refuse' | 'leave-without-motion') => `/judge/cases/${encodeURIComponent(caseId)}/${decision}`,
  registry: (registered?: string) => withQuery('/court/registry', registered ? { registered } : undefined),
  registerCase: (caseId: string) => `/court/cases/${encodeURIComponent(caseId)}/register`,
  incoming: (filter?: { type?: string | undefined; from?: string | undefined; to?: string | undefined; q?: string | undefined; page?: number | undefined; done?: 'received' | 'attached' }) =>
    withQuery('/court/registry', filter ? { ...filter, page: filter.page && filter.page > 1 ? filter.page : undefined } : undefined),
  officeFiling: (filingId: string, done?: 'entered' | 'forwarded') => withQuery(`/court/filings/${encodeURIComponent(filingId)}`, done ? { done } : undefined),
  officeFilingFile: (filingId: string, fileId: string) => `/court/filings/${encodeURIComponent(filingId)}/files/${encodeURIComponent(fileId)}`,
  officeTalonPdf: (filingId: string) => `/court/filings/${encodeURIComponent(filingId)}/talon.pdf`,
  receiveFiling: (filingId: string) => `/court/filings/${encodeURIComponent(filingId)}/receive`,
  attachFiling: (filingId: string) => `/court/filings/${encodeURIComponent(filingId)}/attach`,
  forwardAppeal: (filingId: string) => `/court/filings/${encodeURIComponent(filingId)}/forward-appeal`,
  counterFiling: () => '/court/counter/new',
  counterFilingSubmit: () => '/court/counter',
  distribution: (caseId: string) => `/cabinet/cases/${encodeURIComponent(caseId)}/distribution`,
  bench: (court?: string, done?: 'categories' | 'absence-added' | 'absence-removed') => withQuery('/court/judges', { court, done }),
  benchCategories: (judgeId: string) => `/court/judges/${encodeURIComponent(judgeId)}/categories`,
  benchAbsences: (judgeId: string) => `/court/judges/${encodeURIComponent(judgeId)}/absences`,
  absenceRemove: (absenceId: string) => `/court/absences/${encodeURIComponent(absenceId)}/remove`,
  assignment: (caseId: string, done?: 'reassigned' | 'proposed' | 'withdrawn') => withQuery(`/court/cases/${encodeURIComponent(caseId)}/assignment`, done ? { done } : undefined),
  courtOrderDelivery: (caseId: string, done?: 'recorded' | 'earlier') => withQuery(`/court/cases/${encodeURIComponent(caseId)}/court-order-delivery`, done ? { done } : undefined),
  reassign: (caseId: string) => `/court/cases/${encodeURIComponent(caseId)}/reassign`,
  withdrawSelfAssignment: (caseId: string) => `/court/cases/${encodeURIComponent(caseId)}/self-assignment/withdraw`,
  confirmSelfAssignment: (proposalId: string) => `/judge/self-assignments/${encodeURIComponent(proposalId)}/confirm`,
  recuse: (caseId: string) => `/judge/cases/${encodeURIComponent(caseId)}/recuse`,
  paymentQueue: (done?: 'verified' | 'rejected') => withQuery('/court/payments', done ? { done } : undefined),
  paymentScan: (paymentId: string) => `/court/payments/${encodeURIComponent(paymentId)}/document`,
  paymentVerify: (paymentId: string) => `/court/payments/${encodeURIComponent(paymentId)}/verify`,
  paymentReject: (paymentId: string) => `/court/payments/${encodeURIComponent(paymentId)}/reject`,
  apiDocs: () => '/api/docs',
  publicCaseApi: (number: string) => `/api/v1/public/cases/${encodeURIComponent(number)}`,
  courtCaseFile: (caseId: string, done?: 'granted' | 'refused' | 'added' | 'shared') => withQuery(`/court/cases/${encodeURIComponent(caseId)}/file`, done ? { done } : undefined),
  courtFileDocument: (caseId: string, documentId: string) => `/court/cases/${encodeURIComponent(caseId)}/file/documents/${encodeURIComponent(documentId)}`,
  courtFileDocumentFile: (caseId: string, documentId: string, download = false) => withQuery(`/court/cases/${encodeURIComponent(caseId)}/file/documents/${encodeURIComponent(documentId)}/file`, download ? { download: 1 } : undefined),
  answerFamiliarisation: (caseId: string, requestId: string) => `/court/cases/${encodeURIComponent(caseId)}/file/requests/${encodeURIComponent(requestId)}`,
  addCourtMaterial: (caseId: string) => `/court/cases/${encodeURIComponent(caseId)}/file/materials`,
  shareCourtMaterial: (caseId: string, documentId: string) => `/court/cases/${encodeURIComponent(caseId)}/file/materials/${encodeURIComponent(documentId)}/share`,
  requestFamiliarisation: (caseId: string) => `/cabinet/cases/${encodeURIComponent(caseId)}/familiarisation`,
  decisionCopies: (caseId: string, done?: 'recorded') => withQuery(`/court/cases/${encodeURIComponent(caseId)}/copies`, done ? { done } : undefined),
  recordCopySent: (caseId: string, partyId: string) => `/court/cases/${encodeURIComponent(caseId)}/copies/${encodeURIComponent(partyId)}`,
  courtRecordings: (hearingId: string, done?: 'added') => withQuery(`/court/hearings/${encodeURIComponent(hearingId)}/recordings`, done ? { done } : undefined),
  recordingUploads: (hearingId: string) => `/api/v1/hearings/${encodeURIComponent(hearingId)}/recording-uploads`,
  recordingUpload: (uploadId: string) => `/api/v1/recording-uploads/${encodeURIComponent(uploadId)}`,
  hearingRecordings: (caseId: string, hearingId: string) => `/cabinet/cases/${encodeURIComponent(caseId)}/hearings/${encodeURIComponent(hearingId)}/recordings`,
  recordingMedia: (caseId: string, recordingId: string) => `/cabinet/cases/${encodeURIComponent(caseId)}/recordings/${encodeURIComponent(recordingId)}/media`,
} as const;

/** An ISO day as the three boxes of a GOV.UK date input named `<name>Day`, `<name>Month`, `<name>Year`. */
function dateBoxes(name: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-');
  return { [`${name}Day`]: String(Number(day)), [`${name}Month`]: String(Number(month)), [`${name}Year`]: year ?? '' };
}

function withQuery(path: string, query?: Record<string, string | number | undefined>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Pages the browser suite visits, with sample arguments taken from the demo data (`src/seed`).
 * `as` names the demo person (see `src/seed/people.ts`) whose session the page is seen with.
 */
export interface PageSample {
  name: string;
  url: string;
  status?: number;
  as?: 'citizen' | 'sysadmin' | 'clerk-7517' | 'judge-7517-1';
}

export interface DemoSamples {
  caseNumber: string;
  citizenCaseId: string;
  medeuCaseId?: string;
  paperFilingId?: string | undefined;
  /** A case of the demo citizen in its appeal window: terms, a signed decision, the appeal button. */
  appealableCaseId?: string | undefined;
  /** A case of judge-7517-1 with a hearing scheduled: the judge's case page with its forms. */
  judgeCaseId?: string | undefined;
  /** The check code of a demo court act. */
  actCode?: string | undefined;
  /** A document of the appealable case (its signed decision). */
  appealableDocumentId?: string | undefined;
  /** The held hearing with the demo recording, in a case of the demo citizen's. */
  recordingHearing?: { caseId: string; hearingId: string } | undefined;
}

export function pageSamples(demo: DemoSamples): PageSample[] {
  return [
    { name: 'home', url: urls.home() },
    { name: 'courts', url: urls.courts() },
    { name: 'courts-filtered', url: urls.courts({ q: 'Алматы', level: 1 }) },
    { name: 'courts-misspelt', url: urls.courts({ q: 'Алмвты', hears: 'economic' }) },
    { name: 'courts-did-you-mean', url: urls.courts({ q: 'Медеу Шымкент' }) },
    { name: 'courts-invalid-filter', url: urls.courts({ level: '9' }), status: 400 },
    { name: 'court-district', url: urls.court('7517') },
    { name: 'court-supreme', url: urls.court('9001') },
    { name: 'case-status-form', url: urls.caseStatus() },
    { name: 'case-status-found', url: urls.caseStatus(demo.caseNumber) },
    { name: 'case-status-invalid', url: urls.caseStatus('not-a-number'), status: 400 },
    { name: 'case-status-unknown', url: urls.caseStatus('7517-99-00-2/999999'), status: 404 },
    { name: 'login', url: urls.login() },
    { name: 'login-from-notice', url: urls.loginFromNotice('/cabinet/cases/00000000-0000-4000-8000-000000000000/documents/00000000-0000-4000-8000-000000000001') },
    { name: 'not-found', url: '/no-such-page', status: 404 },
    { name: 'outbox', url: urls.devOutbox() },
    { name: 'cabinet', url: urls.cabinet(), as: 'citizen' },
    { name: 'cabinet-case', url: urls.cabinetCase(demo.citizenCaseId), as: 'citizen' },
    ...(demo.appealableCaseId ? [{ name: 'cabinet-case-decided', url: urls.cabinetCase(demo.appealableCaseId), as: 'citizen' as const }] : []),
    ...(demo.actCode ? [{ name: 'act-check', url: urls.verifyTalon(demo.actCode) }] : []),
    ...(demo.appealableCaseId && demo.appealableDocumentId
      ? [
          { name: 'case-document', url: urls.caseDocument(demo.appealableCaseId, demo.appealableDocumentId), as: 'citizen' as const },
          { name: 'case-document-print', url: urls.caseDocumentPrint(demo.appealableCaseId, demo.appealableDocumentId), as: 'citizen' as const },
          { name: 'case-access-log', url: urls.caseAccessLog(demo.appealableCaseId), as: 'citizen' as const },
        ]
      : []),
    { name: 'notice-link-unknown', url: '/n/bm90LWEtbGluaw.AAAAAAAAAAAAAAAAAAAAAA', status: 404 },
    { name: 'profile', url: urls.profile(), as: 'citizen' },
    { name: 'notifications', url: urls.notifications(), as: 'citizen' },
    { name: 'followed-cases', url: urls.followedCases(), as: 'citizen' },
    { name: 'follow-case', url: urls.followCase(demo.caseNumber), as: 'citizen' },
    { name: 'follow-case-invalid', url: urls.followCase('not-a-number'), as: 'citizen', status: 400 },
    { name: 'hearing-calendar', url: urls.hearingCalendar(), as: 'citizen' },
    { name: 'cabinet-case-search', url: urls.cabinetCaseSearch(), as: 'citizen' },
    { name: 'cabinet-case-search-results', url: urls.cabinetCaseSearch({ from: '2000-01-01' }), as: 'citizen' },
    { name: 'cabinet-case-search-invalid', url: urls.cabinetCaseSearch({ from: '2026-02-31' }), as: 'citizen', status: 400 },
    { name: 'hearing-calendar-invalid', url: `${urls.hearingCalendar()}?fromDay=31&fromMonth=2&fromYear=2026`, as: 'citizen', status: 400 },
    { name: 'profile-verify', url: urls.profileVerify('email'), as: 'citizen' },
    { name: 'filing-start', url: urls.newFiling(), as: 'citizen' },
    { name: 'court-registry', url: urls.registry(), as: 'clerk-7517' },
    { name: 'court-payments', url: urls.paymentQueue(), as: 'clerk-7517' },
    { name: 'court-registry-filtered', url: urls.incoming({ type: 'petition', q: '7517' }), as: 'clerk-7517' },
    { name: 'court-counter', url: urls.counterFiling(), as: 'clerk-7517' },
    { name: 'court-case-search', url: urls.courtCaseSearch(), as: 'clerk-7517' },
    ...(demo.paperFilingId ? [{ name: 'court-filing', url: urls.officeFiling(demo.paperFilingId), as: 'clerk-7517' as const }] : []),
    ...(demo.recordingHearing
      ? [
          { name: 'hearing-recordings', url: urls.hearingRecordings(demo.recordingHearing.caseId, demo.recordingHearing.hearingId), as: 'citizen' as const },
          { name: 'court-hearing-recordings', url: urls.courtRecordings(demo.recordingHearing.hearingId), as: 'clerk-7517' as const },
        ]
      : []),
    { name: 'judge-cases', url: urls.judgeCases(), as: 'judge-7517-1' },
    ...(demo.judgeCaseId ? [{ name: 'judge-case', url: urls.judgeCase(demo.judgeCaseId), as: 'judge-7517-1' as const }] : []),
    ...(demo.judgeCaseId ? [{ name: 'court-case-file', url: urls.courtCaseFile(demo.judgeCaseId), as: 'judge-7517-1' as const }] : []),
    // judge-7517-1 also chairs the Medeu court.
    { name: 'court-bench', url: urls.bench(), as: 'judge-7517-1' },
    ...(demo.medeuCaseId ? [{ name: 'case-assignment', url: urls.assignment(demo.medeuCaseId), as: 'judge-7517-1' as const }] : []),
    { name: 'talon-check-unknown', url: urls.verifyTalon('0000000000AA'), status: 404 },
    { name: 'acquirer-bad-link', url: '/sandbox/acquirer/pay', status: 400 },
    { name: 'role-admin', url: urls.roleAdmin(), as: 'sysadmin' },
    { name: 'reference-admin', url: urls.referenceAdmin(), as: 'sysadmin' },
    { name: 'audit-log-admin', url: urls.auditLogAdmin(), as: 'sysadmin' },
    { name: 'webhooks-admin', url: urls.webhooksAdmin(), as: 'sysadmin' },
    { name: 'reference-admin-year', url: urls.referenceAdmin(2027), as: 'sysadmin' },
    { name: 'judgments', url: urls.judgments() },
    { name: 'judgments-search', url: urls.judgments({ q: 'иск' }) },
    { name: 'judgments-invalid', url: urls.judgments({ from: '2026-02-31' }), status: 400 },
    { name: 'hearing-lists', url: urls.hearingLists() },
    { name: 'hearing-lists-almaty', url: urls.hearingLists({ region: 'almaty', court: '9514' }) },
    { name: 'hearing-lists-invalid', url: urls.hearingLists({ from: '2026-02-31' }), status: 400 },
    { name: 'hearing-list-print', url: urls.hearingListPrint({ court: '9514' }) },
    { name: 'court-judgments', url: urls.courtJudgments(), as: 'clerk-7517' },
    { name: 'statistics', url: urls.statistics() },
    { name: 'court-statistics', url: urls.courtStatistics('7517') },
    { name: 'statistics-invalid', url: urls.statistics({ from: '2026-13' }), status: 400 },
    { name: 'terms', url: urls.terms() },
    { name: 'terms-quote', url: urls.terms({ term: 'appeal', day: '8', month: '2', year: '2026' }) },
    { name: 'terms-invalid', url: urls.terms({ term: 'appeal', day: '31', month: '2', year: '2026' }), status: 400 },
  ];
}
