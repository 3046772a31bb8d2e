import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createServer } from 'node:net';
import { paymentsApi } from '../../src/routes/api/payments.ts';
import { paymentPages } from '../../src/routes/cabinet/payments.tsx';
import { paymentQueuePages } from '../../src/routes/court/paymentQueue.tsx';
import { multipart } from './filing.ts';

/** Mounts the payment routes unless the app already has them. */
export function registerPaymentRoutes(app: FastifyInstance): void {
  if (!app.hasRoute({ method: 'POST', url: '/api/v1/payments/callback' })) app.register(paymentsApi, { prefix: '/api/v1' });
  if (!app.hasRoute({ method: 'GET', url: '/cabinet/filings/:id/pay' })) app.register(paymentPages);
  if (!app.hasRoute({ method: 'GET', url: '/court/payments' })) app.register(paymentQueuePages);
}

/** A port nothing listens on right now, for an app that must be reached over real HTTP. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The path and query of an address, absolute or not: what `inject` takes. */
export const pathOf = (location: unknown) => {
  const url = new URL(String(location), 'http://localhost');
  return `${url.pathname}${url.search}`;
};

/**
 * One person's browser against the app: their session cookie plus the CSRF cookie the pages
 * set, and the forms as the pages give them.
 */
export class Browser {
  private csrfCookie = '';

  constructor(
    private readonly app: FastifyInstance,
    private readonly sessionCookie: string,
  ) {}

  private get cookie(): string {
    return [this.sessionCookie, this.csrfCookie].filter(Boolean).join('; ');
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    const secret = /_csrf=([^;]+)/.exec(String(res.headers['set-cookie'] ?? ''))?.[1];
    if (secret) this.csrfCookie = `_csrf=${secret}`;
    return res;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookie } }));
  }

  async post(url: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({ method: 'POST', url, headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() }),
    );
  }

  async postFiles(url: string, files: { name: string; content: Buffer }[], fields: Record<string, string>): Promise<LightMyRequestResponse> {
    const { payload, headers } = multipart(files, fields);
    return this.remember(await this.app.inject({ method: 'POST', url, headers: { cookie: this.cookie, ...headers }, payload }));
  }
}

/** The form token a page carries. */
export function tokenOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the page carries no form token');
  return decode(token);
}

/** The address a form posts to, and its hidden fields. */
export function formOf(html: string, actionStart: string): { action: string; hidden: Record<string, string> } {
  const start = html.indexOf(`action="${actionStart}`);
  if (start < 0) throw new Error(`no form posting to ${actionStart}`);
  const action = decode(/action="([^"]*)"/.exec(html.slice(start))![1]!);
  const form = html.slice(start, html.indexOf('</form>', start));
  const hidden = Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
  return { action, hidden };
}
