/**
 * Signing a document on its page: fetches the manifest (the exact bytes to sign), has the person
 * sign it with their EDS, posts the signature and goes on to the next page. Used for filings
 * (then the talon) and for court acts (then the case).
 */
import { postJson, wireSigning } from './signing.ts';

for (const section of document.querySelectorAll<HTMLElement>('[data-sign-manifest]')) {
  const { signManifest, signSubmit, signDone } = section.dataset;
  // Documents are signed with the signing key.
  wireSigning(section, 'sign', async (sign) => {
    const response = await fetch(signManifest!, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(section.dataset['failed'] ?? response.statusText);
    const cms = await sign(new Uint8Array(await response.arrayBuffer()));
    await postJson(signSubmit!, { cms });
    window.location.assign(signDone!);
  });
}
