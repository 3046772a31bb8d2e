/**
 * What a browser takes from a page to post its forms: the CSRF token in the form and the secret
 * cookie set with the page, added to the person's own cookies.
 */
export function formSession(page: { body: string; headers: Record<string, unknown> }, userCookie: string): { token: string; cookie: string } {
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const secret = /_csrf=([^;]+)/.exec(String(page.headers['set-cookie']))?.[1];
  if (!token || !secret) throw new Error('the page gave no form token');
  return { token, cookie: `${userCookie}; _csrf=${secret}` };
}
