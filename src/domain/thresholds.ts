import type { ClaimantType } from './filingTypes.ts';
import type { IsoDate } from './duty/rates.ts';

/**
 * Dated limits the procedure codes set in MCI, as reference data that operators maintain with
 * their legal basis (`/admin/reference`). The values here are the ones Sot ships with.
 */
export const THRESHOLD_KEYS = ['cassation_min_claim'] as const;
export type ThresholdKey = (typeof THRESHOLD_KEYS)[number];

export interface ThresholdRow {
  key: ThresholdKey;
  claimantType: ClaimantType;
  mci: number;
  from: IsoDate;
  /** Absent while in force. */
  to?: IsoDate;
  basis: string;
}

export const INITIAL_THRESHOLDS: readonly ThresholdRow[] = [
  // No cassation for property claims under 2,000 MCI (individuals) or 30,000 MCI (legal
  // entities); reported to lapse on 1 July 2027, so the row ends the day before.
  { key: 'cassation_min_claim', claimantType: 'individual', mci: 2_000, from: '2025-07-01', to: '2027-06-30', basis: 'CPC Art. 434(2)' },
  { key: 'cassation_min_claim', claimantType: 'legal', mci: 30_000, from: '2025-07-01', to: '2027-06-30', basis: 'CPC Art. 434(2)' },
];

/** The limit of `key` for a claimant on a day, or undefined when none is in force. */
export function thresholdOn(rows: readonly ThresholdRow[], key: ThresholdKey, claimantType: ClaimantType, day: IsoDate): ThresholdRow | undefined {
  return rows.find((row) => row.key === key && row.claimantType === claimantType && row.from <= day && (row.to === undefined || day <= row.to));
}
