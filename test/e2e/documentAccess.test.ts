import { mkdirSync } from 'node:fs';
import { and, desc, eq, exists, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases, outbox, parties, users } from '../../src/db/schema/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { expectAccessible, pageIn, signIn, signOut } from './journeys.ts';
import { withDemoBrowser } from './server.ts';
import { openTodaysHearing } from './hearings.ts';

/**
 * Court document access in a real browser: the judge issues a decision; the party's SMS and
 * e-mail arrive at the stand-ins in the party's language; the link in them leads, after EDS
 * sign-in, to the decision; the party prints it; the case's access log shows who read it.
 */
describe('a decision reaches the party by SMS and e-mail, and the party reads and prints it', () => {
  const demo = withDemoBrowser();

  it('notifies, leads to the decision after sign-in, prints it and logs the reading', async () => {
    const judgeHandle = 'judge-7517-1';
    const citizen = demoPeople().find((p) => p.handle === 'citizen')!;
    const db = demo.server.database.db;
    // A case of the demo citizen's with a hearing scheduled before judge-7517-1.
    const [judge] = await db.select({ id: users.id }).from(users).where(eq(users.iin, demoPeople().find((p) => p.handle === judgeHandle)!.iin));
    const [me] = await db.select({ id: users.id }).from(users).where(eq(users.iin, citizen.iin));
    const [target] = await db
      .select({ id: cases.id, number: cases.number })
      .from(cases)
      .where(and(eq(cases.judgeId, judge!.id), eq(cases.status, 'hearing_scheduled'), exists(db.select({ one: sql`1` }).from(parties).where(and(eq(parties.caseId, cases.id), eq(parties.userId, me!.id))))))
      .limit(1);
    expect(target, 'a demo case of the citizen before judge-7517-1').toBeDefined();

    const en = translator('en');
    const { page, errors, close } = await pageIn(demo.browser, demo.server.url, 'en');

    // The judge issues the decision in final form.
    await signIn(page, demo.server.url, en, judgeHandle);
    await openTodaysHearing(page, demo.server.url, db, target!.id, en);
    await page.locator('form', { has: page.locator('#act-text') }).getByLabel(en('proceedings.decisionForm.final'), { exact: true }).check();
    await page.locator('#act-title').fill('Решение по делу');
    await page.getByLabel(en('proceedings.acts.text'), { exact: true }).fill('Именем Республики Казахстан.\n\nСуд РЕШИЛ: иск удовлетворить частично.');
    await Promise.all([page.waitForURL(/done=drafted/), page.getByRole('button', { name: en('proceedings.acts.save') }).click()]);
    await Promise.all([page.waitForURL(/done=issued/), page.getByRole('button', { name: en('filing.check.sign.demo') }).click()]);
    await signOut(page, demo.server.url, en);

    // The stand-ins receive the SMS and the e-mail, in the citizen's language (Kazakh).
    const kk = translator(citizen.language);
    const expected = kk('proceedings.notice.actIssued.body', { number: target!.number!, act: kk('proceedings.actKind.decision') });
    const received = async () => db.select().from(outbox).where(sql`${outbox.body} like ${`%${target!.number}%`}`).orderBy(desc(outbox.createdAt));
    let messages = await received();
    // Other notices of the case (the hearing's) may arrive first: wait for this one by both channels.
    const arrived = () => messages.some((m) => m.channel === 'sms' && m.body.includes(target!.number!)) && messages.some((m) => m.channel === 'email' && m.address === citizen.email && m.body.includes(expected));
    for (let i = 0; i < 60 && !arrived(); i++) {
      await page.waitForTimeout(500);
      messages = await received();
    }
    // Messages go out concurrently, so the hearing's may be the newest: take the decision's own.
    const email = messages.find((m) => m.channel === 'email' && m.address === citizen.email && m.body.includes(expected));
    const sms = messages.find((m) => m.channel === 'sms' && m.body.includes(target!.number!));
    expect(email?.body).toContain(expected);
    expect(sms?.body).toContain(target!.number!);
    await page.goto(`${demo.server.url}/dev/outbox`);
    await expectAccessible(page);
    expect(await page.locator('main').innerText()).toContain(expected);

    // The link leads, after signing in with the EDS, to the decision itself.
    const link = /https?:\/\/\S+\/n\/\S+/.exec(email!.body)![0];
    await page.goto(link);
    await page.waitForURL(/\/login/);
    await page.getByLabel(en('login.demo.user')).selectOption('citizen');
    const pdfAnswer = page.waitForResponse((response) => /\/acts\/[0-9a-f-]+\/pdf$/.test(new URL(response.url()).pathname));
    await Promise.all([page.waitForURL(/\/documents\/[0-9a-f-]+$/), page.getByRole('button', { name: en('login.demo.button') }).click()]);
    await expectAccessible(page);

    // The page is the official act: the signed PDF embedded, its signature checked, its public address.
    const pdf = await pdfAnswer;
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const frame = page.locator('iframe.sot-act-pdf');
    await frame.waitFor();
    expect(new URL(pdf.url()).pathname).toBe(await frame.getAttribute('src'));
    expect((await frame.boundingBox())!.height).toBeGreaterThan(300);
    const main = page.locator('main');
    expect(await main.innerText()).toContain(en('proceedings.signature.valid'));
    expect(await main.innerText()).toMatch(new RegExp(`${en('proceedings.signature.position')}\\s+${en('documents.capacity.judge', { court: '' }).replace(/[, ]+$/, '')},`));
    const verify = await page.locator('a.sot-verify-url').getAttribute('href');
    expect(verify).toMatch(/\/verify\/[0-9A-Z]+$/);
    expect(await page.getByRole('link', { name: en('documents.act.downloadPdf') }).getAttribute('href')).toBe(`${await frame.getAttribute('src')}?download=1`);
    await page.getByText(en('documents.act.text')).click();
    expect(await main.innerText()).toContain('иск удовлетворить частично');
    mkdirSync('artifacts/screenshots', { recursive: true });
    await page.screenshot({ path: 'artifacts/screenshots/document-access-act-page.png', fullPage: true });

    // The citizen prints it: the print page carries the signature check and the QR code.
    await Promise.all([page.waitForURL(/\/print$/), page.getByRole('link', { name: en('documents.print') }).click()]);
    await expectAccessible(page);
    expect(await page.locator('main').innerText()).toContain(en('proceedings.signature.valid'));
    expect(await page.locator('figure.sot-qr svg').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.sot-header').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // The access log shows the citizen opened and printed the decision.
    await page.goto(`${demo.server.url}/cabinet/cases/${target!.id}/access-log`);
    await expectAccessible(page);
    const log = await page.locator('table').innerText();
    expect(log).toContain(en('documents.action.view'));
    expect(log).toContain(en('documents.action.print'));
    expect(log).toContain(citizen.fullName);
    expect(errors).toEqual([]);
    await close();
  });
});
