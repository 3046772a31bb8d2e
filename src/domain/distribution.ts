import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from './canonicalJson.ts';

/**
 * Automated distribution of a registered case to a judge. The draw is random but reproducible:
 * everything it depends on (the candidates as they stood, the seed, the case id) goes into the
 * protocol, so a party can re-run it and get the same judge, and nobody can pick a judge by
 * re-ordering a list or re-drawing quietly — the seed is recorded before the result is known.
 */

export interface Candidate {
  judgeId: string;
  /** Case categories the judge hears (the court's specialisation). */
  categories: readonly string[];
  onLeave: boolean;
  recused: boolean;
  /** Cases the judge has open now; the draw leans towards the less loaded. */
  openCases: number;
}

export interface DrawInput {
  caseId: string;
  category: string;
  candidates: readonly Candidate[];
  /** 32 random bytes as 64 lowercase hex digits, made by the caller and stored with the case. */
  seed: string;
}

export interface EligibleJudge {
  judgeId: string;
  weight: number;
}

export interface DrawResult {
  judgeId: string;
  /** Judges who could be drawn, in judgeId order, with the weight each was drawn with. */
  eligible: EligibleJudge[];
  /** The uniform value in [0, 1) that chose the judge. */
  ticket: number;
  /** The distribution protocol: canonical JSON of the inputs, weights, ticket and result. */
  protocol: string;
  protocolSha256: string;
}

/** Nobody in the court may hear the case now; the registry must resolve it by hand. */
export class NoEligibleJudgeError extends Error {
  constructor(
    readonly caseId: string,
    readonly category: string,
  ) {
    super(`no eligible judge for case ${caseId} in category ${category}`);
    this.name = 'NoEligibleJudgeError';
  }
}

// Named in the protocol so that a change of rule later cannot make old protocols fail to verify
// silently: an unknown method is simply not ours to re-run.
const METHOD = 'sot-distribution/1';

/**
 * The ticket: HMAC-SHA256 keyed with the seed over the case id, first 53 bits, divided by 2^53.
 * 53 bits is exactly what a double holds, so the value is exact and the same in any language.
 * Keying by the case id means one seed cannot be replayed to steer a different case.
 */
export function drawTicket(seed: string, caseId: string): number {
  const mac = createHmac('sha256', Buffer.from(seed, 'hex')).update(caseId, 'utf8').digest();
  return Number(mac.readBigUInt64BE(0) >> 11n) / 2 ** 53;
}

export function drawJudge(input: DrawInput): DrawResult {
  const { caseId, category, seed } = input;
  if (!/^[0-9a-f]{64}$/.test(seed)) throw new RangeError('seed must be 32 bytes as lowercase hex');
  // Only these five fields, named one by one: a caller's row may carry more (names, notes) that
  // must not reach the public protocol, and a protocol with extra fields must not verify.
  const candidates = input.candidates
    .map(({ judgeId, categories, onLeave, recused, openCases }) => ({ judgeId, categories: [...categories].sort(), onLeave, recused, openCases }))
    .sort((a, b) => (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0));
  for (let i = 1; i < candidates.length; i++) {
    if (candidates[i]!.judgeId === candidates[i - 1]!.judgeId) throw new RangeError(`judge listed twice: ${candidates[i]!.judgeId}`);
  }
  for (const c of candidates) {
    if (!Number.isSafeInteger(c.openCases) || c.openCases < 0) throw new RangeError(`open cases of ${c.judgeId} must be a whole number`);
    if (typeof c.onLeave !== 'boolean' || typeof c.recused !== 'boolean') throw new TypeError(`availability of ${c.judgeId} must be true or false`);
  }

  const available = candidates.filter((c) => !c.onLeave && !c.recused && c.categories.includes(category));
  if (available.length === 0) throw new NoEligibleJudgeError(caseId, category);

  // Weight 1 / (1 + cases above the least-loaded eligible judge). Measured from the minimum so
  // the rule depends only on differences in load: a court where everyone has 200 cases draws
  // like one where everyone has none. A judge k cases ahead is k+1 times less likely to get the
  // next case than the least loaded, which pulls loads together: over 10,000 registrations the
  // spread stays within a few cases (see the fairness test).
  const minOpen = Math.min(...available.map((c) => c.openCases));
  const excess = available.map((c) => c.openCases - minOpen);
  const eligible = available.map((c, i) => ({ judgeId: c.judgeId, weight: 1 / (1 + excess[i]!) }));

  const ticket = drawTicket(seed, caseId);
  const judgeId = pick(eligible, ticket);

  const protocol = canonicalJson({
    method: METHOD,
    caseId,
    category,
    seed,
    candidates,
    // As exact fractions: canonical JSON holds integers and strings, and "1/4" is what a party
    // can check by hand against the open cases listed above.
    eligible: available.map((c, i) => ({ judgeId: c.judgeId, weight: `1/${1 + excess[i]!}` })),
    // The shortest decimal that reads back as the same double, as JavaScript and Python print it.
    ticket: String(ticket),
    judgeId,
  });
  return { judgeId, eligible, ticket, protocol, protocolSha256: createHash('sha256').update(protocol, 'utf8').digest('hex') };
}

/**
 * Walks the judges in judgeId order, adding weights, and takes the first whose running total
 * exceeds ticket × total weight. Sums are in IEEE doubles in that fixed order, so any verifier
 * doing the same gets the same judge.
 */
function pick(eligible: readonly EligibleJudge[], ticket: number): string {
  const total = eligible.reduce((sum, e) => sum + e.weight, 0);
  const target = ticket * total;
  let running = 0;
  for (const e of eligible) {
    running += e.weight;
    if (target < running) return e.judgeId;
  }
  // Only reachable by rounding when the ticket is a hair below 1.
  return eligible[eligible.length - 1]!.judgeId;
}

/**
 * Re-runs the draw from the protocol's own inputs and accepts it only if the result is the same
 * protocol byte for byte: same eligible judges and weights, same ticket, same judge. Comparing
 * the whole text, rather than picking fields, means nothing in it can be altered unnoticed, and
 * a malformed protocol cannot pass, since it cannot equal what a real draw writes.
 */
export function verifyDraw(protocol: string): boolean {
  try {
    const recorded = JSON.parse(protocol) as Record<string, unknown>;
    if (recorded.method !== METHOD) return false;
    const rerun = drawJudge({
      caseId: recorded.caseId as string,
      category: recorded.category as string,
      seed: recorded.seed as string,
      candidates: recorded.candidates as Candidate[],
    });
    return rerun.protocol === protocol;
  } catch {
    return false;
  }
}
