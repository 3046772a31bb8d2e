import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DEV_PKCS12_PASSWORD } from '../../pki/devCa.ts';
import { standingOf } from '../../domain/ncaRoles.ts';
import { demoPeople } from '../../seed/people.ts';
import { HomePage } from '../../views/pages/HomePage.tsx';
import { LoginPage, type DemoSignerGroup, type NoticeTarget } from '../../views/pages/LoginPage.tsx';
import { DEMO_COURTS } from '../../seed/courts.ts';
import { LANGUAGES, type Lang, type Translate } from '../../i18n/index.ts';
import { ROLES, type Role } from '../../policies/principal.ts';
import { safeReturnPath } from '../../auth/returnPath.ts';
import { homeOf } from '../../policies/home.ts';
import { urls } from '../../urls.ts';

/**
 * The demo certificates offered on the sign-in page: one person of each kind, and every judge of
 * the Medeu district court and the Almaty City Court, so whoever the draw picks there can sign in.
 * They are grouped by role and court, so a newcomer finds the judge a registration names.
 */
function demoSigners(t: Translate, lang: Lang): DemoSignerGroup[] {
  const courtNames = new Map(DEMO_COURTS.map((c) => [c.code, c.names[LANGUAGES.indexOf(lang)]!]));
  const groups = new Map<string, DemoSignerGroup & { order: string }>();
  const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  for (const person of demoPeople()) {
    if (person.handle.startsWith('judge-') && !person.handle.endsWith('-1') && !person.handle.startsWith('judge-7517-') && !person.handle.startsWith('judge-7599-')) continue;
    const staff = person.roles.find((r) => r.role !== 'court_chair');
    const role: Role = staff?.role ?? (person.bin ? 'legal_representative' : 'citizen');
    const court = staff?.court;
    // A legal entity's people by their standing in it: a head acts for it, an employee does not.
    const standing = person.bin ? standingOf(person.organisationRoles ?? []) : null;
    const key = `${role}:${court ?? standing ?? ''}`;
    if (!groups.has(key)) {
      const label = capitalised(court ? `${t(`role.${role}`)} — ${courtNames.get(court) ?? court}` : standing ? t(`entity.demo.${standing}`) : t(`role.${role}`));
      // Parties first, then each court's staff by court, the system administrator last.
      const order = `${court ? `1${court}` : role === 'system_admin' ? '2' : '0'}:${ROLES.indexOf(role)}`;
      groups.set(key, { label, order, signers: [] });
    }
    const chair = person.roles.some((r) => r.role === 'court_chair');
    groups.get(key)!.signers.push({ handle: person.handle, label: chair ? `${person.fullName} (${t('role.court_chair')})` : person.fullName });
  }
  return [...groups.values()].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)).map(({ label, signers }) => ({ label, signers }));
}

/** What a notice's link leads to, by the shape of its path alone: the reason on the sign-in page names no case. */
function noticeTarget(path: string): NoticeTarget {
  if (/^\/cabinet\/cases\/[^/]+\/documents\//.test(path)) return 'document';
  if (path.startsWith('/cabinet/filings/')) return 'filing';
  return 'case';
}

export const staticPages: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { access: 'public' } }, (request, reply) => reply.page({ title: request.t('home.title'), nav: 'home' }, <HomePage />));

  app.get(
    '/login',
    { config: { access: 'public' }, schema: { hide: true, querystring: Type.Object({ return: Type.Optional(Type.String({ maxLength: 2000 })), reason: Type.Optional(Type.String({ maxLength: 20 })) }) } },
    (request, reply) => {
      // After signing in a person goes back where they were, or where they work; never off this site.
      const asked = safeReturnPath(request.query.return, '/');
      if (request.principal) return reply.redirect(asked === '/' ? homeOf(request.principal) : asked, 303);
      return reply.page(
        { title: request.t('login.title'), nav: 'signIn', scripts: ['signin.js'] },
        <LoginPage returnTo={asked === '/' ? urls.workplace() : asked} fromNotice={request.query.reason === 'notice' ? noticeTarget(asked) : null} demoSigners={app.config.demo ? demoSigners(request.t, request.lang) : null} demoPassword={DEV_PKCS12_PASSWORD} />,
      );
    },
  );
};
