/**
 * What the notification worker needs from a channel's provider. A `DeliveryError` says whether
 * trying again can help: a relay that is down or a gateway's 5xx is temporary; a rejected
 * address is permanent, so the message is marked failed at once instead of being retried.
 */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface OutgoingEmail {
  /** The notification's id: the Message-ID is made from it, so a resend is recognisable. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

export interface OutgoingSms {
  /** The notification's id, sent as the gateway's idempotency reference. */
  reference: string;
  to: string;
  text: string;
}

export interface Sent {
  providerMessageId: string;
}

export interface EmailSender {
  send(message: OutgoingEmail): Promise<Sent>;
  close(): void;
}

export interface SmsSender {
  send(message: OutgoingSms): Promise<Sent>;
}

/** The Message-ID of a notification's e-mail: the same for every attempt. */
export const messageIdFor = (notificationId: string) => `<${notificationId}@notifications.sot>`;
