/**
 * PKCS#12 (PFX) files for the demo certificates, made and opened with WebCrypto only: the
 * in-browser demo signer bundles this file. Protection is PBES2 (PBKDF2-SHA-256, AES-256-CBC)
 * with a SHA-256 MAC, which OpenSSL 3 and Java 11+ read. Files protected with the legacy PKCS#12
 * ciphers (3DES, RC2 — as NCA's own key files are) need ciphers WebCrypto lacks and are refused.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { digest, pkiEngine, toArrayBuffer } from './cms.ts';

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';
const FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
const PBES2 = '1.2.840.113549.1.5.13';
const ITERATIONS = 2048;

export interface Pkcs12Contents {
  certificateDer: Uint8Array;
  chainDer: Uint8Array[];
  privateKeyPkcs8: Uint8Array;
}

function encryption(password: ArrayBuffer) {
  // pkijs draws the IV itself; its type asks for one all the same.
  const contentEncryptionAlgorithm = { name: 'AES-CBC', length: 256 } as pkijs.ContentEncryptionAesCbcParams;
  return { password, contentEncryptionAlgorithm, hmacHashAlgorithm: 'SHA-256', iterationCount: ITERATIONS };
}

export async function createPkcs12(input: { certificateDer: Uint8Array; chainDer?: Uint8Array[]; privateKeyPkcs8: Uint8Array; password: string; friendlyName?: string }): Promise<Uint8Array> {
  const crypto = pkiEngine();
  const password = toArrayBuffer(new TextEncoder().encode(input.password));
  const localKeyId = await digest('SHA-1', input.certificateDer);
  const attributes = [new pkijs.Attribute({ type: LOCAL_KEY_ID, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(localKeyId) })] })];
  if (input.friendlyName) attributes.push(new pkijs.Attribute({ type: FRIENDLY_NAME, values: [new asn1js.BmpString({ value: input.friendlyName })] }));

  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: pkijs.PrivateKeyInfo.fromBER(toArrayBuffer(input.privateKeyPkcs8)) });
  await keyBag.makeInternalValues(encryption(password), crypto);
  const certificates = [input.certificateDer, ...(input.chainDer ?? [])];
  const certBags = certificates.map(
    (der, index) =>
      new pkijs.SafeBag({
        bagId: BAG.cert,
        bagValue: new pkijs.CertBag({ parsedValue: pkijs.Certificate.fromBER(toArrayBuffer(der)) }),
        ...(index === 0 ? { bagAttributes: attributes } : {}),
      }),
  );
  // Certificates in an encrypted safe, the (already shrouded) key in a plain one, as OpenSSL lays them out.
  const authenticatedSafe = new pkijs.AuthenticatedSafe({
    parsedValue: {
      safeContents: [
        { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certBags }) },
        { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: [new pkijs.SafeBag({ bagId: BAG.shroudedKey, bagValue: keyBag, bagAttributes: attributes })] }) },
      ],
    },
  });
  await authenticatedSafe.makeInternalValues({ safeContents: [encryption(password), {}] }, crypto);
  const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } });
  await pfx.makeInternalValues({ password, iterations: ITERATIONS, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' }, crypto);
  return new Uint8Array(pfx.toSchema().toBER(false));
}

function octets(value: unknown): Uint8Array | undefined {
  return value instanceof asn1js.OctetString ? new Uint8Array(value.getValue()) : undefined;
}

function localKeyIdOf(bag: pkijs.SafeBag): string | undefined {
  const attribute = bag.bagAttributes?.find((a) => a.type === LOCAL_KEY_ID);
  const value = octets(attribute?.values[0]);
  return value ? Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('') : undefined;
}

/** Decrypts with the password; a legacy cipher is reported as such, anything else as a wrong password. */
async function decrypting<T>(algorithmId: string, run: () => Promise<T>): Promise<T> {
  if (algorithmId !== PBES2) throw new Error('unsupported_pkcs12');
  try {
    return await run();
  } catch {
    throw new Error('wrong_password');
  }
}

/** Opens a PKCS#12 file: the key, its certificate, and the other certificates as the chain. Wrong password → Error('wrong_password'). */
export async function parsePkcs12(p12: Uint8Array, password: string): Promise<Pkcs12Contents> {
  const crypto = pkiEngine();
  const passwordBuffer = toArrayBuffer(new TextEncoder().encode(password));
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(toArrayBuffer(p12));
  } catch {
    throw new Error('not_pkcs12');
  }
  try {
    await pfx.parseInternalValues({ password: passwordBuffer, checkIntegrity: pfx.macData !== undefined }, crypto);
  } catch {
    throw new Error(pfx.authSafe.contentType === pkijs.ContentInfo.DATA ? 'wrong_password' : 'unsupported_pkcs12');
  }
  const authenticatedSafe = pfx.parsedValue?.authenticatedSafe;
  if (!authenticatedSafe) throw new Error('not_pkcs12');
  // Parsed from a copy: pkijs's schema matching marks the tree it reads, and pkijs reads it again below.
  const encrypted = authenticatedSafe.safeContents.map((content) =>
    content.contentType === pkijs.ContentInfo.ENCRYPTED_DATA
      ? pkijs.EncryptedData.fromBER(content.content.toBER(false)).encryptedContentInfo.contentEncryptionAlgorithm.algorithmId
      : undefined,
  );
  await decrypting(encrypted.find((id) => id !== undefined) ?? PBES2, () =>
    authenticatedSafe.parseInternalValues({ safeContents: authenticatedSafe.safeContents.map(() => ({ password: passwordBuffer })) }, crypto),
  );

  const keys: { id: string | undefined; pkcs8: Uint8Array }[] = [];
  const certificates: { id: string | undefined; der: Uint8Array }[] = [];
  for (const { value } of authenticatedSafe.parsedValue?.safeContents ?? []) {
    for (const bag of value.safeBags) {
      if (bag.bagId === BAG.shroudedKey && bag.bagValue instanceof pkijs.PKCS8ShroudedKeyBag) {
        const shrouded = bag.bagValue;
        await decrypting(shrouded.encryptionAlgorithm.algorithmId, () => shrouded.parseInternalValues({ password: passwordBuffer }, crypto));
        if (shrouded.parsedValue) keys.push({ id: localKeyIdOf(bag), pkcs8: new Uint8Array(shrouded.parsedValue.toSchema().toBER(false)) });
      } else if (bag.bagId === BAG.key && bag.bagValue instanceof pkijs.PrivateKeyInfo) {
        keys.push({ id: localKeyIdOf(bag), pkcs8: new Uint8Array(bag.bagValue.toSchema().toBER(false)) });
      } else if (bag.bagId === BAG.cert && bag.bagValue instanceof pkijs.CertBag && bag.bagValue.certId === X509_CERTIFICATE) {
        const der = octets(bag.bagValue.certValue);
        if (der) certificates.push({ id: localKeyIdOf(bag), der });
      }
    }
  }
  const key = keys[0];
  if (!key) throw new Error('no_private_key');
  // The key's certificate shares its localKeyId; without one, the first certificate is taken.
  const own = certificates.find((c) => key.id !== undefined && c.id === key.id) ?? certificates[0];
  if (!own) throw new Error('no_certificate');
  return { certificateDer: own.der, chainDer: certificates.filter((c) => c !== own).map((c) => c.der), privateKeyPkcs8: key.pkcs8 };
}
