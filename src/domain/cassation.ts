import type { IsoDay } from './calendar/holidays.ts';
import type { CourtCalendar } from './calendar/workingDays.ts';
import type { CaseStatus } from './caseStatus.ts';
import { deadline } from './deadlines.ts';
import type { MciYear } from './duty/rates.ts';
import type { ClaimantType } from './filingTypes.ts';
import { thresholdOn, type ThresholdRow } from './thresholds.ts';

/**
 * Who may complain in cassation, by the Civil Procedure Code of 31 October 2015:
 * - only against acts in force where the appeal route was used (Art. 434(1)): the case reached
 *   the appellate instance and its act entered into force, which it does when announced (Art. 431);
 * - never in cases heard in simplified proceedings: court orders (Chapter 12) and simplified
 *   (written) proceedings (Chapter 13) (Art. 434(2)(1));
 * - not in property claims under the threshold of the day (Art. 434(2)(3): 2,000 MCI for
 *   individuals, 30,000 MCI for legal entities; a dated row, reported to lapse on 1 July 2027),
 *   the claim's value weighed at the MCI of the year the claim was filed;
 * - within six months of the appellate act's entry into force (Art. 436(1)).
 */

export const CASSATION_REFUSALS = ['not_in_force', 'court_order', 'simplified', 'no_appeal', 'below_threshold', 'term_passed', 'mci_missing'] as const;
export type CassationRefusal = (typeof CASSATION_REFUSALS)[number];

export const CASSATION_REFUSAL_ARTICLE: Record<CassationRefusal, string> = {
  not_in_force: 'CPC Art. 434(1)',
  court_order: 'CPC Art. 434(2)(1)',
  simplified: 'CPC Art. 434(2)(1)',
  no_appeal: 'CPC Art. 434(1)',
  below_threshold: 'CPC Art. 434(2)(3)',
  term_passed: 'CPC Art. 436(1)',
  mci_missing: 'CPC Art. 434(2)(3)',
};

export interface CassationFacts {
  /** The case the complaint is filed in: the first-instance case or the appellate one. */
  instance: number;
  status: CaseStatus;
  category: string;
  /** The first-instance case was heard in simplified (written) proceedings. */
  simplified: boolean;
  /** The day the appellate act entered into force; null when the appeal route was not used. */
  appellateInForceOn: IsoDay | null;
  /** The claim as filed at first instance, when its value is on record. */
  claim: { claimantType: ClaimantType; amountTiyn: number | null; filedOn: IsoDay } | null;
}

export interface CassationReference {
  mci: readonly MciYear[];
  thresholds: readonly ThresholdRow[];
  calendar: CourtCalendar;
}

export type CassationVerdict =
  | { ok: true; termEndsOn: IsoDay }
  | { ok: false; reason: CassationRefusal; article: string; limitMci?: number; year?: number; termEndsOn?: IsoDay };

function refused(reason: CassationRefusal, extra: { limitMci?: number; year?: number; termEndsOn?: IsoDay } = {}): CassationVerdict {
  return { ok: false, reason, article: CASSATION_REFUSAL_ARTICLE[reason], ...extra };
}

/** Whether a cassation complaint may be filed on `day` in the case the facts describe. */
export function cassationAllowed(facts: CassationFacts, day: IsoDay, reference: CassationReference): CassationVerdict {
  if ((facts.instance !== 1 && facts.instance !== 2) || facts.status !== 'in_force') return refused('not_in_force');
  if (facts.category === 'court_order') return refused('court_order');
  if (facts.simplified) return refused('simplified');
  if (!facts.appellateInForceOn) return refused('no_appeal');
  if (facts.category === 'property' && facts.claim?.amountTiyn != null) {
    const limit = thresholdOn(reference.thresholds, 'cassation_min_claim', facts.claim.claimantType, day);
    if (limit) {
      const year = Number(facts.claim.filedOn.slice(0, 4));
      const mci = reference.mci.find((row) => row.year === year);
      if (!mci) return refused('mci_missing', { year });
      // "Under" the threshold: a claim of exactly the limit may be complained of.
      if (facts.claim.amountTiyn < limit.mci * mci.tenge * 100) return refused('below_threshold', { limitMci: limit.mci });
    }
  }
  const { due } = deadline('cassation', facts.appellateInForceOn, reference.calendar);
  if (day > due) return refused('term_passed', { termEndsOn: due });
  return { ok: true, termEndsOn: due };
}
