import { courtDateIso } from '../courtTime.ts';
import type { CaseCategory } from '../caseKinds.ts';
import type { ClaimantType, FilingType } from '../filingTypes.ts';
import { COURT_ORDER_DEMAND_RULES, type CourtOrderDemand } from '../courtOrders.ts';
import {
  EXEMPTIONS,
  RATES,
  inForce,
  type AlimonyClaim,
  type DutyRule,
  type ExemptionCode,
  type FilerStanding,
  type ExemptionGround,
  type IsoDate,
  type ExemptionRow,
  type MciYear,
  type MciRate,
  type PercentRate,
  type RateRow,
} from './rates.ts';

export const DUTY_INPUT_ERRORS = ['amount_required', 'amount_invalid', 'category_not_allowed', 'date_out_of_range', 'mci_missing'] as const;
export type DutyInputErrorCode = (typeof DUTY_INPUT_ERRORS)[number];

/** Input the duty cannot be quoted for; each code is a 4xx for the caller. */
export class DutyInputError extends Error {
  constructor(
    readonly code: DutyInputErrorCode,
    /** The year whose MCI is not entered, with `mci_missing`. */
    readonly year?: number,
  ) {
    super(code);
    this.name = 'DutyInputError';
  }
}

/** 10 trillion tenge: far above any real claim, and low enough to keep tiyn exact in a number. */
export const MAX_AMOUNT_TIYN = 10 ** 15;

export interface DutyInput {
  filingType: FilingType;
  claimantType: ClaimantType;
  category: CaseCategory;
  /** Claim value in tiyn (1 ₸ = 100 tiyn); needed where the duty is a percentage of it. */
  amountTiyn?: number;
  /** The payment date; the MCI and the rates are those of that day in Kazakhstan. */
  date: Date;
  /**
   * How the filer stands in the case. The exemptions of Tax Code 2026 Art. 668 are mostly the
   * claimant's, at first instance and on their appeal and cassation (Art. 668, part 2): a
   * defendant's cassation complaint in a labour case is not exempt by the category.
   */
  standing: FilerStanding;
  /** A ground the filer claims; labour claims and claims to recover alimony are exempt by their category. */
  exemption?: ExemptionCode;
  /** In an alimony case, what the claim asks; only a claim to recover alimony is exempt (Art. 668(4)). */
  alimonyClaim?: AlimonyClaim;
  /**
   * A non-property claim that also carries a property demand (property divided on divorce):
   * it pays both rates, the property one on `amountTiyn`.
   */
  alsoPropertyDemand?: boolean;
  /** For an application for a court order: which demand of CPC Art. 135 it is. */
  courtOrderDemand?: CourtOrderDemand;
}

/** One rate applied to the claim, before any share is taken. */
export interface DutyPart {
  ruleId: string;
  rule: DutyRule;
  article: string;
  rate: PercentRate | MciRate;
  /** The claim value a percentage was taken of. */
  baseTiyn?: number;
  /** The cap of a percentage rate in tiyn, at the MCI of the day. */
  capTiyn?: number;
  /** The percentage exceeded the cap, so the cap was charged. */
  capped: boolean;
  amountTiyn: number;
}

/** A share of the parts' sum (court order, cassation), with the amount after taking it. */
export interface DutyShare {
  ruleId: string;
  rule: DutyRule;
  article: string;
  percent: number;
  amountTiyn: number;
}

export type DutyComputation =
  /** Nothing is charged for this filing (an appeal, a petition). */
  | { kind: 'not_dutiable'; rule: DutyRule }
  | { kind: 'exempt'; ground: ExemptionGround }
  | {
      kind: 'rate';
      rule: DutyRule;
      parts: DutyPart[];
      shares: DutyShare[];
      capped: boolean;
      /** A share of another rate was charged (50% under the current law). */
      halved: boolean;
    };

/** What a filing still owes: the amount and the article it was computed by. */
export interface OwedDuty {
  amountTiyn: number;
  /** The article the amount was computed by. */
  basis: string | null;
}

export interface DutyQuote {
  amountTiyn: number;
  exempt: boolean;
  /** The rate row applied, or the exemption row when exempt. */
  basis: { ruleId: string; article: string };
  /** The MCI of the payment's year; null when the year has none entered and the answer needed none. */
  mciTenge: number | null;
  computation: DutyComputation;
}

interface Context extends DutyInput {
  day: IsoDate;
  rows: RateRow[];
}

/** Which rows make up the duty of a filing, found before any amount is needed. */
interface Plan {
  row: RateRow;
  parts: RateRow[];
  shares: { row: RateRow; percent: number }[];
}

/**
 * The state duty for a filing paid on a given day, at the MCI of that day's year as operators
 * entered it. Each step rounds half up to the tiyn, as a person checking the quote would: the
 * rate, then each share of it. A year whose MCI is not entered is refused, never guessed.
 */
export function quoteDuty(input: DutyInput, mciYears: readonly MciYear[]): DutyQuote {
  const day = paymentDay(input.date);
  const rows = RATES.filter((row) => inForce(row, day));
  if (rows.length === 0) throw new DutyInputError('date_out_of_range');
  const year = Number(day.slice(0, 4));
  const mci = mciYears.find((row) => row.year === year);
  const amountTiyn = checkedAmount(input.amountTiyn);
  const context: Context = { ...input, amountTiyn, day, rows };
  const plan = planFiling(context, input.filingType, input.category);
  const basis = { ruleId: plan.row.id, article: plan.row.article };

  // Nothing to charge, or exempt: the answer needs no MCI, so a year without one still gets it.
  if (plan.row.rate.kind === 'none') {
    return { amountTiyn: 0, exempt: false, basis, mciTenge: mci?.tenge ?? null, computation: { kind: 'not_dutiable', rule: plan.row.rule } };
  }
  const exemption = exemptionFor(context);
  if (exemption) {
    return {
      amountTiyn: 0,
      exempt: true,
      basis: { ruleId: exemption.id, article: exemption.article },
      mciTenge: mci?.tenge ?? null,
      computation: { kind: 'exempt', ground: exemption.ground },
    };
  }
  if (!mci) throw new DutyInputError('mci_missing', year);
  const mciTenge = mci.tenge;

  const parts = plan.parts.map((row) => pricePart(row, amountTiyn, mciTenge));
  let total = parts.reduce((sum, part) => sum + part.amountTiyn, 0);
  const shares = plan.shares.map(({ row, percent }): DutyShare => {
    total = roundHalfUp(ratio(total).times(decimal(percent)).over(100));
    return { ruleId: row.id, rule: row.rule, article: row.article, percent, amountTiyn: total };
  });
  return {
    amountTiyn: total,
    exempt: false,
    basis,
    mciTenge,
    computation: { kind: 'rate', rule: plan.row.rule, parts, shares, capped: parts.some((p) => p.capped), halved: shares.length > 0 },
  };
}

/** The calendar day of payment in Kazakhstan: 31 Dec 20:00 UTC is already 1 January there. */
function paymentDay(date: Date): IsoDate {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new DutyInputError('date_out_of_range');
  return courtDateIso(date) as IsoDate;
}

function checkedAmount(amountTiyn: number | undefined): number | undefined {
  if (amountTiyn === undefined) return undefined;
  if (!Number.isInteger(amountTiyn) || amountTiyn <= 0 || amountTiyn > MAX_AMOUNT_TIYN) throw new DutyInputError('amount_invalid');
  return amountTiyn;
}

function rowsFor(context: Context, filing: FilingType, category: CaseCategory): RateRow[] {
  return context.rows.filter(
    ({ applies }) =>
      applies.filings.includes(filing) &&
      (!applies.categories || applies.categories.includes(category)) &&
      (!applies.claimantTypes || applies.claimantTypes.includes(context.claimantType)),
  );
}

function planFiling(context: Context, filing: FilingType, category: CaseCategory): Plan {
  const matching = rowsFor(context, filing, category);
  const [row] = matching;
  if (!row) throw new DutyInputError('category_not_allowed');
  switch (row.rate.kind) {
    case 'none':
      return { row, parts: [], shares: [] };
    case 'share': {
      // A court order is about a sum of money, priced as a property claim; a cassation complaint
      // pays a share of what the case paid at first instance.
      const base =
        row.rate.of === 'property_claim'
          ? planFiling(context, 'claim', courtOrderValued(context) ? 'property' : 'non_property')
          : planFiling(context, category === 'court_order' ? 'court_order_application' : 'claim', category);
      return { row, parts: base.parts, shares: [...base.shares, { row, percent: row.rate.percent }] };
    }
    default:
      return planClaim(context, matching);
  }
}

/**
 * Housing, inheritance, labour and alimony claims may be valued (a flat, a share of an estate,
 * wage arrears) or not (eviction, a longer term to accept an inheritance, reinstatement): a
 * stated claim value says which.
 */
const VALUED_WHEN_STATED: readonly CaseCategory[] = ['housing', 'inheritance', 'labour', 'alimony'];

function planClaim(context: Context, matching: RateRow[]): Plan {
  const wanted = claimDemands(
    context,
    matching.find((row) => row.rate.kind === 'percent'),
    matching.find((row) => row.rate.kind === 'mci'),
  );
  const parts = wanted.filter((row): row is RateRow => row !== undefined);
  const [row] = parts;
  if (!row || parts.length !== wanted.length) throw new DutyInputError('category_not_allowed');
  return { row, parts, shares: [] };
}

function claimDemands(context: Context, byValue: RateRow | undefined, flat: RateRow | undefined): (RateRow | undefined)[] {
  if (!flat) return [byValue];
  // A claim with a property and a non-property demand pays both rates.
  if (context.alsoPropertyDemand) return [flat, byValue];
  if (context.amountTiyn !== undefined && VALUED_WHEN_STATED.includes(context.category)) return [byValue];
  return [flat];
}

/**
 * A court order on a sum of money or the value of property pays half the property-claim rate on
 * it; an agreement to be enforced that names no sum (a refutation to publish) is priced as a
 * non-property demand. A demand that must state a sum is priced by value, and without one the
 * quote asks for it.
 */
function courtOrderValued(context: Context): boolean {
  const demand = context.courtOrderDemand;
  if (demand === undefined || COURT_ORDER_DEMAND_RULES[demand].value === 'required') return true;
  return context.amountTiyn !== undefined;
}

function exemptionFor(context: Context) {
  const applies = (row: ExemptionRow) => inForce(row, context.day) && (row.standing === 'any' || context.standing === 'claimant');
  const rows = EXEMPTIONS.filter(applies);
  const demandGround = context.filingType === 'court_order_application' && context.courtOrderDemand ? COURT_ORDER_DEMAND_RULES[context.courtOrderDemand].exemption : undefined;
  return (
    rows.find((row) => row.categories?.includes(context.category) && (!row.alimonyClaims || (context.alimonyClaim !== undefined && row.alimonyClaims.includes(context.alimonyClaim)))) ??
    (demandGround ? rows.find((row) => row.ground === demandGround) : undefined) ??
    (context.exemption ? rows.find((row) => row.ground === context.exemption) : undefined)
  );
}

function pricePart(row: RateRow, amountTiyn: number | undefined, mciTenge: number): DutyPart {
  const common = { ruleId: row.id, rule: row.rule, article: row.article };
  const mciTiyn = ratio(mciTenge * 100);
  if (row.rate.kind === 'mci') {
    return { ...common, rate: row.rate, capped: false, amountTiyn: roundHalfUp(mciTiyn.times(decimal(row.rate.mci))) };
  }
  if (row.rate.kind !== 'percent') throw new Error(`Rate row ${row.id} is not a part of a claim's duty`);
  if (amountTiyn === undefined) throw new DutyInputError('amount_required');
  const exact = ratio(amountTiyn).times(decimal(row.rate.percent)).over(100);
  const cap = row.rate.capMci === undefined ? undefined : mciTiyn.times(decimal(row.rate.capMci));
  const capped = cap !== undefined && exact.exceeds(cap);
  return {
    ...common,
    rate: row.rate,
    baseTiyn: amountTiyn,
    ...(cap ? { capTiyn: roundHalfUp(cap) } : {}),
    capped,
    amountTiyn: roundHalfUp(capped && cap ? cap : exact),
  };
}

// Exact fractions, so that 0.3 MCI or 3% of a ten-trillion claim lose nothing before rounding.
interface Ratio {
  num: bigint;
  den: bigint;
  times(other: Ratio): Ratio;
  over(divisor: number): Ratio;
  exceeds(other: Ratio): boolean;
}

function makeRatio(num: bigint, den: bigint): Ratio {
  return {
    num,
    den,
    times: (other) => makeRatio(num * other.num, den * other.den),
    over: (divisor) => makeRatio(num, den * BigInt(divisor)),
    exceeds: (other) => num * other.den > other.num * den,
  };
}

function ratio(integer: number): Ratio {
  return makeRatio(BigInt(integer), 1n);
}

/** A rate from the data (0.3, 50, 10000) as an exact fraction. */
function decimal(value: number): Ratio {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(String(value));
  if (!match) throw new Error(`Not a plain decimal rate: ${value}`);
  const fraction = match[2] ?? '';
  return makeRatio(BigInt(match[1]! + fraction), 10n ** BigInt(fraction.length));
}

/** Half a tiyn and more rounds up; amounts are never negative. */
function roundHalfUp(value: Ratio): number {
  return Number((2n * value.num + value.den) / (2n * value.den));
}

// Amounts in tenge as people and forms write them.

/** "1500000" or "1500000.50" to tiyn; undefined for anything else ("1e6", "-5", "1 500 000", three decimals). */
export function parseTenge(text: string): number | undefined {
  const match = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
