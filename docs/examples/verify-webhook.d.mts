export declare const TOLERANCE_SECONDS: number;
export type Verdict = { ok: true; id: string } | { ok: false; reason: 'missing_headers' | 'stale' | 'bad_signature' };
export declare function verifyWebhook(input: { secret: string; headers: Record<string, string | string[] | undefined>; body: string; now?: number }): Verdict;
export interface ReceiveResult {
  status: number;
  outcome: 'processed' | 'duplicate' | 'refused';
  reason?: string;
}
export declare function createWebhookReceiver(options: {
  secret: string;
  process: (event: unknown) => Promise<void> | void;
  seen?: { has(id: string): boolean; add(id: string): unknown };
  now?: () => number;
}): (headers: Record<string, string | string[] | undefined>, body: string) => Promise<ReceiveResult>;
