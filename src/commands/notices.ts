/**
 * Notices to people about their cases, as a transactional outbox: the `notifications` rows are
 * written in the same transaction as the change they report, so a rollback sends nothing and a
 * commit loses nothing. Delivery (`src/jobs/notifications.ts`) reads the rows after commit. Each
 * notice is written in the recipient's own language, once per channel: always in the app, and by
 * e-mail and SMS to verified contacts the person keeps notices on.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/tx.ts';
import { issueNoticeLink } from '../auth/noticeLinks.ts';
import { cases, noticeLinks, notifications, users, type NotificationChannel } from '../db/schema/index.ts';
import { caseParticipantPairs } from '../queries/caseParticipants.ts';
import { urls } from '../urls.ts';
import { DEFAULT_LANG, isLang, LANGUAGES, translator, type Lang, type Translate } from '../i18n/index.ts';

type Recipient = typeof users.$inferSelect;

/** What the portal tells people about; the name is the first part of every dedupe key. */
export type NoticeEvent =
  | 'filing_received'
  | 'case_registered'
  | 'case_admission'
  | 'payment_verified'
  | 'payment_rejected'
  | 'payment_paid'
  | 'payment_declined'
  | 'hearing_scheduled'
  | 'hearing_changed'
  | 'document_issued'
  | 'deadline_reminder'
  | 'appeal_filed'
  | 'appeal_forwarded'
  | 'court_order_received'
  | 'court_order_objected'
  | 'court_order_cancelled'
  | 'court_order_in_force'
  | 'familiarisation_answered'
  | 'material_shared'
  | 'judgment_correction_answered'
  | 'contact_code';

/** `sms` is the short form; without it the SMS says the subject. */
export type Compose = (t: Translate, lang: Lang) => { subject: string; body: string; sms?: string };

export interface Notice {
  event: NoticeEvent;
  /** What the event is about (a payment, hearing, document…): with the event, recipient and channel, the dedupe key. */
  aboutId: string;
  caseId: string | null;
  /** A path on Sot the message leads to. */
  link: string | null;
  /** Goes by at least one verified external channel even if the person turned both off. */
  legallyRequired: boolean;
  compose: Compose;
}

/**
 * Links in SMS and e-mail are absolute, short and signed (`/n/<id><mac>`, src/auth/noticeLinks.ts),
 * so an old or altered link is refused clearly; set once at start from the configuration.
 */
let linkSettings = { publicUrl: 'http://localhost:3000', secret: '' };
export function setNoticeLinks(settings: { publicUrl: string; secret: string }): void {
  linkSettings = { publicUrl: settings.publicUrl.replace(/\/$/, ''), secret: settings.secret };
}

/** The absolute link for SMS and e-mail: one `notice_links` row per notice and person, in `tx`. */
export async function externalLink(tx: Tx, path: string, now: Date): Promise<{ url: string; id: string | null }> {
  if (!linkSettings.secret) return { url: `${linkSettings.publicUrl}${path}`, id: null };
  const issued = await issueNoticeLink(tx, path, now, linkSettings.secret);
  return { url: `${linkSettings.publicUrl}${issued.path}`, id: issued.id };
}

export const dedupeKey = (event: string, aboutId: string, userId: string, channel: NotificationChannel) => `${event}:${aboutId}:${userId}:${channel}`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The message by channel: SMS short with the absolute link `url`, e-mail as text and escaped HTML. */
export function renderNotice(t: Translate, composed: ReturnType<Compose>, url: string | null, channel: NotificationChannel): { subject: string | null; body: string; html: string | null } {
  if (channel === 'in_app') return { subject: composed.subject, body: composed.body, html: null };
  if (channel === 'sms') {
    const text = composed.sms ?? composed.subject;
    return { subject: null, body: url ? t('notifications.sms.withLink', { text, link: url }) : text, html: null };
  }
  const footer = t('notifications.email.footer');
  const body = [composed.body, url ? t('notifications.email.open', { link: url }) : null, '', footer].filter((line) => line !== null).join('\n');
  const html = [
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(composed.subject)}</title></head><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c">`,
    `<h1 style="font-size:24px">${escapeHtml(composed.subject)}</h1>`,
    `<p>${escapeHtml(composed.body)}</p>`,
    url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(t('notifications.email.linkText'))}</a></p>` : '',
    `<p style="color:#505a5f;font-size:14px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('');
  return { subject: composed.subject, body, html };
}

/** Which external channels a notice goes by: verified contacts the person keeps; for a required notice at least one. */
export function externalChannels(user: Recipient, legallyRequired: boolean): { channel: 'email' | 'sms'; address: string }[] {
  const email = user.email && user.emailVerifiedAt ? { channel: 'email' as const, address: user.email } : null;
  const sms = user.phone && user.phoneVerifiedAt ? { channel: 'sms' as const, address: user.phone } : null;
  const chosen = [email && user.notifyByEmail ? email : null, sms && user.notifyBySms ? sms : null].filter((c) => c !== null);
  if (chosen.length === 0 && legallyRequired) {
    const fallback = email ?? sms;
    if (fallback) chosen.push(fallback);
  }
  return chosen;
}

const languageOf = (user: Recipient): Lang => (isLang(user.language) ? user.language : DEFAULT_LANG);

/**
 * The in-app notice in every language, so the notification centre can show it in the page's
 * language: a person who reads Sot in Russian sees a notice queued while their language was
 * Kazakh in Russian. `compose` is a pure function of the translator, so writing it three times
 * writes the same notice three times.
 */
export function composeInEveryLanguage(compose: Compose): { subjectI18n: Record<Lang, string>; bodyI18n: Record<Lang, string> } {
  const subjectI18n = {} as Record<Lang, string>;
  const bodyI18n = {} as Record<Lang, string>;
  for (const lang of LANGUAGES) {
    const composed = compose(translator(lang), lang);
    subjectI18n[lang] = composed.subject;
    bodyI18n[lang] = composed.body;
  }
  return { subjectI18n, bodyI18n };
}

/**
 * Writes one notice to `user`: in the app, and by the external channels above. The same notice
 * again (same event, subject and person) adds nothing. Returns the ids of new rows to deliver.
 */
export async function queueNotice(tx: Tx, user: Recipient, notice: Notice, now: Date): Promise<string[]> {
  const lang = languageOf(user);
  const t = translator(lang);
  const composed = notice.compose(t, lang);
  const external = externalChannels(user, notice.legallyRequired);
  const link = notice.link && external.length > 0 ? await externalLink(tx, notice.link, now) : null;
  const rows = [{ channel: 'in_app' as const, address: null }, ...external].map(({ channel, address }) => ({
    userId: user.id,
    caseId: notice.caseId,
    event: notice.event,
    dedupeKey: dedupeKey(notice.event, notice.aboutId, user.id, channel),
    channel,
    address,
    lang,
    ...renderNotice(t, composed, link?.url ?? null, channel),
    link: notice.link,
    legallyRequired: notice.legallyRequired,
    // In the app the notice is there once the transaction commits: nothing is left to deliver.
    ...(channel === 'in_app' ? { status: 'delivered' as const, sentAt: now, deliveredAt: now, ...composeInEveryLanguage(notice.compose) } : {}),
    queuedAt: now,
  }));
  const inserted = await tx.insert(notifications).values(rows).onConflictDoNothing({ target: notifications.dedupeKey }).returning({ id: notifications.id, channel: notifications.channel });
  const toDeliver = inserted.filter((r) => r.channel !== 'in_app').map((r) => r.id);
  // The same notice again sends nothing, so its new link would lead nowhere anyone was told of.
  if (link?.id && toDeliver.length === 0) await tx.delete(noticeLinks).where(eq(noticeLinks.id, link.id));
  return toDeliver;
}

/**
 * A message to an address that is not (yet) the person's verified contact, such as a
 * confirmation code: by that one channel only, never in the app, always sent.
 */
export async function queueMessageToAddress(
  tx: Tx,
  message: { userId: string; channel: 'email' | 'sms'; address: string; lang: Lang; event: NoticeEvent; aboutId: string; compose: Compose },
  now: Date,
): Promise<string[]> {
  const t = translator(message.lang);
  const rendered = renderNotice(t, message.compose(t, message.lang), null, message.channel);
  const inserted = await tx
    .insert(notifications)
    .values({
      userId: message.userId,
      event: message.event,
      dedupeKey: dedupeKey(message.event, message.aboutId, message.userId, message.channel),
      channel: message.channel,
      address: message.address,
      lang: message.lang,
      ...rendered,
      legallyRequired: true,
      queuedAt: now,
    })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return inserted.map((r) => r.id);
}

/**
 * Everyone taking part in the case through the portal: parties with an account, representatives
 * and lawyers whose authority the court accepted, and the people of a legal entity that is a party
 * (see `caseParticipantPairs`): a company that filed through its director's certificate hears of
 * its case as a person does. Each person once.
 */
export async function caseParticipants(tx: Tx, caseId: string): Promise<Recipient[]> {
  return participantsIn(tx, { caseId });
}

async function participantsIn(tx: Tx, scope: { caseId: string; partyId?: string }): Promise<Recipient[]> {
  const pairs = caseParticipantPairs(tx, scope);
  const people = await tx.selectDistinctOn([users.id], { user: users }).from(pairs).innerJoin(users, eq(users.id, pairs.userId));
  return people.map((p) => p.user);
}

/** Tells every participant of the case (see `caseParticipants`), except `except` (who caused the event). */
export async function noticeToParticipants(tx: Tx, notice: Notice & { caseId: string }, now: Date, except: readonly string[] = []): Promise<string[]> {
  const ids: string[] = [];
  for (const user of await caseParticipants(tx, notice.caseId)) if (!except.includes(user.id)) ids.push(...(await queueNotice(tx, user, notice, now)));
  return ids;
}

/**
 * Tells one party of the case only: the party's own account, the representatives and lawyers the
 * court accepted for them, and for a legal entity its people. For what is that party's alone,
 * such as their own appeal term.
 */
export async function noticeToParty(tx: Tx, notice: Notice & { caseId: string }, partyId: string, now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (const user of await participantsIn(tx, { caseId: notice.caseId, partyId })) ids.push(...(await queueNotice(tx, user, notice, now)));
  return ids;
}

/**
 * An appeal or cassation complaint filed by one participant: the others of the case it attacks
 * hear of it (the filer knows already).
 */
export async function noticeReviewFiled(tx: Tx, lowerCaseId: string, filing: { filingId: string; type: string; filerId: string }, now: Date): Promise<string[]> {
  const [lower] = await tx.select({ number: cases.number }).from(cases).where(eq(cases.id, lowerCaseId));
  const kind = filing.type === 'appeal' ? 'appeal' : 'cassation';
  return noticeToParticipants(
    tx,
    {
      event: 'appeal_filed',
      aboutId: filing.filingId,
      caseId: lowerCaseId,
      link: urls.cabinetCase(lowerCaseId),
      legallyRequired: false,
      compose: (t) => {
        const params = { number: lower?.number ?? '', kind: t(`notifications.appealFiled.${kind}`) };
        return { subject: t('notifications.appealFiled.subject', params), body: t('notifications.appealFiled.body', params) };
      },
    },
    now,
    [filing.filerId],
  );
}

/**
 * An appeal received by the court that decided: the other participants get notice of it, which
 * is the court's sending of its copy (CPC Art. 405(1)(1): the appeal is open to them in the
 * Court Cabinet), with their right to answer it by a response (Art. 408).
 */
export async function noticeAppealFiled(tx: Tx, caseId: string, filing: { filingId: string; filerId: string }, now: Date): Promise<string[]> {
  const [lower] = await tx.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId));
  return noticeToParticipants(
    tx,
    {
      event: 'appeal_filed',
      aboutId: filing.filingId,
      caseId,
      link: urls.cabinetCase(caseId),
      legallyRequired: true,
      compose: (t) => {
        const params = { number: lower?.number ?? '' };
        return { subject: t('appeals.notice.filed.subject', params), body: t('appeals.notice.filed.body', params), sms: t('appeals.notice.filed.sms', params) };
      },
    },
    now,
    [filing.filerId],
  );
}

/** The case sent up with its appeals (CPC Art. 405(1)(2)): every participant hears which court will hear it. */
export async function noticeAppealForwarded(tx: Tx, lowerCaseId: string, appellateCaseId: string, court: { nameKk: string; nameRu: string; nameEn: string }, now: Date): Promise<string[]> {
  const [lower] = await tx.select({ number: cases.number }).from(cases).where(eq(cases.id, lowerCaseId));
  return noticeToParticipants(
    tx,
    {
      event: 'appeal_forwarded',
      aboutId: appellateCaseId,
      caseId: lowerCaseId,
      link: urls.cabinetCase(lowerCaseId),
      legallyRequired: true,
      compose: (t, lang) => {
        const params = { number: lower?.number ?? '', court: lang === 'kk' ? court.nameKk : lang === 'ru' ? court.nameRu : court.nameEn };
        return { subject: t('appeals.notice.forwarded.subject', params), body: t('appeals.notice.forwarded.body', params) };
      },
    },
    now,
  );
}
