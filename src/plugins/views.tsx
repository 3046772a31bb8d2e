import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { assetVersion } from '../assets.ts';
import { ViewContextProvider, type ViewContext } from '../views/context.ts';
import { Layout, type LayoutProps } from '../views/layout.tsx';

export interface PageOptions {
  title: string;
  nav?: LayoutProps['nav'];
  status?: number;
}

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page inside the one layout, in the request's language. */
    page(options: PageOptions, body: VNode): FastifyReply;
  }
}

export const viewsPlugin = fp(
  async (app, options: { demo: boolean }) => {
    const version = assetVersion();
    app.decorateReply('page', function page(this: FastifyReply, { title, nav, status }: PageOptions, body: VNode) {
      const request = this.request;
      const context: ViewContext = {
        lang: request.lang,
        t: request.t,
        currentUrl: request.url,
        demo: options.demo,
        assetVersion: version,
      };
      const html = renderToString(
        <ViewContextProvider.Provider value={context}>
          <Layout title={title} nav={nav}>
            {body}
          </Layout>
        </ViewContextProvider.Provider>,
      );
      return this.status(status ?? this.statusCode)
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-language', request.lang)
        .header('vary', 'Cookie, Accept-Language')
        .send(`<!DOCTYPE html>${html}`);
    });
  },
  { name: 'sot-views', dependencies: ['sot-i18n'] },
);
