/**
 * EDS verification on worker threads (`verifyWorker.ts`), so that checking a filing's signature
 * does not block the event loop. Threads start when first needed, up to `threads`; each check
 * goes to the thread with the fewest in hand. A thread that dies is replaced, and the checks it
 * held are tried once more on another; a check that loses its thread twice fails as
 * `verifier_unavailable`, never as a crash of the server.
 */
import { Worker } from 'node:worker_threads';
import type { SignatureVerifierOptions } from './index.ts';
import { EdsError, type EdsFailureCode, type SignatureVerifier, type SignerIdentity, type VerifyInput } from './types.ts';

export interface VerifyRequest {
  id: number;
  input: VerifyInput;
}

export type VerifyReply = { id: number; identity: SignerIdentity } | { id: number; error: { code: EdsFailureCode; message: string } };

export interface ThreadedVerifier extends SignatureVerifier {
  /** Threads running now (for tests and metrics). */
  readonly threads: number;
  /** Stops every thread; checks still in hand fail as `verifier_unavailable`. */
  close(): Promise<void>;
}

interface Task {
  input: VerifyInput;
  resolve: (identity: SignerIdentity) => void;
  reject: (error: EdsError) => void;
  retried: boolean;
}

interface Thread {
  worker: Worker;
  inHand: Map<number, Task>;
  lost: boolean;
}

/**
 * A check makes short-lived garbage only; a smaller young generation than V8's default keeps each
 * thread about 20 MB lighter at the same rate of checks (measured: two threads 263 MB → 223 MB of
 * process RSS after a thousand checks, 124 and 128 checks a second).
 */
const YOUNG_GENERATION_MB = 8;

/** The worker: the release's bundle beside this code, or in development and tests the TypeScript source (`verifyWorker.dev.mjs`). */
function workerScript(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './verifyWorker.dev.mjs' : './edsWorker.js', import.meta.url);
}

/**
 * `options` go to each thread as they are: no functions (the threads use the global fetch).
 * `script` replaces the worker (tests, with one that fails on cue).
 */
export function createThreadedVerifier(options: Omit<SignatureVerifierOptions, 'fetchImpl'>, threads: number, script: URL = workerScript()): ThreadedVerifier {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a whole number from 1: ${threads}`);
  const running: Thread[] = [];
  let nextId = 0;
  let closed = false;

  function start(): Thread {
    const worker = new Worker(script, { workerData: options, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const thread: Thread = { worker, inHand: new Map(), lost: false };
    // An idle thread does not keep the process alive; one with checks in hand does.
    worker.unref();
    worker.on('message', (reply: VerifyReply) => {
      const task = thread.inHand.get(reply.id);
      if (!task) return;
      thread.inHand.delete(reply.id);
      if (thread.inHand.size === 0) worker.unref();
      if ('error' in reply) task.reject(new EdsError(reply.error.code, reply.error.message));
      else task.resolve(reply.identity);
    });
    const lose = () => {
      if (thread.lost) return;
      thread.lost = true;
      running.splice(running.indexOf(thread), 1);
      const orphans = [...thread.inHand.values()];
      thread.inHand.clear();
      for (const task of orphans) {
        if (closed || task.retried) task.reject(new EdsError('verifier_unavailable', 'the signature check stopped'));
        else {
          task.retried = true;
          dispatch(task);
        }
      }
    };
    worker.on('error', lose);
    worker.on('exit', lose);
    return thread;
  }

  function dispatch(task: Task): void {
    let thread = running.reduce<Thread | undefined>((best, t) => (!best || t.inHand.size < best.inHand.size ? t : best), undefined);
    if (!thread || (thread.inHand.size > 0 && running.length < threads)) {
      thread = start();
      running.push(thread);
    }
    const id = nextId++;
    thread.inHand.set(id, task);
    thread.worker.ref();
    thread.worker.postMessage({ id, input: task.input } satisfies VerifyRequest);
  }

  return {
    get threads() {
      return running.length;
    },
    verify(input) {
      if (closed) return Promise.reject(new EdsError('verifier_unavailable', 'the verifier is closed'));
      return new Promise<SignerIdentity>((resolve, reject) => dispatch({ input, resolve, reject, retried: false }));
    },
    async close() {
      closed = true;
      await Promise.all([...running].map((thread) => thread.worker.terminate()));
    },
  };
}
