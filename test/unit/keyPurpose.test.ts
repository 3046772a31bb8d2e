import { describe, expect, it } from 'vitest';
import { keyKind, keyPurposeProblem, keyUsageFacts, type KeyUsageFacts } from '../../src/adapters/eds/index.ts';
import { parseCertificate } from '../../src/pki/cms.ts';
import { EKU, issueAuthKey, issueSigner, issueSigningKey, makeRootCa } from '../support/pki.ts';

const bits = (digitalSignature: boolean, nonRepudiation: boolean, keyEncipherment: boolean) => ({ digitalSignature, nonRepudiation, keyEncipherment });
const ROLE_INDIVIDUAL = '1.2.398.3.3.4.1.1';

describe('which of the two NCA keys a certificate is', () => {
  it.each<[string, KeyUsageFacts, ReturnType<typeof keyKind>]>([
    ['AUTH_RSA: digitalSignature + keyEncipherment, clientAuth', { keyUsage: bits(true, false, true), extendedKeyUsage: [EKU.clientAuth, ROLE_INDIVIDUAL] }, 'authentication'],
    ['RSA: digitalSignature + nonRepudiation, emailProtection', { keyUsage: bits(true, true, false), extendedKeyUsage: [EKU.emailProtection, ROLE_INDIVIDUAL] }, 'signing'],
    ['a signing key without extKeyUsage', { keyUsage: bits(true, true, false), extendedKeyUsage: undefined }, 'signing'],
    ['an authentication key without extKeyUsage', { keyUsage: bits(true, false, true), extendedKeyUsage: undefined }, 'authentication'],
    ['nonRepudiation whose extKeyUsage says clientAuth only', { keyUsage: bits(true, true, false), extendedKeyUsage: [EKU.clientAuth] }, 'neither'],
    ['no nonRepudiation whose extKeyUsage says emailProtection only', { keyUsage: bits(true, false, true), extendedKeyUsage: [EKU.emailProtection] }, 'neither'],
    ['no digitalSignature', { keyUsage: bits(false, true, true), extendedKeyUsage: [EKU.clientAuth, EKU.emailProtection] }, 'neither'],
    ['no keyUsage at all', { keyUsage: undefined, extendedKeyUsage: [EKU.clientAuth] }, 'no-key-usage'],
  ])('%s', (_, facts, kind) => {
    expect(keyKind(facts)).toBe(kind);
  });
});

describe('what each key may be used for', () => {
  it('signs in only with the authentication key, and says so of the signing key', () => {
    expect(keyPurposeProblem('authentication', 'authentication')).toBeUndefined();
    expect(keyPurposeProblem('signing', 'authentication')).toBe('signing_key_at_sign_in');
  });

  it('signs documents only with the signing key, and says so of the authentication key', () => {
    expect(keyPurposeProblem('signing', 'signing')).toBeUndefined();
    expect(keyPurposeProblem('authentication', 'signing')).toBe('authentication_key_for_document');
  });

  it('refuses a certificate without keyUsage, and one that is neither key, for anything', () => {
    for (const purpose of ['authentication', 'signing'] as const) {
      expect(keyPurposeProblem('no-key-usage', purpose)).toBe('key_usage_missing');
      expect(keyPurposeProblem('neither', purpose)).toBe('key_usage_not_allowed');
    }
  });
});

describe('reading the facts from a certificate', () => {
  it('reads the test keys as NCA issues them', async () => {
    const root = await makeRootCa();
    expect(keyKind(keyUsageFacts(parseCertificate((await issueAuthKey(root)).certificateDer)))).toBe('authentication');
    expect(keyKind(keyUsageFacts(parseCertificate((await issueSigningKey(root)).certificateDer)))).toBe('signing');
    const bare = keyUsageFacts(parseCertificate((await issueSigner(root, { keyUsage: null, extendedKeyUsage: null })).certificateDer));
    expect(bare).toEqual({ keyUsage: undefined, extendedKeyUsage: undefined });
    expect(keyUsageFacts(parseCertificate((await issueAuthKey(root)).certificateDer))).toEqual({ keyUsage: bits(true, false, true), extendedKeyUsage: [EKU.clientAuth] });
  });
});
