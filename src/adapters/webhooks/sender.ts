/**
 * One POST of a signed webhook to an organisation's endpoint, with Node's fetch. It never throws:
 * whatever the receiver does (an error, a hang, a closed port, a redirect) comes back as an
 * outcome for the delivery log, so no receiver can stop the worker.
 */
import type { AttemptOutcome } from '../../domain/webhooks.ts';

export const ID_HEADER = 'sot-webhook-id';
export const TIMESTAMP_HEADER = 'sot-webhook-timestamp';
export const SIGNATURE_HEADER = 'sot-webhook-signature';

export interface SignedWebhook {
  url: string;
  id: string;
  timestamp: number;
  body: string;
  signature: string;
}

export interface PostResult {
  outcome: AttemptOutcome;
  durationMs: number;
  /** The start of the receiver's answer, for the log; at most 200 characters. */
  snippet: string | null;
}

const SNIPPET = 200;

export type WebhookPoster = (request: SignedWebhook, timeoutMs: number) => Promise<PostResult>;

export const postWebhook: WebhookPoster = async (request, timeoutMs) => {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Sot-Webhooks/1',
        [ID_HEADER]: request.id,
        [TIMESTAMP_HEADER]: String(request.timestamp),
        [SIGNATURE_HEADER]: request.signature,
      },
      body: request.body,
      signal,
      // A redirect would carry the signed body to an address the administrator did not register.
      redirect: 'manual',
    });
    const snippet = await readSnippet(response);
    return { outcome: { kind: 'status', status: response.status }, durationMs: Math.round(performance.now() - started), snippet };
  } catch (error) {
    const timedOut = signal.aborted || (error as Error).name === 'TimeoutError';
    return { outcome: { kind: timedOut ? 'timeout' : 'network' }, durationMs: Math.round(performance.now() - started), snippet: null };
  }
};

/** Reads no more of the answer than the log keeps, then lets the connection go. */
async function readSnippet(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  let text = '';
  const decoder = new TextDecoder();
  try {
    while (text.length < SNIPPET) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The receiver closed mid-answer: the status is what counts.
  } finally {
    await reader.cancel().catch(() => {});
  }
  const cut = text.slice(0, SNIPPET).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return cut || null;
}
