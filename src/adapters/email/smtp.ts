/**
 * E-mail through an SMTP relay (`SMTP_URL`, smtp:// or smtps://) with nodemailer. Every attempt
 * at one notification carries the same Message-ID, so a relay or mailbox that already took the
 * message can drop the copy after an answer that got lost on the way back.
 *
 * The transport is a pool of long-lived connections: a new connection per message (greeting,
 * EHLO, STARTTLS, AUTH) costs several round trips and a TLS handshake, and the relay answers the
 * worker's many messages in flight over a few connections anyway. A connection the relay drops
 * while a message is on it puts the message back in the pool's queue.
 */
import nodemailer from 'nodemailer';
import { DeliveryError, messageIdFor, type EmailSender, type OutgoingEmail } from '../delivery.ts';

interface SmtpFailure {
  code?: string;
  responseCode?: number;
  message?: string;
}

/** A 5xx answer about the message or the recipient is final; no connection, timeouts and 4xx are not. */
export function classifySmtpError(error: unknown): DeliveryError {
  const failure = (error ?? {}) as SmtpFailure;
  const status = failure.responseCode;
  if (status !== undefined && status >= 500 && status < 600) return new DeliveryError(`SMTP ${status}: the relay refused the message`, true);
  if (status !== undefined) return new DeliveryError(`SMTP ${status}: temporary refusal`, false);
  return new DeliveryError(`SMTP relay unreachable (${failure.code ?? 'error'})`, false);
}

/** How long the sender treats the relay as down after failing to reach it. */
const UNREACHABLE_PAUSE_MS = 1_000;

export function createSmtpSender(options: { url: string; from: string; timeoutMs: number; maxConnections?: number }): EmailSender {
  const url = new URL(options.url);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    // A relay may limit messages per session; starting a fresh connection now and then also
    // spreads the load when the relay's address resolves to several hosts.
    maxMessages: 100,
    // A message on a connection that closes fails its attempt rather than waiting in the pool's
    // own requeue: the notice's retries (pg-boss, with backoff) are the one place a retry is
    // decided, and a relay that is down fails every message at once instead of holding them.
    maxRequeues: 0,
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  // While the relay cannot be reached, the messages behind the one that found out fail at once
  // instead of each waiting its turn for a pooled connection that will be refused too; their
  // retries come from the notice queue's backoff.
  let unreachableUntil = 0;
  return {
    async send(message: OutgoingEmail) {
      if (Date.now() < unreachableUntil) throw new DeliveryError('SMTP relay unreachable (still down a moment ago)', false);
      const messageId = messageIdFor(message.id);
      try {
        await transport.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          messageId,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        if ((error as SmtpFailure | undefined)?.responseCode === undefined) unreachableUntil = Date.now() + UNREACHABLE_PAUSE_MS;
        throw classifySmtpError(error);
      }
      return { providerMessageId: messageId };
    },
    close() {
      transport.close();
    },
  };
}
