/**
 * The check page's script: fetches the filing's manifest (the exact bytes to sign), has the
 * person sign it with their EDS and submits the signature; the talon page follows.
 */
import { postJson, wireSigning } from './signing.ts';

const section = document.querySelector<HTMLElement>('[data-submit]');

if (section) {
  const id = section.dataset['submit']!;
  wireSigning(section, async (sign) => {
    const response = await fetch(`/api/v1/filings/${encodeURIComponent(id)}/manifest`, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(section.dataset['failed'] ?? response.statusText);
    const cms = await sign(new Uint8Array(await response.arrayBuffer()));
    await postJson(`/api/v1/filings/${encodeURIComponent(id)}/submit`, { cms });
    window.location.assign(section.dataset['talonUrl']!);
  });
}
