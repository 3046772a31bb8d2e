import { afterAll, beforeAll, expect, it } from 'vitest';
import { showcaseCaseNumber } from '../../src/seed/demo.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';

describeDb('public JSON API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t?.close());

  it('returns a case by its URL-encoded number', async () => {
    const number = await showcaseCaseNumber(t.database.db);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/cases/${encodeURIComponent(number)}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(body).toMatchObject({ number, status: 'hearing_scheduled', stage: 'hearing', instance: 1, closedProceedings: false });
    expect(body.court.name.kk).toBeTruthy();
    expect(new Date(body.nextHearing.startsAt).getTime()).toBeGreaterThan(Date.parse('2026-11-25T05:00:00Z'));
    expect(Object.keys(body).sort()).toEqual(
      ['category', 'closedProceedings', 'court', 'instance', 'judge', 'kind', 'nextHearing', 'number', 'registeredAt', 'reviewOf', 'stage', 'status', 'statusChangedAt'].sort(),
    );
  });

  it('answers 404 with a JSON error in the caller\'s language for an unknown number', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/cases/7517-26-00-2%2F99999', headers: { 'accept-language': 'ru' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'case_not_found', message: 'Зарегистрированного дела с таким номером нет' } });
  });

  it('answers 400 for a malformed number', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/cases/DROP%20TABLE%20cases', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_case_number');
  });

  it('answers unknown API paths and methods with JSON errors, not pages', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    const wrongMethod = await t.app.inject({ method: 'DELETE', url: '/api/v1/public/cases/7517-26-00-2%2F1' });
    expect(wrongMethod.statusCode).toBe(404);
    expect(wrongMethod.json().error).toHaveProperty('message');
  });

  it('describes the API in OpenAPI, generated from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const path = doc.paths['/api/v1/public/cases/{number}'];
    expect(path.get.responses).toHaveProperty('200');
    expect(path.get.responses).toHaveProperty('404');
    expect(doc.paths).toHaveProperty('/health');
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/') && p !== '/health')).toEqual([]);
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});
