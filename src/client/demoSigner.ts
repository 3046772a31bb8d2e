/**
 * Signing with a demo person's PKCS#12 file, as NCALayer signs with a real key. Loaded on demand
 * by `signing.ts`, in demo mode only (the form that asks for it is on demo pages only).
 */
import { importPrivateKey, signCms } from '../pki/cms.ts';
import { parsePkcs12 } from '../pki/pkcs12.ts';
import { toBase64 } from './base64.ts';

export async function signWithDemoKey(content: Uint8Array, handle: string, password: string, key: 'auth' | 'sign'): Promise<string> {
  const response = await fetch(`/dev/pki/${encodeURIComponent(handle)}.${key}.p12`);
  if (!response.ok) throw new Error(response.statusText);
  const { certificateDer, chainDer, privateKeyPkcs8 } = await parsePkcs12(new Uint8Array(await response.arrayBuffer()), password);
  const privateKey = await importPrivateKey(privateKeyPkcs8, certificateDer);
  return toBase64(await signCms({ content, certificateDer, chainDer, privateKey, detached: false }));
}
