import type { MessageKey, Params } from './i18n/index.ts';

/**
 * Every error a person or a program can meet, with its HTTP status and message. Routes throw
 * these by name and never pick status codes themselves.
 */
export const ERRORS = {
  not_found: { status: 404, message: 'error.notFound' },
  case_not_found: { status: 404, message: 'error.caseNotFound' },
  court_not_found: { status: 404, message: 'error.courtNotFound' },
  invalid_request: { status: 400, message: 'error.invalidRequest' },
  invalid_case_number: { status: 400, message: 'error.invalidCaseNumber' },
  unsupported_language: { status: 400, message: 'error.unsupportedLanguage' },
  unauthorized: { status: 401, message: 'error.unauthorized' },
  // Sign-in by EDS: each failure says what was wrong, so the person (or the help line) can act on it.
  nonce_unknown: { status: 401, message: 'error.nonceUnknown' },
  nonce_expired: { status: 401, message: 'error.nonceExpired' },
  nonce_used: { status: 401, message: 'error.nonceUsed' },
  malformed_cms: { status: 401, message: 'error.malformedCms' },
  bad_signature: { status: 401, message: 'error.badSignature' },
  untrusted_certificate: { status: 401, message: 'error.untrustedCertificate' },
  certificate_expired: { status: 401, message: 'error.certificateExpired' },
  certificate_not_yet_valid: { status: 401, message: 'error.certificateNotYetValid' },
  key_usage_not_allowed: { status: 401, message: 'error.keyUsageNotAllowed' },
  certificate_revoked: { status: 401, message: 'error.certificateRevoked' },
  invalid_identity: { status: 401, message: 'error.invalidIdentity' },
  unsupported_algorithm: { status: 401, message: 'error.unsupportedAlgorithm' },
  verifier_unavailable: { status: 503, message: 'error.verifierUnavailable' },
  invalid_csrf_token: { status: 403, message: 'error.invalidCsrfToken' },
  invalid_phone: { status: 400, message: 'error.invalidPhone' },
  invalid_email: { status: 400, message: 'error.invalidEmail' },
  code_wrong: { status: 400, message: 'error.codeWrong' },
  code_expired: { status: 400, message: 'error.codeExpired' },
  role_not_grantable: { status: 400, message: 'error.roleNotGrantable' },
  bar_number_invalid: { status: 400, message: 'error.barNumberInvalid' },
  user_not_found: { status: 404, message: 'error.userNotFound' },
  // Filing through the Court Cabinet.
  duty_amount_required: { status: 400, message: 'error.dutyAmountRequired' },
  duty_amount_invalid: { status: 400, message: 'error.dutyAmountInvalid' },
  duty_category_not_allowed: { status: 400, message: 'error.dutyCategoryNotAllowed' },
  duty_date_out_of_range: { status: 400, message: 'error.dutyDateOutOfRange' },
  duty_not_payable: { status: 409, message: 'payments.error.notPayable' },
  payment_already_reviewed: { status: 409, message: 'payments.error.alreadyReviewed' },
  draft_has_payments: { status: 409, message: 'error.draftHasPayments' },
  attachment_is_payment: { status: 409, message: 'error.attachmentIsPayment' },
  case_not_awaiting_registration: { status: 409, message: 'error.caseNotAwaitingRegistration' },
  no_eligible_judge: { status: 409, message: 'error.noEligibleJudge' },
  case_decision_not_allowed: { status: 409, message: 'error.caseDecisionNotAllowed' },
  decision_reason_required: { status: 400, message: 'error.decisionReasonRequired' },
  // The bench: judges' categories and absences, recusal, reassignment by the chair.
  bench_categories_invalid: { status: 400, message: 'bench.error.categoriesInvalid' },
  absence_dates_invalid: { status: 400, message: 'bench.error.absenceDatesInvalid' },
  absence_ends_before_start: { status: 400, message: 'bench.error.absenceEndsBeforeStart' },
  absence_in_past: { status: 400, message: 'bench.error.absenceInPast' },
  absence_too_long: { status: 400, message: 'bench.error.absenceTooLong' },
  absence_overlaps: { status: 409, message: 'bench.error.absenceOverlaps' },
  absence_reason_invalid: { status: 400, message: 'bench.error.absenceReasonInvalid' },
  assignment_closed: { status: 409, message: 'bench.error.assignmentClosed' },
  assignment_changed: { status: 409, message: 'bench.error.assignmentChanged' },
  assignment_reason_required: { status: 400, message: 'bench.error.assignmentReasonRequired' },
  judge_not_eligible: { status: 400, message: 'bench.error.judgeNotEligible' },
  // The court office: incoming filings, attaching a claim to a case, paper filings at the counter.
  filing_already_received: { status: 409, message: 'office.error.alreadyReceived' },
  filing_already_registered: { status: 409, message: 'office.error.alreadyRegistered' },
  filing_attached_elsewhere: { status: 409, message: 'office.error.attachedElsewhere' },
  filing_not_attachable: { status: 409, message: 'office.error.notAttachable' },
  attach_target_not_found: { status: 404, message: 'office.error.targetNotFound' },
  attach_target_closed: { status: 409, message: 'office.error.targetClosed' },
  received_date_invalid: { status: 400, message: 'office.error.receivedDate' },
  received_date_in_future: { status: 400, message: 'office.error.receivedDateFuture' },
  filer_name_required: { status: 400, message: 'office.error.filerName' },
  party_name_required: { status: 400, message: 'office.error.partyName' },
  defendant_required: { status: 400, message: 'office.error.defendant' },
  subject_required: { status: 400, message: 'office.error.subject' },
  scan_type_not_allowed: { status: 415, message: 'office.error.scanType' },
  filing_not_found: { status: 404, message: 'error.filingNotFound' },
  filing_submitted: { status: 409, message: 'error.filingSubmitted' },
  filing_changed: { status: 409, message: 'error.filingChanged' },
  filing_incomplete: { status: 400, message: 'error.filingIncomplete' },
  court_required: { status: 400, message: 'error.courtRequired' },
  court_not_first_instance: { status: 400, message: 'error.courtNotFirstInstance' },
  case_number_required: { status: 400, message: 'error.caseNumberRequired' },
  not_party_to_case: { status: 403, message: 'error.notPartyToCase' },
  invalid_iin: { status: 400, message: 'error.invalidIin' },
  invalid_bin: { status: 400, message: 'error.invalidBin' },
  invalid_amount: { status: 400, message: 'error.invalidAmount' },
  invalid_category: { status: 400, message: 'error.invalidCategory' },
  file_too_large: { status: 413, message: 'error.fileTooLarge' },
  file_type_not_allowed: { status: 415, message: 'error.fileTypeNotAllowed' },
  file_missing: { status: 400, message: 'error.fileMissing' },
  too_many_attachments: { status: 400, message: 'error.tooManyAttachments' },
  signer_mismatch: { status: 403, message: 'error.signerMismatch' },
  forbidden: { status: 403, message: 'error.forbidden' },
  method_not_allowed: { status: 405, message: 'error.methodNotAllowed' },
  payload_too_large: { status: 413, message: 'error.payloadTooLarge' },
  uri_too_long: { status: 414, message: 'error.uriTooLong' },
  unsupported_media_type: { status: 415, message: 'error.unsupportedMediaType' },
  too_many_requests: { status: 429, message: 'error.tooManyRequests' },
  internal: { status: 500, message: 'error.internal' },
  service_unavailable: { status: 503, message: 'error.serviceUnavailable' },
} as const satisfies Record<string, { status: number; message: MessageKey }>;

export type ErrorCode = keyof typeof ERRORS;

export class SotError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params?: Params,
  ) {
    super(code);
    this.name = 'SotError';
    this.status = ERRORS[code].status;
  }
}

/** Fastify's own error codes mapped to ours, so framework errors reach people translated. */
export const FASTIFY_ERROR_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_request',
  FST_ERR_VALIDATION: 'invalid_request',
  FST_ERR_BAD_URL: 'invalid_request',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
  FST_ERR_ASYNC_CONSTRAINT: 'invalid_request',
  FST_ERR_NOT_FOUND: 'not_found',
  FST_CSRF_INVALID_TOKEN: 'invalid_csrf_token',
  FST_CSRF_MISSING_SECRET: 'invalid_csrf_token',
  FST_REQ_FILE_TOO_LARGE: 'file_too_large',
  FST_FILES_LIMIT: 'too_many_attachments',
  FST_PARTS_LIMIT: 'invalid_request',
  FST_FIELDS_LIMIT: 'invalid_request',
  FST_PROTO_VIOLATION: 'invalid_request',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
};
