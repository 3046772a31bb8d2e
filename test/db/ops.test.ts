import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestDatabase, describeDb } from '../support/db.ts';

describeDb('operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t?.close());

  it('reports health with the database reachable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('exposes Prometheus metrics with route patterns, never raw URLs', async () => {
    await t.app.inject({ method: 'GET', url: '/courts/7517' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('sot_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/courts/:code"');
    expect(res.body).not.toContain('/courts/7517');
    expect(res.body).toContain('sot_process_cpu_user_seconds_total');
  });

  it('sets a strict content security policy and security headers on pages', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    // No inline script anywhere: every <script> has a src.
    expect(res.body.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  });

  it('compresses pages with brotli or gzip as the client asks', async () => {
    const br = await t.app.inject({ method: 'GET', url: '/courts', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    const gzip = await t.app.inject({ method: 'GET', url: '/courts', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
  });

  it('serves static assets with cache headers and nothing outside the allowed files', async () => {
    const page = (await t.app.inject({ method: 'GET', url: '/' })).body;
    const stylesheet = /<link rel="stylesheet" href="(\/public\/build\/sot-[0-9a-f]{10}\.css)"/.exec(page)?.[1];
    expect(stylesheet).toBeDefined();
    const css = await t.app.inject({ method: 'GET', url: stylesheet! });
    expect(css.statusCode).toBe(200);
    // Named by their content, built assets never change under their address.
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.headers.etag).toBeDefined();
    const logo = await t.app.inject({ method: 'GET', url: '/public/images/sot-logo.svg' });
    expect(logo.statusCode).toBe(200);
    expect(logo.headers['cache-control']).toMatch(/max-age=86400$/);
    expect((await t.app.inject({ method: 'GET', url: '/assets/images/favicon.svg' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/assets/index.scss' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/public/build/sot.css' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/public/build.json' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `${stylesheet!}.map` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/public/../package.json' })).statusCode).toBe(404);
  });

  it('logs requests without IINs, cookies or authorization', async () => {
    await t.app.inject({ method: 'GET', url: '/no-such/900315491000', headers: { cookie: 'lang=ru; sid=topsecret', authorization: 'Bearer topsecret' } });
    const text = JSON.stringify(t.logs);
    expect(text).not.toContain('900315491000');
    expect(text).not.toContain('topsecret');
    expect(text).toContain('/no-such/[redacted]');
  });
});

describeDb('metrics protection', () => {
  it('requires the bearer token when one is configured', async () => {
    const t = await createTestApp({ config: { METRICS_TOKEN: 'scrape-token-0123456789' } });
    try {
      expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer scrape-token-0123456789' } })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describeDb('database outage', () => {
  it('reports 503 on /health and on pages, translated, without crashing', async () => {
    const database = await createTestDatabase();
    const t = await createTestApp({ database });
    // Closing the pool is what a lost database looks like to the app: every query fails.
    await database.pool.end();
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({ status: 'unavailable', db: 'down' });
    const page = await t.app.inject({ method: 'GET', url: '/courts', headers: { cookie: 'lang=en' } });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('The portal cannot reach its database just now');
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/public/cases/7517-26-00-2%2F1' });
    expect(api.statusCode).toBe(503);
    expect(api.json().error.code).toBe('database_unavailable');
    await t.app.close();
  });
});
