/**
 * A stand-in SMTP server for development and tests: it accepts any message and stores it in the
 * `outbox` table, which /dev/outbox lists, so a newcomer reads the e-mails a party would get.
 * Each Message-ID is stored once (the row's id is derived from it), as a careful mailbox would:
 * a resend after a lost answer does not show up twice. Never used in production.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../db/client.ts';
import { outbox } from '../../db/schema/index.ts';

export interface StandInSmtp {
  readonly url: string;
  readonly port: number;
  /** SMTP transactions received, resends included. */
  readonly received: number;
  /** Starts listening (again, after `stop`) on the same port. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A uuid made from the Message-ID; Sot's own Message-IDs carry the notification's id as it is. */
export function outboxIdFor(messageId: string): string {
  const own = /^<([0-9a-f-]{36})@notifications\.sot>$/.exec(messageId);
  if (own) return own[1]!;
  const hex = createHash('sha256').update(messageId).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function startStandInSmtp(db: Db, options: { port?: number; host?: string } = {}): Promise<StandInSmtp> {
  const host = options.host ?? '127.0.0.1';
  let received = 0;
  let server: SMTPServer | undefined;
  let port = options.port ?? 0;

  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      // A stopped stand-in must let go of idle pooled connections at once.
      closeTimeout: 50,
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then(async (mail) => {
            // A transmission cut off by a stop has no headers worth keeping; the sender will try again.
            if (!mail.messageId) return callback(new Error('message without a Message-ID'));
            received++;
            const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
            await db
              .insert(outbox)
              .values({
                id: outboxIdFor(mail.messageId),
                channel: 'email',
                address: to.map((a) => a.address ?? '').join(', ') || 'unknown',
                subject: mail.subject ?? null,
                body: (mail.text ?? '').trim(),
              })
              .onConflictDoNothing();
            callback();
          })
          .catch((error: unknown) => callback(error as Error));
      },
    });

  const handle: StandInSmtp = {
    get url() {
      return `smtp://${host}:${port}`;
    },
    get port() {
      return port;
    },
    get received() {
      return received;
    },
    async start() {
      if (server) return;
      const next = create();
      await new Promise<void>((resolve, reject) => {
        next.once('error', reject);
        next.listen(port, host, () => {
          next.off('error', reject);
          resolve();
        });
      });
      next.on('error', () => {});
      port = (next.server.address() as AddressInfo).port;
      server = next;
    },
    async stop() {
      const current = server;
      server = undefined;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
  };
  await handle.start();
  return handle;
}
