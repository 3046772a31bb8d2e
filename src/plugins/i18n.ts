import fp from 'fastify-plugin';
import { DEFAULT_LANG, isLang, LANGUAGES, langFromAcceptLanguage, translator, type Lang, type Translate } from '../i18n/index.ts';

export const LANG_COOKIE = 'lang';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    t: Translate;
  }
}

/** The reader's language: the switcher's cookie, then Accept-Language, then Kazakh. */
export const i18nPlugin = fp(
  async (app) => {
    app.decorateRequest('lang', DEFAULT_LANG);
    app.decorateRequest('t', null as unknown as Translate);
    // One translator per language for the life of the app, not one per request.
    const translators = Object.fromEntries(LANGUAGES.map((lang) => [lang, translator(lang)])) as Record<Lang, Translate>;
    app.addHook('onRequest', async (request) => {
      const fromCookie = request.cookies[LANG_COOKIE];
      const lang = isLang(fromCookie) ? fromCookie : (langFromAcceptLanguage(request.headers['accept-language']) ?? DEFAULT_LANG);
      request.lang = lang;
      request.t = translators[lang];
    });
  },
  { name: 'sot-i18n', dependencies: ['@fastify/cookie'] },
);
