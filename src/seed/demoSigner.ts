import { DEV_PKCS12_PASSWORD } from '../pki/devCa.ts';
import { demoPeople } from './people.ts';

/** In demo mode, the signed-in demo person's own certificate, if they are one, for the in-browser signer. */
export function demoSignerOf(iin: string): { handle: string; password: string } | null {
  const person = demoPeople().find((p) => p.iin === iin);
  return person ? { handle: person.handle, password: DEV_PKCS12_PASSWORD } : null;
}
