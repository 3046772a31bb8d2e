/**
 * The sign-in page's script: asks the server for a challenge, has it signed and sends the
 * signature back. The page explains itself without this script.
 */
import { fromBase64, postJson, wireSigning } from './signing.ts';

const page = document.querySelector<HTMLElement>('[data-signin]');

if (page) {
  // Signing in is done with the authentication key.
  wireSigning(page, 'auth', async (sign) => {
    const { nonce } = await postJson<{ nonce: string }>('/api/v1/auth/challenge', {});
    const cms = await sign(fromBase64(nonce));
    await postJson('/api/v1/auth/login', { nonce, cms });
    window.location.assign(page.dataset['return'] || '/home');
  });
}
