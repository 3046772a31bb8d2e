/**
 * E-mail through an SMTP relay (`SMTP_URL`, smtp:// or smtps://) with nodemailer. Every attempt
 * at one notification carries the same Message-ID, so a relay or mailbox that already took the
 * message can drop the copy after an answer that got lost on the way back.
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

export function createSmtpSender(options: { url: string; from: string; timeoutMs: number }): EmailSender {
  const url = new URL(options.url);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    async send(message: OutgoingEmail) {
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
        throw classifySmtpError(error);
      }
      return { providerMessageId: messageId };
    },
    close() {
      transport.close();
    },
  };
}
