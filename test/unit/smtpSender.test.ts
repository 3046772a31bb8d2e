import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpSender } from '../../src/adapters/email/smtp.ts';
import type { EmailSender } from '../../src/adapters/delivery.ts';

const message = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, to: 'party@example.kz', subject: 'Sot', text: 'A notice about your case.', html: null });

async function listen(server: { listen(port: number, host: string, done: () => void): unknown; address?: () => unknown }, address: () => net.AddressInfo): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `smtp://127.0.0.1:${address().port}`;
}

describe('the SMTP sender', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  function sender(url: string): EmailSender {
    const made = createSmtpSender({ url, from: 'Sot <no-reply@sot.test>', timeoutMs: 2_000 });
    cleanups.push(() => made.close?.());
    return made;
  }

  it('sends many messages over one kept connection', async () => {
    let connections = 0;
    let messages = 0;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onConnect(_session, callback) {
        connections++;
        callback();
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => {
          messages++;
          callback();
        });
      },
    });
    const url = await listen(server, () => server.server.address() as net.AddressInfo);
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const email = sender(url);
    for (let n = 0; n < 10; n++) await email.send(message(n));
    expect(messages).toBe(10);
    expect(connections).toBe(1);
  });

  it('fails the messages behind a refused one at once while the relay is down', async () => {
    let connections = 0;
    const server = net.createServer((socket) => {
      connections++;
      socket.destroy();
    });
    const url = await listen(server, () => server.address() as net.AddressInfo);
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const email = sender(url);
    await expect(email.send(message(1))).rejects.toMatchObject({ permanent: false, message: expect.stringMatching(/^SMTP relay unreachable/) });
    const tried = connections;
    await expect(email.send(message(2))).rejects.toMatchObject({ permanent: false, message: expect.stringMatching(/^SMTP relay unreachable/) });
    expect(connections).toBe(tried);
  });
});
