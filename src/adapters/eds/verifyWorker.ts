/**
 * A worker thread that checks EDS signatures for `createThreadedVerifier`. Reading a CMS is some
 * milliseconds of synchronous ASN.1 work; done here, it never holds up the event loop that
 * answers everyone else's requests, and a second core checks signatures beside it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSignatureVerifier, type SignatureVerifierOptions } from './index.ts';
import { EdsError } from './types.ts';
import type { VerifyReply, VerifyRequest } from './threadedVerifier.ts';

const verifier = createSignatureVerifier(workerData as SignatureVerifierOptions);

parentPort!.on('message', ({ id, input }: VerifyRequest) => {
  verifier.verify(input).then(
    (identity) => parentPort!.postMessage({ id, identity } satisfies VerifyReply),
    (error: unknown) => {
      // The verifier throws only EdsError; anything else is reported as an unreadable CMS, as it would be in-process.
      const failure = error instanceof EdsError ? { code: error.code, message: error.message } : { code: 'malformed_cms' as const, message: 'the CMS could not be read' };
      parentPort!.postMessage({ id, error: failure } satisfies VerifyReply);
    },
  );
});
