/**
 * Webhooks for organisations (banks, law firms, state bodies): which case events an organisation
 * may receive, what a delivery carries, how it is signed, and when a failed one is tried again.
 * Pure: the random jitter and the clock come from the caller.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The timeline's kinds an organisation can subscribe to (the `type` of `events` rows). */
export const WEBHOOK_EVENT_TYPES = [
  'filing_submitted',
  'filing_received',
  'filing_attached',
  'status_changed',
  'judge_assigned',
  'hearing_scheduled',
  'hearing_postponed',
  'hearing_opened',
  'hearing_closed',
  'hearing_record_attached',
  'document_issued',
  'decision_copy_sent',
  'defects_fixed',
  'material_added',
  'material_shared',
  'recording_added',
  'familiarisation_requested',
  'authority_accepted',
  'appeal_filed',
  'appeal_forwarded',
  'review_filed',
  'review_outcome',
  'court_order_delivered',
  'court_order_received',
  'court_order_objected',
  'judgment_published',
  'judgment_correction_requested',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

export const WEBHOOK_SUBSCRIPTION_STATUSES = ['active', 'paused'] as const;
export type WebhookSubscriptionStatus = (typeof WEBHOOK_SUBSCRIPTION_STATUSES)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

// ── Who sees what ────────────────────────────────────────────────────────────────────────────

export interface WebhookCaseFacts {
  /** Organisations that take part in the case (`parties.organisation_id`), any role. */
  partyOrganisationIds: readonly string[];
  closedHearing: boolean;
}

/**
 * An organisation receives the events of the cases it takes part in, and nothing else: the same
 * rule the cabinet applies to a person acting for it. Kinds it did not subscribe to are not sent.
 */
export function organisationMayReceive(organisationId: string, subscribedTypes: readonly string[], eventType: string, facts: WebhookCaseFacts): boolean {
  return isWebhookEventType(eventType) && subscribedTypes.includes(eventType) && facts.partyOrganisationIds.includes(organisationId);
}

/**
 * The event's parameters that may leave Sot: ids, statuses, dates and numbers the parties see on
 * the timeline. Free text (a reassignment's reason), fingerprints of a document's bytes (sha256,
 * the draw protocol) and anything unlisted stay home, so a kind added later sends nothing until
 * someone decides it may.
 */
const PUBLIC_FIELDS = new Set([
  'caseId', 'documentId', 'filingId', 'filingIds', 'hearingId', 'judgmentId', 'correctionId', 'partyId', 'requestId', 'recordingId',
  'reviewCaseId', 'reviewOf', 'appellateCourtId', 'judgeId', 'proposalId',
  'from', 'to', 'number', 'filingType', 'talonNumber', 'channel', 'receivedOn', 'sentOn', 'dueOn', 'appealDue', 'cancelBy', 'startsAt', 'role',
  'kind', 'decisionForm', 'outcome',
]);

/**
 * In closed proceedings (CPC Art. 19(2)) what a document says is for the parties and the court in
 * the courtroom and the cabinet, not for a machine-to-machine copy: only ids, dates and statuses.
 */
const CONTENT_FIELDS = new Set(['kind', 'decisionForm', 'outcome']);

/** Twelve digits in a row are an IIN or BIN; never sent, whatever the field is called. An id's last group may be twelve digits too. */
const IDENTIFIER = /\d{12}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_STRING = 100;

function publicValue(value: unknown): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return UUID.test(value) || (value.length <= MAX_STRING && !IDENTIFIER.test(value)) ? value : undefined;
  if (Array.isArray(value)) {
    const kept = value.map(publicValue);
    return kept.every((v) => v !== undefined && !Array.isArray(v)) ? kept : undefined;
  }
  return undefined;
}

export function publicEventData(data: Record<string, unknown>, closedHearing: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!PUBLIC_FIELDS.has(key) || (closedHearing && CONTENT_FIELDS.has(key))) continue;
    const kept = publicValue(value);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}

export interface WebhookEventFacts {
  eventId: number;
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
  caseId: string;
  caseNumber: string | null;
  courtCode: string;
  caseKind: string;
  caseStatus: string;
  closedHearing: boolean;
}

export interface WebhookPayload {
  /** The delivery's id: the same on every attempt and re-send, for the receiver's dedupe. */
  id: string;
  type: string;
  occurredAt: string;
  eventId: number;
  case: { id: string; number: string | null; court: string; kind: string; status: string };
  data: Record<string, unknown>;
}

export function webhookPayload(deliveryId: string, event: WebhookEventFacts): WebhookPayload {
  return {
    id: deliveryId,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    eventId: event.eventId,
    case: { id: event.caseId, number: event.caseNumber, court: event.courtCode, kind: event.caseKind, status: event.caseStatus },
    data: publicEventData(event.data, event.closedHearing),
  };
}

// ── Signature ────────────────────────────────────────────────────────────────────────────────

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
export const SIGNATURE_VERSION = 'v1';

/** The HMAC key a secret stands for: the 32 bytes after `whsec_`, written in hex. */
export function webhookSecretKey(secret: string): Buffer {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) throw new Error('not a webhook secret');
  return Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), 'hex');
}

/** `v1=<hex HMAC-SHA256 of "<id>.<timestamp>.<body>">`: the id and time are signed with the body, so neither can be swapped. */
export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  return `${SIGNATURE_VERSION}=${createHmac('sha256', webhookSecretKey(secret)).update(`${id}.${timestamp}.${body}`).digest('hex')}`;
}

export function webhookSignatureValid(secret: string, id: string, timestamp: number, body: string, header: string): boolean {
  const expected = Buffer.from(webhookSignature(secret, id, timestamp, body));
  // The header may carry several signatures separated by spaces (during a receiver's own key change).
  return header.split(' ').some((given) => {
    const candidate = Buffer.from(given);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
}

// ── Endpoint ─────────────────────────────────────────────────────────────────────────────────

export const WEBHOOK_URL_MAX = 500;
export type WebhookUrlProblem = 'invalid' | 'too_long' | 'scheme' | 'credentials';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether Sot may post to this address: HTTPS, no user or password in it (they would end up in
 * logs and pages), no fragment. Plain HTTP only to this machine, and only in demo mode and tests.
 */
export function webhookUrlProblem(typed: string, allowLocalHttp: boolean): WebhookUrlProblem | null {
  if (typed.length > WEBHOOK_URL_MAX) return 'too_long';
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return 'invalid';
  }
  if (url.username || url.password) return 'credentials';
  if (url.hash) return 'invalid';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && allowLocalHttp && LOCAL_HOSTS.has(url.hostname)) return null;
  return 'scheme';
}

// ── Attempts and retries ─────────────────────────────────────────────────────────────────────

export const WEBHOOK_MAX_ATTEMPTS = 8;
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** Minutes to wait after the nth failed attempt (1-based): about 23 hours in all before the last try. */
const RETRY_MINUTES = [1, 5, 30, 60, 180, 360, 720] as const;

export type AttemptOutcome = { kind: 'status'; status: number } | { kind: 'timeout' } | { kind: 'network' };

/**
 * 2xx is delivered. The receiver's trouble (5xx, a timeout, no connection, 408, 429) is tried again;
 * any other answer says the request itself is refused, and sending it again would not change that.
 */
export function attemptVerdict(outcome: AttemptOutcome): 'delivered' | 'retry' | 'refused' {
  if (outcome.kind !== 'status') return 'retry';
  const { status } = outcome;
  if (status >= 200 && status < 300) return 'delivered';
  if (status >= 500 || status === 408 || status === 429) return 'retry';
  return 'refused';
}

/**
 * When to try again after `failedAttempts` failures, or null when that was the last. `jitter` in
 * [0, 1) spreads the retries of many deliveries that failed together (a receiver's outage) by up
 * to a fifth of the wait, so they do not all come back in the same second.
 */
export function nextAttemptAt(failedAttempts: number, from: Date, jitter: number): Date | null {
  if (failedAttempts >= WEBHOOK_MAX_ATTEMPTS) return null;
  const minutes = RETRY_MINUTES[Math.min(Math.max(failedAttempts, 1), RETRY_MINUTES.length) - 1]!;
  const waitMs = minutes * 60_000 * (1 + 0.2 * Math.min(Math.max(jitter, 0), 0.999));
  return new Date(from.getTime() + Math.round(waitMs));
}

/** The whole schedule without jitter, for the documentation and the tests. */
export function retryScheduleMinutes(): readonly number[] {
  return RETRY_MINUTES;
}
