/**
 * Signing in the browser, shared by the pages that ask for an EDS signature: NCALayer (the
 * desktop app every Kazakh EDS holder has) or, in demo mode, a demo certificate opened here.
 */
import { NCALayerClient } from 'ncalayer-js-client';
import { fromBase64, toBase64 } from './base64.ts';

interface ApiFailure {
  error: { code: string; message: string };
}

export { fromBase64, toBase64 };

/** Signs bytes; returns the base64 CMS. */
export type Signer = (content: Uint8Array) => Promise<string>;

/**
 * Which of the person's two NCA keys: `auth` (AUTH_RSA/AUTH_GOST) to sign in, `sign` (RSA/GOST)
 * for documents. The server refuses the other one; asking for the right one spares the person
 * the refusal.
 */
export type KeyChoice = 'auth' | 'sign';

export function showError(root: HTMLElement, message: string): void {
  const summary = root.querySelector<HTMLElement>('[data-signin-error]');
  if (!summary) return;
  summary.querySelector('[data-signin-error-text]')!.textContent = message;
  summary.hidden = false;
  summary.focus();
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
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

export function ncaLayerSigner(root: HTMLElement, key: KeyChoice): Signer {
  return async (content) => {
    const client = new NCALayerClient();
    try {
      await client.connect();
    } catch {
      throw new Error(root.dataset['ncalayerMissing'] ?? 'NCALayer');
    }
    // NCALayer offers only the keys whose extended key usage matches: clientAuth or emailProtection.
    const signer = key === 'auth' ? NCALayerClient.basicsSignerAuthAny : NCALayerClient.basicsSignerSignAny;
    return client.basicsSignCMS(NCALayerClient.basicsStorageAll, toBase64(content), NCALayerClient.basicsCMSParamsAttached, signer);
  };
}

/**
 * The demo signer. Its PKI code (PKCS#12, CMS) is most of the signing scripts' weight and no
 * use outside demo mode, so it is a chunk of its own, fetched only when a demo page's form asks.
 */
export function demoSigner(handle: string, password: string, key: KeyChoice): Signer {
  return async (content) => (await import('./demoSigner.ts')).signWithDemoKey(content, handle, password, key);
}

/** Messages from the server come translated; the few raised here are looked up on the page. */
function messageOf(root: HTMLElement, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message === 'wrong_password') return root.dataset['wrongPassword'] ?? message;
  return message || (root.dataset['failed'] ?? '');
}

/** Runs a signing action with its button disabled, showing any failure in the page's error summary. */
export function busy(root: HTMLElement, button: HTMLButtonElement, run: () => Promise<void>): void {
  button.disabled = true;
  run()
    .catch((error: unknown) => showError(root, messageOf(root, error)))
    .finally(() => {
      button.disabled = false;
    });
}

/** Shows the parts that need JavaScript and wires the NCALayer button and the demo signer form to sign with `key`. */
export function wireSigning(root: HTMLElement, key: KeyChoice, act: (sign: Signer) => Promise<void>): void {
  for (const hidden of root.querySelectorAll<HTMLElement>('[data-needs-js]')) hidden.hidden = false;
  const ncaButton = root.querySelector<HTMLButtonElement>('[data-ncalayer]');
  ncaButton?.addEventListener('click', () => busy(root, ncaButton, () => act(ncaLayerSigner(root, key))));
  const demoForm = root.querySelector<HTMLFormElement>('[data-demo-signer]');
  demoForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(demoForm);
    busy(root, demoForm.querySelector<HTMLButtonElement>('button')!, () => act(demoSigner(String(data.get('handle')), String(data.get('password')), key)));
  });
}
