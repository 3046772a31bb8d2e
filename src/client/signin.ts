/**
 * The sign-in page's script: asks the server for a challenge, has it signed — by NCALayer, the
 * desktop app every Kazakh EDS holder has, or in demo mode by a demo certificate in the browser —
 * and sends the signature back. The page explains itself without this script.
 */
import { NCALayerClient } from 'ncalayer-js-client';
import { importPrivateKey, signCms } from '../pki/cms.ts';
import { parsePkcs12 } from '../pki/pkcs12.ts';

interface ApiFailure {
  error: { code: string; message: string };
}

const page = document.querySelector<HTMLElement>('[data-signin]');

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function showError(message: string): void {
  const summary = document.querySelector<HTMLElement>('[data-signin-error]');
  if (!summary) return;
  summary.querySelector('[data-signin-error-text]')!.textContent = message;
  summary.hidden = false;
  summary.focus();
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const json = (await response.json()) as T | ApiFailure;
  if (!response.ok) throw new Error((json as ApiFailure).error?.message ?? response.statusText);
  return json as T;
}

/** Challenge, sign, log in; then on to where the person was going. */
async function signInWith(sign: (nonce: string) => Promise<string>): Promise<void> {
  const { nonce } = await postJson<{ nonce: string }>('/api/v1/auth/challenge', {});
  const cms = await sign(nonce);
  await postJson('/api/v1/auth/login', { nonce, cms });
  window.location.assign(page?.dataset['return'] || '/cabinet');
}

async function signWithNcaLayer(nonce: string): Promise<string> {
  const client = new NCALayerClient();
  try {
    await client.connect();
  } catch {
    throw new Error(page?.dataset['ncalayerMissing'] ?? 'NCALayer');
  }
  // Authentication keys carry the clientAuth extended key usage.
  return client.basicsSignCMS(NCALayerClient.basicsStorageAll, nonce, NCALayerClient.basicsCMSParamsAttached, { extKeyUsageOids: ['1.3.6.1.5.5.7.3.2'] });
}

async function signWithDemoCertificate(handle: string, password: string, nonce: string): Promise<string> {
  const response = await fetch(`/dev/pki/${encodeURIComponent(handle)}.p12`);
  if (!response.ok) throw new Error(response.statusText);
  const { certificateDer, chainDer, privateKeyPkcs8 } = await parsePkcs12(new Uint8Array(await response.arrayBuffer()), password);
  const privateKey = await importPrivateKey(privateKeyPkcs8, certificateDer);
  const cms = await signCms({ content: fromBase64(nonce), certificateDer, chainDer, privateKey, detached: false });
  return toBase64(cms);
}

/** Messages from the server come translated; the few raised here are looked up on the page. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'wrong_password') return page?.dataset['wrongPassword'] ?? message;
  return message || (page?.dataset['failed'] ?? '');
}

function busy(button: HTMLButtonElement, run: () => Promise<void>): void {
  button.disabled = true;
  run()
    .catch((error: unknown) => showError(messageOf(error)))
    .finally(() => {
      button.disabled = false;
    });
}

if (page) {
  for (const hidden of page.querySelectorAll<HTMLElement>('[data-needs-js]')) hidden.hidden = false;
  const ncaButton = page.querySelector<HTMLButtonElement>('[data-ncalayer]');
  ncaButton?.addEventListener('click', () => busy(ncaButton, () => signInWith(signWithNcaLayer)));
  const demoForm = page.querySelector<HTMLFormElement>('[data-demo-signer]');
  demoForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(demoForm);
    const button = demoForm.querySelector<HTMLButtonElement>('button')!;
    busy(button, () => signInWith((nonce) => signWithDemoCertificate(String(data.get('handle')), String(data.get('password')), nonce)));
  });
}
