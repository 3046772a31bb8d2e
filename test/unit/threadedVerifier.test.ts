import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignatureVerifier, EdsError, type SignatureVerifier } from '../../src/adapters/eds/index.ts';
import { createThreadedVerifier, type ThreadedVerifier } from '../../src/adapters/eds/threadedVerifier.ts';
import { flipSignatureByte, issueSigningKey, makeIntermediateCa, makeRootCa, signContent, testIin, utf8, type TestCa, type TestSigner } from '../support/pki.ts';

const manifest = utf8('{"filing":"claim","attachments":["sha256:…"]}');

describe('EDS checks on worker threads', () => {
  const now = new Date();
  let root: TestCa;
  let signer: TestSigner;
  let chain: Uint8Array[];
  let inProcess: SignatureVerifier;
  let threaded: ThreadedVerifier;

  beforeAll(async () => {
    root = await makeRootCa();
    const intermediate = await makeIntermediateCa(root);
    chain = [intermediate.certificateDer];
    signer = await issueSigningKey(intermediate, { person: { fullName: 'Сәрсенова Динара Асқарқызы', iin: testIin(9300) } });
    inProcess = createSignatureVerifier({ trustedRoots: [root.certificateDer] });
    threaded = createThreadedVerifier({ trustedRoots: [root.certificateDer] }, 2);
  });
  afterAll(() => threaded?.close());

  it('names the signer exactly as the check in the process does, on as many threads as are busy, up to the limit', async () => {
    const cms = await signContent(signer, manifest, { chain });
    const input = { cms, content: manifest, at: now, purpose: 'signing' as const };
    const expected = await inProcess.verify(input);
    const identities = await Promise.all([1, 2, 3, 4].map(() => threaded.verify(input)));
    for (const identity of identities) expect(identity).toEqual(expected);
    expect(expected.iin).toBe(testIin(9300));
    expect(threaded.threads).toBe(2);
  });

  it('refuses what the check in the process refuses, with the same code', async () => {
    const good = await signContent(signer, manifest, { chain });
    const cases = [
      { cms: flipSignatureByte(good), content: manifest },
      { cms: good, content: utf8('another manifest') },
      { cms: await signContent(signer, manifest), content: manifest },
      { cms: utf8('not a CMS at all'), content: manifest },
    ];
    for (const { cms, content } of cases) {
      const input = { cms, content, at: now, purpose: 'signing' as const };
      const expected = await inProcess.verify(input).then(() => 'accepted', (error: EdsError) => error.code);
      const got = await threaded.verify(input).then(() => 'accepted', (error: unknown) => (error instanceof EdsError ? error.code : `not an EdsError: ${String(error)}`));
      expect(got).toBe(expected);
      expect(got).not.toBe('accepted');
    }
  });

  it('refuses every check once closed', async () => {
    const verifier = createThreadedVerifier({ trustedRoots: [root.certificateDer] }, 1);
    const cms = await signContent(signer, manifest, { chain });
    await verifier.verify({ cms, content: manifest, at: now, purpose: 'signing' });
    await verifier.close();
    await expect(verifier.verify({ cms, content: manifest, at: now, purpose: 'signing' })).rejects.toMatchObject({ code: 'verifier_unavailable' });
  });
});

describe('a worker thread that dies', () => {
  const standIn = new URL('../support/dyingEdsWorker.mjs', import.meta.url);
  const input = (text: string) => ({ cms: utf8('cms'), content: utf8(text), at: new Date(), purpose: 'signing' as const });
  const dying = (deaths: number) => {
    const shared = new SharedArrayBuffer(4);
    new Int32Array(shared)[0] = deaths;
    return createThreadedVerifier({ trustedRoots: [], deaths: shared } as never, 2, standIn);
  };

  it('takes its checks to a new thread, which answers them', async () => {
    const verifier = dying(1);
    try {
      expect((await verifier.verify(input('first'))).fullName).toBe('first');
    } finally {
      await verifier.close();
    }
  });

  it('fails a check that loses its thread twice as unavailable, and the next check is answered', async () => {
    const verifier = dying(2);
    try {
      await expect(verifier.verify(input('unlucky'))).rejects.toMatchObject({ name: 'EdsError', code: 'verifier_unavailable' });
      expect((await verifier.verify(input('next'))).fullName).toBe('next');
    } finally {
      await verifier.close();
    }
  });
});
