import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases } from '../db/schema/index.ts';
import type { CaseCategory } from '../domain/caseKinds.ts';
import { DutyInputError, quoteDuty, type DutyQuote } from '../domain/duty/calculator.ts';
import { ALIMONY_CLAIMS, EXEMPTION_CODES, type AlimonyClaim, type ExemptionCode, type FilerStanding } from '../domain/duty/rates.ts';
import { SotError } from '../errors.ts';
import type { FilingFields } from '../domain/filingFields.ts';
import { parseTengeToTiyn } from '../domain/money.ts';
import type { Filing } from './filings.ts';
import type { MciYear } from '../domain/duty/rates.ts';
import { loadReference } from '../queries/reference.ts';
import { standingOfFiler } from '../queries/partyStanding.ts';

/** A filing made in an existing case: the case's category, and how the filer stands in it. */
export interface InCase {
  category: CaseCategory | undefined;
  standing: FilerStanding;
}

export interface FilingDuty {
  amountTiyn: number;
  exempt: boolean;
  /** The article applied, or null when nothing could be computed yet. */
  basis: string | null;
  /** How it was computed, for the form to explain. */
  quote: DutyQuote | null;
}

/**
 * The duty the filing owes if paid at `at`, from its category, claimant and claim value. A draft
 * without a category yet owes nothing computable; submitting a claim needs a category anyway.
 * A filing that starts a case is the claimant's; one in a case says how its filer stands there.
 */
export function dutyOfFiling(filing: Pick<Filing, 'type' | 'fields'>, at: Date, mci: readonly MciYear[], inCase?: InCase): FilingDuty {
  const fields = filing.fields as FilingFields;
  // In an existing case the case's category decides; the filer names it only for a new one.
  const category = inCase ? inCase.category : fields.category;
  if (!category) return { amountTiyn: 0, exempt: false, basis: null, quote: null };
  const amountTiyn = fields.amount?.trim() ? (parseTengeToTiyn(fields.amount) ?? undefined) : undefined;
  let quote: DutyQuote;
  try {
    quote = quoteDuty({
      filingType: filing.type,
      claimantType: fields.claimantType ?? 'individual',
      category,
      standing: inCase?.standing ?? 'claimant',
      ...(fields.alimonyClaim && isAlimonyClaim(fields.alimonyClaim) ? { alimonyClaim: fields.alimonyClaim } : {}),
      ...(amountTiyn !== undefined ? { amountTiyn } : {}),
      ...(fields.exemption && isExemptionCode(fields.exemption) ? { exemption: fields.exemption } : {}),
      ...(fields.courtOrderDemand ? { courtOrderDemand: fields.courtOrderDemand } : {}),
      date: at,
    }, mci);
  } catch (error) {
    if (!(error instanceof DutyInputError)) throw error;
    if (error.code === 'amount_required') throw new SotError('filing_incomplete', { missing: 'amount' });
    if (error.code === 'amount_invalid') throw new SotError('invalid_amount');
    if (error.code === 'mci_missing') throw new SotError('duty_mci_missing', { year: error.year ?? '' });
    // Kinds of proceedings without a state duty (criminal cases, for one) have no rate row.
    if (error.code === 'category_not_allowed') return { amountTiyn: 0, exempt: false, basis: null, quote: null };
    throw error;
  }
  return { amountTiyn: quote.amountTiyn, exempt: quote.exempt, basis: quote.basis.article, quote };
}

export function isExemptionCode(value: string): value is ExemptionCode {
  return (EXEMPTION_CODES as readonly string[]).includes(value);
}

export function isAlimonyClaim(value: string): value is AlimonyClaim {
  return (ALIMONY_CLAIMS as readonly string[]).includes(value);
}

/** The case and standing a filing in a case is priced by; undefined for a filing that starts one. */
export async function inCaseOf(db: Db, filing: Pick<Filing, 'type' | 'caseId' | 'filerId' | 'filerBin'>): Promise<InCase | undefined> {
  if (!filing.caseId) return undefined;
  const [found] = await db.select({ category: cases.category }).from(cases).where(eq(cases.id, filing.caseId));
  const standing = await standingOfFiler(db, filing.caseId, { userId: filing.filerId, bin: filing.filerBin }, filing.type);
  return { category: found?.category as CaseCategory | undefined, standing };
}

/** The duty of a stored filing: one filed in a case takes the case's category and the filer's standing in it. */
export async function dutyOfStoredFiling(db: Db, filing: Pick<Filing, 'type' | 'fields' | 'caseId' | 'filerId' | 'filerBin'>, at: Date): Promise<FilingDuty> {
  const { mci } = await loadReference(db);
  return dutyOfFiling(filing, at, mci, await inCaseOf(db, filing));
}
