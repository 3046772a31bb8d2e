import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Fragment, h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { builtAsset } from '../assets.ts';
import { hasRole } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { ViewContextProvider, type ViewContext } from '../views/context.ts';
import { Layout, type LayoutProps } from '../views/layout.tsx';

export interface PageOptions {
  title: string;
  nav?: LayoutProps['nav'];
  status?: number;
  /** Extra page scripts that enhance this page, by their source name in src/client (`signin.js`). */
  scripts?: string[];
  /**
   * The data the body is drawn from, when the body depends on nothing else but the language (no
   * address, no person, no form token): the body is then rendered once per object and language
   * and kept while the object lives. For pages whose data changes a few times a year.
   */
  bodyOf?: object;
}

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page inside the one layout, in the request's language. */
    page(options: PageOptions, body: VNode): FastifyReply;
  }
}

function viewContext(request: FastifyRequest, reply: FastifyReply): ViewContext {
  const principal = request.principal;
  return {
    lang: request.lang,
    t: request.t,
    currentUrl: request.url,
    demo: request.server.config.demo,
    asset: builtAsset,
    signedInAs: principal?.fullName ?? null,
    // Pages for signed-in people carry forms (sign out at least), so they get a token.
    csrfToken: principal ? reply.csrfToken() : null,
    showRoleAdmin: can(principal, { action: 'view', resource: 'role_admin' }),
    showAuditLog: can(principal, { action: 'view', resource: 'audit_log' }),
    showCourtOffice: Boolean(principal && (hasRole(principal, 'clerk') || hasRole(principal, 'court_chair'))),
    showJudgeCases: Boolean(principal && hasRole(principal, 'judge')),
    unreadNotifications: principal ? request.unreadNotifications : null,
    referenceGaps: request.referenceGaps ?? [],
  };
}

/** Bodies rendered once, by the object they are drawn from and the language. */
const renderedBodies = new WeakMap<object, Map<string, string>>();

/**
 * Markup rendered earlier, placed as it is: preact-render-to-string writes a fragment's `tpl`
 * parts out verbatim (its form for precompiled JSX), so no wrapper element is added.
 */
const rendered = (html: string): VNode => h(Fragment, { tpl: [html] } as never);

function renderedBody(bodyOf: object, context: ViewContext, body: VNode): VNode {
  let byLang = renderedBodies.get(bodyOf);
  if (!byLang) renderedBodies.set(bodyOf, (byLang = new Map()));
  let html = byLang.get(context.lang);
  if (html === undefined) byLang.set(context.lang, (html = renderToString(<ViewContextProvider.Provider value={context}>{body}</ViewContextProvider.Provider>)));
  return rendered(html);
}

/** Sends a page; usable where reply decorators are not (errors raised by the router itself). */
export function sendPage(request: FastifyRequest, reply: FastifyReply, { title, nav, status, scripts, bodyOf }: PageOptions, body: VNode): FastifyReply {
  const context = viewContext(request, reply);
  const html = renderToString(
    <ViewContextProvider.Provider value={context}>
      <Layout title={title} nav={nav} scripts={scripts}>
        {bodyOf ? renderedBody(bodyOf, context, body) : body}
      </Layout>
    </ViewContextProvider.Provider>,
  );
  return reply
    .status(status ?? reply.statusCode)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', request.lang)
    .header('vary', 'Cookie, Accept-Language')
    .send(`<!DOCTYPE html>${html}`);
}

export const viewsPlugin = fp(
  async (app) => {
    app.decorateReply('page', function page(this: FastifyReply, options: PageOptions, body: VNode) {
      return sendPage(this.request, this, options, body);
    });
  },
  { name: 'sot-views', dependencies: ['sot-i18n'] },
);
