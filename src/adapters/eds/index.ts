/**
 * EDS (ЭЦП) verification. RSA and ECDSA signatures are checked in-process; GOST ones go to an
 * external NCANode when one is configured and are refused otherwise.
 */
import { createBuiltInVerifier, isGost, parseSignedCms, type ParsedCms } from './builtInVerifier.ts';
import { createOcspCrlStatus } from './certificateStatus.ts';
import { createNcaNodeVerifier } from './ncaNodeVerifier.ts';
import { EdsError, type SignatureVerifier } from './types.ts';

export * from './types.ts';
export { createBuiltInVerifier, isGost, parseSignedCms, type ParsedCms } from './builtInVerifier.ts';
export { createNcaNodeVerifier } from './ncaNodeVerifier.ts';
export { createOcspCrlStatus, type OcspCrlOptions } from './certificateStatus.ts';
export { checkKeyPurpose, keyKind, keyPurposeProblem, keyUsageFacts, type KeyKind, type KeyUsageFacts } from './keyPurpose.ts';
export { certificateInfo, formatName, identityFromCertificate } from './identity.ts';
export { findTrustedPath, loadTrustedRoots } from './trustedRoots.ts';

export interface SignatureVerifierOptions {
  /** DER root certificates a signer's chain must end at. */
  trustedRoots: Uint8Array[];
  /** NCANode v3 base URL, for GOST signatures. */
  externalVerifierUrl?: string | undefined;
  /** 'ocsp-crl' asks the addresses in each certificate; 'off' (the default here) asks no one. Config decides per environment. */
  revocation?: 'off' | 'ocsp-crl' | undefined;
  fetchImpl?: typeof fetch | undefined;
}

export function createSignatureVerifier(options: SignatureVerifierOptions): SignatureVerifier {
  const revocation = options.revocation ?? 'off';
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const builtIn = createBuiltInVerifier({
    trustedRoots: options.trustedRoots,
    certificateStatus: revocation === 'ocsp-crl' ? createOcspCrlStatus({ fetchImpl }) : undefined,
  });
  const external = options.externalVerifierUrl
    ? createNcaNodeVerifier({ url: options.externalVerifierUrl, trustedRoots: options.trustedRoots, fetchImpl, revocation })
    : undefined;

  return {
    async verify(input) {
      let parsed: ParsedCms;
      try {
        parsed = await parseSignedCms(input.cms);
      } catch (error) {
        if (error instanceof EdsError) throw error;
        throw new EdsError('malformed_cms', 'the CMS could not be read');
      }
      if (!isGost(parsed)) return builtIn.verifyParsed(parsed, input);
      if (!external) throw new EdsError('unsupported_algorithm', 'GOST signatures need an external verifier (EDS_VERIFIER_URL)');
      return external.verify(input);
    },
  };
}
